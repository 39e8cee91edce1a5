import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../support/corpus';
import { signedAt } from '../support/corpus-routes';
import { startTestApp, TEST_API_KEY, type RunningTestApp } from '../support/temp-app';

const retell = loadCorpus('retell').find((c) => c.headers !== null)!;
let app: RunningTestApp;
let clock = 0;

beforeEach(async () => {
  app = await startTestApp(undefined, { now: () => clock });
});
afterEach(async () => {
  await app.stop();
});

function rpc(method: string, input: unknown) {
  return app.api(`/rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}` }, body: JSON.stringify(input) });
}

describe('settings: webhook secrets', () => {
  it('a secret set in Settings is enforced on the next request, kept on disk, and never shown', async () => {
    clock = signedAt(retell)!;
    const before = await (await rpc('getSettings', {})).json();
    expect(before.webhook_secrets.retell).toEqual({ set: false, from_env: false });

    const saved = await (await rpc('updateSettings', { webhook_secrets: { retell: 'key_corpus_test_not_real' } })).json();
    expect(saved.webhook_secrets.retell).toEqual({ set: true, from_env: false });
    expect(JSON.stringify(saved)).not.toContain('key_corpus_test_not_real');
    const stored = JSON.parse(readFileSync(join(app.dataDir, 'config.json'), 'utf8'));
    expect(stored.webhook_secrets.retell).toBe('key_corpus_test_not_real');

    const unsigned = await fetch(`${app.url}/webhooks/retell`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: retell.bytes });
    expect(unsigned.status).toBe(401);
    const signed = await fetch(`${app.url}/webhooks/retell`, { method: 'POST', headers: retell.headers!.headers, body: retell.bytes });
    expect(signed.status).toBe(201);

    const cleared = await (await rpc('updateSettings', { webhook_secrets: { retell: null } })).json();
    expect(cleared.webhook_secrets.retell.set).toBe(false);
    const again = await fetch(`${app.url}/webhooks/retell`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: retell.bytes });
    expect(again.status).toBe(200); // loopback, no secret: accepted (a duplicate of the call above)
  });

  it('keeps the slow-reply threshold', async () => {
    expect((await (await rpc('getSettings', {})).json()).slow_reply_ms).toBe(2000);
    expect((await (await rpc('updateSettings', { slow_reply_ms: 1500 })).json()).slow_reply_ms).toBe(1500);
    expect((await (await rpc('getSettings', {})).json()).slow_reply_ms).toBe(1500);
    expect((await rpc('updateSettings', { slow_reply_ms: 5 })).status).toBe(422);
  });

  it('refuses settings out of range, naming the field', async () => {
    const response = await rpc('updateSettings', { body_limit_bytes: 10 });
    expect(response.status).toBe(422);
    expect((await response.json()).error.fields[0].path).toBe('body_limit_bytes');
  });

  it('keeps the trusted recording hosts, and names a bad entry', async () => {
    expect((await (await rpc('getSettings', {})).json()).recording_fetch_allow_hosts).toEqual([]);
    const saved = await (await rpc('updateSettings', { recording_fetch_allow_hosts: ['NAS.local', '192.168.1.0/24', '[::1]'] })).json();
    expect(saved.recording_fetch_allow_hosts).toEqual(['nas.local', '192.168.1.0/24', '::1']);
    expect(JSON.parse(readFileSync(join(app.dataDir, 'config.json'), 'utf8')).recording_fetch_allow_hosts).toEqual(['nas.local', '192.168.1.0/24', '::1']);
    expect(app.core.config.recordingFetchAllowHosts).toEqual(['nas.local', '192.168.1.0/24', '::1']);
    const bad = await rpc('updateSettings', { recording_fetch_allow_hosts: ['ok.example', 'http://nas.local:8080/x'] });
    expect(bad.status).toBe(422);
    const body = await bad.json();
    expect(body.error.fields).toEqual([expect.objectContaining({ path: 'recording_fetch_allow_hosts.1', message: expect.stringContaining('http://nas.local:8080/x') })]);
  });
});
