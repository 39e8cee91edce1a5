import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRecording } from '../../src/main/audio/fetch-recording';
import { generateCall, scenario, type GeneratedCall } from '../../src/main/audio/generate';
import { postJson, startTestApp, tempDir, type RunningTestApp } from '../support/temp-app';
import { waitFor } from '../support/wait-for';

/** Remote recordings, fetched on demand from a real HTTP server on port 0. */
let server: Server;
let base = '';
let dir: ReturnType<typeof tempDir>;
let call: GeneratedCall;
let app: RunningTestApp;

beforeAll(async () => {
  dir = tempDir('callscope-fetch-');
  call = await generateCall(scenario('basic', 2), dir.path);
  const wav = readFileSync(call.wavPath);
  server = createServer((req, res) => {
    if (req.url === '/call.wav') return void res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': wav.length }).end(wav);
    if (req.url === '/slow.wav') return void res.writeHead(200, { 'content-type': 'audio/wav' }).write(wav.subarray(0, 1000)); // never ends
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = await startTestApp();
}, 60_000);
afterAll(async () => {
  await app.stop();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  dir.remove();
});

describe('fetchRecording', () => {
  it('fetches into the cache under the call name, keeping the extension', async () => {
    const path = await fetchRecording(`${base}/call.wav`, `${dir.path}/cache`, 'abc123');
    expect(path).toMatch(/cache\/abc123\.wav$/);
    expect(readFileSync(path).equals(readFileSync(call.wavPath))).toBe(true);
  });

  it('refuses other schemes, oversize files, missing files and stalled servers, saying which', async () => {
    await expect(fetchRecording('file:///etc/passwd', dir.path, 'x')).rejects.toThrow(/only http and https/);
    await expect(fetchRecording(`${base}/call.wav`, dir.path, 'x', { maxBytes: 1000 })).rejects.toThrow(/over the 1000-byte limit/);
    await expect(fetchRecording(`${base}/missing.wav`, dir.path, 'x')).rejects.toThrow(/HTTP 404/);
    await expect(fetchRecording(`${base}/slow.wav`, dir.path, 'x', { timeoutMs: 300 })).rejects.toThrow(/timed out/);
  });
});

describe('a call whose recording is a URL', () => {
  it('is fetched and analysed on demand ("Analyse recording")', async () => {
    const response = await postJson(app, '/api/v1/observability/calls', {
      id: 'remote-1',
      recording_url: `${base}/call.wav`,
      messages: call.transcript.map((t) => ({ role: t.role === 'agent' ? 'bot' : 'user', content: t.text, start_time: t.start_ms, end_time: t.end_ms })),
    });
    expect(response.status).toBe(201);
    const queued = await app.api('/api/v1/calls/remote-1/analyse', { method: 'POST' });
    expect(queued.status).toBe(202);
    const metrics = await waitFor(async () => {
      const m = await (await app.api('/api/v1/calls/remote-1/metrics')).json();
      return m.audio?.status === 'done' || m.audio?.status === 'failed' ? m : null;
    }, 'the remote recording analysis');
    expect(metrics.audio.status).toBe('done');
    expect(metrics.latency_ms.audio.count).toBe(call.truth.latencies.length);
  }, 30_000);
});
