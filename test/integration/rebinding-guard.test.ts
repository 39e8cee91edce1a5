import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, tempDir, type RunningTestApp } from '../support/temp-app';
import { formatRequest, rawRequest } from '../support/raw-http';

/**
 * DNS rebinding (issue 17 item 2): a page on `127.attacker.example` that resolves to 127.0.0.1 sends
 * its own name as Host. With no webhook secret set (the default), an unsigned webhook from loopback
 * is accepted, so the Host check is all that stands between that page and the stored calls.
 */
let app: RunningTestApp;
let dir: ReturnType<typeof tempDir> | null = null;
afterEach(async () => {
  await app.stop();
  dir?.remove();
  dir = null;
});

function vapiReport(endedReason: string, text: string) {
  return JSON.stringify({
    message: {
      type: 'end-of-call-report',
      endedReason,
      call: { id: 'vapi-rebinding-1' },
      artifact: { messages: [{ role: 'bot', message: text, secondsFromStart: 0 }] },
    },
  });
}

function postWebhook(host: string, body: string) {
  return rawRequest(app.listener.port, formatRequest({ method: 'POST', path: '/webhooks/vapi', headers: { Host: host, 'Content-Type': 'application/json' }, body }));
}

function storedState() {
  const call = app.core.db.prepare('SELECT end_reason FROM calls WHERE external_id = ?').get('vapi-rebinding-1') as { end_reason: string } | undefined;
  const turns = app.core.db.prepare('SELECT text FROM turns ORDER BY call_id, idx').all();
  const payloads = (app.core.db.prepare('SELECT count(*) AS n FROM call_payloads').get() as { n: number }).n;
  return { call, turns, payloads };
}

describe('the Host check (DNS rebinding)', () => {
  it.each(['127.attacker.example', '127.0.0.1.evil.example', 'localhost.evil.example', '127.0.0.2', 'evil.example'])(
    'a webhook addressed to %s is refused and the stored call is unchanged',
    async (name) => {
      app = await startTestApp();
      const port = app.listener.port;
      const created = await postWebhook(`127.0.0.1:${port}`, vapiReport('customer-ended-call', 'Hello from the agent'));
      expect(created.status).toBe(201);
      const before = storedState();

      const attack = await postWebhook(`${name}:${port}`, vapiReport('attacker-was-here', 'Rewritten by a web page'));
      expect([403, 421]).toContain(attack.status);
      expect(JSON.parse(attack.body).error.message).toContain(name);
      expect(storedState()).toEqual(before);
      expect(before.call?.end_reason).toBe('customer-ended-call');
    },
  );

  it('accepts the loopback literals with the listener port only', async () => {
    app = await startTestApp();
    const port = app.listener.port;
    const statusFor = async (host: string) => (await rawRequest(port, formatRequest({ method: 'GET', path: '/openapi.json', headers: { Host: host } }))).status;
    expect(await statusFor(`127.0.0.1:${port}`)).toBe(200);
    expect(await statusFor(`localhost:${port}`)).toBe(200);
    expect(await statusFor(`LOCALHOST:${port}`)).toBe(200);
    expect(await statusFor(`[::1]:${port}`)).toBe(200);
    expect(await statusFor(`127.0.0.1:${port + 1}`)).toBe(403);
    expect(await statusFor('127.0.0.1')).toBe(403);
    expect(await statusFor(`user@127.0.0.1:${port}`)).toBe(403);
    expect(await statusFor(`127.0.0.1:${port}:${port}`)).toBe(403);
    expect(await statusFor('')).toBe(403);
  });

  it('also answers to the names listed in allowed_hosts, exactly', async () => {
    dir = tempDir();
    writeFileSync(join(dir.path, 'config.json'), JSON.stringify({ allowed_hosts: ['callscope.lan', 'proxy.example:8443'] }));
    app = await startTestApp(dir.path);
    const port = app.listener.port;
    const statusFor = async (host: string) => (await rawRequest(port, formatRequest({ method: 'GET', path: '/openapi.json', headers: { Host: host } }))).status;
    expect(await statusFor(`callscope.lan:${port}`)).toBe(200);
    expect(await statusFor('callscope.lan')).toBe(200);
    expect(await statusFor('proxy.example:8443')).toBe(200);
    expect(await statusFor('proxy.example:8444')).toBe(403);
    expect(await statusFor(`callscope.lan.evil.example:${port}`)).toBe(403);
    expect(await statusFor(`x.callscope.lan:${port}`)).toBe(403);
  });
});
