import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../support/corpus';
import { corpusSecrets, signedAt } from '../support/corpus-routes';
import { startTestApp, TEST_API_KEY, type RunningTestApp } from '../support/temp-app';

const signed = loadCorpus().filter((c) => c.headers !== null);
let clock = Date.now();
let app: RunningTestApp;

beforeEach(async () => {
  app = await startTestApp(undefined, { env: corpusSecrets, now: () => clock });
});
afterEach(async () => {
  await app.stop();
});

function post(path: string, body: Buffer | string, headers: Record<string, string>) {
  return fetch(`${app.url}${path}`, { method: 'POST', headers, body });
}

const countCalls = () => (app.core.db.prepare('SELECT count(*) AS n FROM calls').get() as { n: number }).n;

/** Flips one hex digit of every signature-looking value, keeping the header's form. */
function tamper(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([key, value]) => {
      if (/content-type/i.test(key)) return [key, value];
      const last = value.at(-1) ?? '0';
      return [key, `${value.slice(0, -1)}${last === '0' ? '1' : '0'}`];
    }),
  );
}

describe('signed webhooks', () => {
  it('has signed corpus payloads of every signing provider', () => {
    expect(new Set(signed.map((c) => c.provider))).toEqual(new Set(['vapi', 'retell', 'elevenlabs', 'bland']));
  });

  it.each(signed.map((c) => [c.name, c] as const))('%s: accepted with its test signature, 401 with a wrong one', async (_name, corpusCase) => {
    clock = signedAt(corpusCase) ?? Date.now();
    const headers = corpusCase.headers?.headers ?? {};
    const route = `/webhooks/${corpusCase.provider}`;

    const wrong = await post(route, corpusCase.bytes, tamper(headers));
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.message).toMatch(/signature|credential/i);
    expect(countCalls()).toBe(0);

    const right = await post(route, corpusCase.bytes, headers);
    expect([200, 201]).toContain(right.status);
    expect(countCalls()).toBe(1);
  });

  it('rejects a body changed after signing', async () => {
    const retell = signed.find((c) => c.provider === 'retell')!;
    clock = signedAt(retell)!;
    const altered = Buffer.from(retell.bytes.toString('utf8').replace('"call_id"', '"call_id" '));
    const response = await post('/webhooks/retell', altered, retell.headers!.headers);
    expect(response.status).toBe(401);
  });

  it('rejects a Retell signature older than 5 minutes, and an ElevenLabs one older than 30', async () => {
    const retell = signed.find((c) => c.provider === 'retell')!;
    clock = signedAt(retell)! + 5 * 60 * 1000 + 1;
    const stale = await post('/webhooks/retell', retell.bytes, retell.headers!.headers);
    expect(stale.status).toBe(401);
    expect((await stale.json()).error.message).toMatch(/5 minutes/);

    const eleven = signed.find((c) => c.provider === 'elevenlabs')!;
    clock = signedAt(eleven)! + 31 * 60 * 1000;
    expect((await post('/webhooks/elevenlabs', eleven.bytes, eleven.headers!.headers)).status).toBe(401);
  });

  it('takes Retell webhooks on the seed 000 route as well', async () => {
    const retell = signed.find((c) => c.name === 'retell/call_ended_transfer')!;
    clock = signedAt(retell)!;
    const response = await post('/api/v1/observability/calls/retell/webhook', retell.bytes, retell.headers!.headers);
    expect(response.status).toBe(201);
    expect((await response.json()).provider_call_id).toBe(retell.expected.external_call_id);
  });

  it('acknowledges Vapi server messages that carry no finished call, storing nothing', async () => {
    const response = await post('/webhooks/vapi', JSON.stringify({ message: { type: 'status-update', status: 'in-progress' } }), {
      'content-type': 'application/json',
      'x-vapi-secret': corpusSecrets.CALLSCOPE_VAPI_SECRET,
    });
    expect(response.status).toBe(202);
    expect(countCalls()).toBe(0);
  });

  it('refuses a payload of another provider on a provider route', async () => {
    const bland = signed.find((c) => c.provider === 'bland')!;
    const response = await post('/webhooks/retell', bland.bytes, { 'content-type': 'application/json', 'x-api-key': TEST_API_KEY });
    expect(response.status).toBe(401); // the Retell secret is set: only a Retell signature gets in
  });
});

describe('unsigned webhooks', () => {
  it('are accepted from loopback when no secret is configured', async () => {
    const plain = await startTestApp();
    try {
      const retell = signed.find((c) => c.name === 'retell/call_ended_transfer')!;
      const response = await fetch(`${plain.url}/webhooks/retell`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: retell.bytes });
      expect(response.status).toBe(201);
      const elsewhere = await fetch(`${plain.url}/webhooks/bland`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: retell.bytes });
      expect(elsewhere.status).toBe(422);
      expect((await elsewhere.json()).error.message).toMatch(/takes bland payloads.*retell/);
    } finally {
      await plain.stop();
    }
  });
});
