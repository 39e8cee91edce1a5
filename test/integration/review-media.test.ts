import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { generateCall, scenario, type GeneratedCall } from '../support/audio-generate';
import { postJson, startTestApp, tempDir, type RunningTestApp } from '../support/temp-app';
import { waitFor } from '../support/wait-for';

let app: RunningTestApp;
let dir: ReturnType<typeof tempDir>;
let call: GeneratedCall;

beforeAll(async () => {
  dir = tempDir('callscope-review-media-');
  call = await generateCall(scenario('basic', 4), dir.path);
  app = await startTestApp();
  const messages = call.transcript.map((t) => ({ role: t.role === 'agent' ? 'bot' : 'user', content: t.text, start_time: t.start_ms, end_time: t.end_ms }));
  expect((await postJson(app, '/api/v1/observability/calls', { id: 'media-1', messages })).status).toBe(201);
  await app.api('/api/v1/recordings?filename=media-1.wav', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: readFileSync(call.wavPath) });
  await waitFor(async () => (await (await app.api('/api/v1/calls/media-1/metrics')).json()).audio?.status === 'done', 'the analysis');
}, 60_000);
afterAll(async () => {
  await app.stop();
  dir.remove();
});

describe('media for the review screen', () => {
  it('streams the recording with Range requests', async () => {
    const wav = readFileSync(call.wavPath);
    const whole = await app.api('/media/calls/media-1/audio');
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await whole.arrayBuffer()).equals(wav)).toBe(true);
    const part = await app.api('/media/calls/media-1/audio', { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${wav.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(wav.subarray(100, 200))).toBe(true);
    const tail = await app.api('/media/calls/media-1/audio', { headers: { range: 'bytes=-10' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(wav.subarray(wav.length - 10))).toBe(true);
    expect((await app.api('/media/calls/media-1/audio', { headers: { range: `bytes=${wav.length + 5}-` } })).status).toBe(416);
    expect((await fetch(`${app.url}/media/calls/media-1/audio`)).status).toBe(401);
  });

  it('serves the precomputed peaks: one magnitude per window per channel', async () => {
    const response = await app.api('/media/calls/media-1/peaks');
    expect(response.status).toBe(200);
    const channels = Number(response.headers.get('x-channels'));
    const perSecond = Number(response.headers.get('x-peaks-per-second'));
    const durationMs = Number(response.headers.get('x-duration-ms'));
    expect(channels).toBe(2);
    const values = new Float32Array(await response.arrayBuffer());
    const perChannel = values.length / channels;
    expect(Math.abs(perChannel - (durationMs / 1000) * perSecond)).toBeLessThanOrEqual(2);
    expect(Math.max(...values)).toBeGreaterThan(0.05); // speech is there
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
  });
});

describe('PUT /api/v1/calls/{id}/review', () => {
  it('records the verdict and a note, and the seed shapes reflect it', async () => {
    const response = await app.api('/api/v1/calls/media-1/review', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verdict: 'failure', note: 'Agent never confirmed the time', at_ms: 12_000 }),
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ verdict: 'failure', notes: [{ at_ms: 12000, text: 'Agent never confirmed the time' }] });
    expect(body.reviewed_at).not.toBeNull();
    const detail = await (await app.api('/api/v1/calls/media-1/detail')).json();
    expect(detail.call.result).toBe('failure');
    const log = await (await app.api('/observability/v1/call-logs/media-1/')).json();
    expect(log).toMatchObject({ status: 'reviewed_failure', is_reviewed: true, success: false });
    const list = await (await app.api('/api/v1/calls?verdict=failure')).json();
    expect(list.items.map((i: { external_id: string }) => i.external_id)).toEqual(['media-1']);
    const bad = await app.api('/api/v1/calls/media-1/review', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verdict: 'maybe' }) });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields[0].path).toBe('verdict');
    const cleared = await (await app.api('/api/v1/calls/media-1/review', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verdict: null }) })).json();
    expect(cleared).toMatchObject({ verdict: null, reviewed_at: null });
  });
});
