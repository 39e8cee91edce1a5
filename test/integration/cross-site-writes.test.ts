import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, TEST_API_KEY, TEST_UI_TOKEN, type RunningTestApp } from '../support/temp-app';
import { formatRequest, rawRequest } from '../support/raw-http';

/**
 * Cross-site writes (issue 17 item 6): the session cookie rides along with any request a page makes
 * to the listener, and SameSite=Strict does not separate the ports of 127.0.0.1. A state change
 * carried by the cookie must come from the app's own origin; API-key scripts send no Origin.
 */
let app: RunningTestApp;
let callId: number;

beforeEach(async () => {
  app = await startTestApp(undefined, { withUi: true });
  const body = JSON.stringify({ id: 'csrf-1', messages: [{ role: 'bot', content: 'Hello' }] });
  expect((await send('POST', '/api/v1/observability/calls', { 'X-API-KEY': TEST_API_KEY, 'Content-Type': 'application/json' }, body)).status).toBe(201);
  callId = (app.core.db.prepare('SELECT id FROM calls').get() as { id: number }).id;
});
afterEach(async () => {
  await app.stop();
});

function send(method: string, path: string, headers: Record<string, string>, body?: string | Buffer) {
  return rawRequest(app.listener.port, formatRequest({ method, path, headers: { Host: `127.0.0.1:${app.listener.port}`, ...headers }, ...(body === undefined ? {} : { body }) }));
}

const cookie = { Cookie: `callscope_session=${encodeURIComponent(TEST_UI_TOKEN)}` };
const stored = () => app.core.db.prepare('SELECT recording_path, verdict FROM calls WHERE id = ?').get(callId) as { recording_path: string | null; verdict: string | null };
const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(60, 1)]);

describe('state changes carried by the session cookie', () => {
  it.each([
    ['a foreign Origin', { Origin: 'http://evil.example' }],
    ['another port of 127.0.0.1', { Origin: 'http://127.0.0.1:9' }],
    ['Origin: null', { Origin: 'null' }],
    ['https on a rebinding name', { Origin: 'https://127.attacker.example' }],
    ['no Origin but Sec-Fetch-Site: same-site', { 'Sec-Fetch-Site': 'same-site' }],
    ['no Origin but Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
  ])('refuses a recording upload from %s with 403 and keeps the call as it was', async (_what, from) => {
    const before = stored();
    const response = await send('POST', '/api/v1/recordings?filename=csrf-1.wav', { ...cookie, ...from, 'Content-Type': 'text/plain' }, wav);
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body).error.message).toMatch(/cross-site/);
    expect(stored()).toEqual(before);
    expect(before.recording_path).toBeNull();
  });

  it('refuses RPC writes from another origin and takes them from its own', async () => {
    const verdict = JSON.stringify({ id: callId, verdict: 'failure' });
    const json = { ...cookie, 'Content-Type': 'application/json' };
    expect((await send('POST', '/rpc/setVerdict', { ...json, Origin: 'http://evil.example' }, verdict)).status).toBe(403);
    expect((await send('POST', '/rpc/setVerdict', { ...json, 'Sec-Fetch-Site': 'same-site' }, verdict)).status).toBe(403);
    expect(stored().verdict).toBeNull();
    expect((await send('POST', '/rpc/setVerdict', { ...json, Origin: app.url }, verdict)).status).toBe(200);
    expect(stored().verdict).toBe('failure');
    const success = JSON.stringify({ id: callId, verdict: 'success' });
    expect((await send('POST', '/rpc/setVerdict', { ...json, Origin: `http://localhost:${app.listener.port}`, Host: `localhost:${app.listener.port}` }, success)).status).toBe(200);
    expect((await send('POST', '/rpc/setVerdict', { ...json, 'Sec-Fetch-Site': 'same-origin' }, verdict)).status).toBe(200);
  });

  it('takes a recording from its own page', async () => {
    const response = await send('POST', '/api/v1/recordings?filename=csrf-1.wav', { ...cookie, Origin: app.url, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'audio/wav' }, wav);
    expect(response.status).toBe(201);
    expect(stored().recording_path).toMatch(/\.wav$/);
  });

  it('leaves API-key scripts alone (they send no Origin and no cookie)', async () => {
    const response = await send('POST', '/api/v1/recordings?filename=csrf-1.wav', { 'X-API-KEY': TEST_API_KEY, 'Content-Type': 'audio/wav' }, wav);
    expect(response.status).toBe(201);
    const review = await send('PUT', `/api/v1/calls/${callId}/review`, { 'X-API-KEY': TEST_API_KEY, 'Content-Type': 'application/json' }, JSON.stringify({ verdict: 'success' }));
    expect(review.status).toBe(200);
    expect(stored().verdict).toBe('success');
  });

  it('lets reads with the cookie through whatever their origin (nothing changes)', async () => {
    const response = await send('GET', `/media/calls/${callId}/peaks`, { ...cookie, Origin: 'http://evil.example' });
    expect(response.status).toBe(404);
  });
});
