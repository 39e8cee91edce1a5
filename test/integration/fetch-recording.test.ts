import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRecording } from '../../src/main/audio/fetch-recording';
import { generateCall, scenario, type GeneratedCall } from '../support/audio-generate';
import { postJson, startTestApp, tempDir, type RunningTestApp } from '../support/temp-app';
import { waitFor } from '../support/wait-for';

/**
 * Remote recordings, fetched on demand from real HTTP servers on port 0. Loopback is refused by
 * default (a recording_url must not reach this machine), so the positive cases trust 127.0.0.1
 * explicitly, as a user would trust a LAN recording server in Settings.
 */
let server: Server;
let hanging: Server;
let base = '';
let hangingBase = '';
let dir: ReturnType<typeof tempDir>;
let call: GeneratedCall;
let app: RunningTestApp;
const TRUST_LOOPBACK = { trustedHosts: ['127.0.0.1'] };
const SECRET = 'TOP-SECRET-do-not-echo-0123456789';
/** what the endless route managed to send before the client hung up. */
const endless = { sent: 0, closed: false };

function sendForever(res: ServerResponse, header: Buffer): void {
  res.writeHead(200, { 'content-type': 'audio/wav' });
  res.write(header);
  const chunk = Buffer.alloc(64 * 1024);
  const pump = () => {
    while (!res.destroyed && res.write(chunk)) endless.sent += chunk.length;
    if (!res.destroyed) res.once('drain', pump);
  };
  res.on('close', () => (endless.closed = true));
  pump();
}

async function listen(target: Server): Promise<string> {
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  dir = tempDir('callscope-fetch-');
  call = await generateCall(scenario('basic', 2), dir.path);
  const wav = readFileSync(call.wavPath);
  const port = () => (server.address() as AddressInfo).port;
  server = createServer((req, res) => {
    if (req.url === '/call.wav') return void res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': wav.length }).end(wav);
    if (req.url === '/untyped') return void res.writeHead(200).end(wav);
    if (req.url === '/slow.wav') return void res.writeHead(200, { 'content-type': 'audio/wav' }).write(wav.subarray(0, 1000)); // never ends
    if (req.url === '/moved') return void res.writeHead(302, { location: '/call.wav' }).end();
    if (req.url === '/to-localhost') return void res.writeHead(302, { location: `http://localhost:${port()}/call.wav` }).end();
    if (req.url === '/to-metadata') return void res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/secret.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(SECRET);
    if (req.url === '/secret.wav') return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(SECRET);
    if (req.url === '/endless.wav') return sendForever(res, wav.subarray(0, 44));
    res.writeHead(404).end();
  });
  hanging = createServer(() => undefined); // accepts, never answers
  base = await listen(server);
  hangingBase = await listen(hanging);
  app = await startTestApp();
}, 60_000);
afterAll(async () => {
  await app.stop();
  for (const s of [server, hanging]) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  dir.remove();
});

describe('fetchRecording from a trusted host', () => {
  it('fetches into the cache under the call name, keeping the extension', async () => {
    const path = await fetchRecording(`${base}/call.wav`, `${dir.path}/cache`, 'abc123', TRUST_LOOPBACK);
    expect(path).toMatch(/cache\/abc123\.wav$/);
    expect(readFileSync(path).equals(readFileSync(call.wavPath))).toBe(true);
  });

  it('names the file by its first bytes and follows a redirect that stays trusted', async () => {
    expect(await fetchRecording(`${base}/untyped`, `${dir.path}/cache`, 'untyped', TRUST_LOOPBACK)).toMatch(/untyped\.wav$/);
    expect(await fetchRecording(`${base}/moved`, `${dir.path}/cache`, 'moved', TRUST_LOOPBACK)).toMatch(/moved\.wav$/);
  });

  it('refuses other schemes, oversize files, missing files and stalled servers, saying which', async () => {
    await expect(fetchRecording('file:///etc/passwd', dir.path, 'x')).rejects.toThrow(/only http and https/);
    await expect(fetchRecording(`${base}/call.wav`, dir.path, 'x', { ...TRUST_LOOPBACK, maxBytes: 1000 })).rejects.toThrow(/over the 1000-byte limit/);
    await expect(fetchRecording(`${base}/missing.wav`, dir.path, 'x', TRUST_LOOPBACK)).rejects.toThrow(/HTTP 404/);
    await expect(fetchRecording(`${base}/slow.wav`, dir.path, 'x', { ...TRUST_LOOPBACK, timeoutMs: 300 })).rejects.toThrow(/timed out/);
    await expect(fetchRecording(`${base}/loop`, dir.path, 'x', TRUST_LOOPBACK)).rejects.toThrow(/more than 5 redirects/);
  });

  it('stores nothing that is not audio, and never quotes the body in the error', async () => {
    const cache = `${dir.path}/not-audio`;
    for (const path of ['/secret.txt', '/secret.wav']) {
      const error: unknown = await fetchRecording(`${base}${path}`, cache, 'secret', TRUST_LOOPBACK).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      const message = error instanceof Error ? error.message : '';
      expect(message).toMatch(/not audio|did not send audio/);
      expect(message).not.toContain('TOP-SECRET');
    }
    expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([]);
  });

  it('stops an endless body at the size cap: the stream is cut and nothing is left on disk', async () => {
    const cache = `${dir.path}/endless`;
    const cap = 256 * 1024;
    await expect(fetchRecording(`${base}/endless.wav`, cache, 'endless', { ...TRUST_LOOPBACK, maxBytes: cap })).rejects.toThrow(`over the ${cap}-byte limit`);
    expect(readdirSync(cache)).toEqual([]);
    await waitFor(() => endless.closed, 'the server to see the connection closed');
    // what sat in socket buffers when the client hung up, not an unbounded download
    expect(endless.sent).toBeLessThan(cap + 16 * 1024 * 1024);
  });
});

describe('fetchRecording refuses this machine and private networks by default', () => {
  it('refuses loopback, however it is written, and says how to trust a host', async () => {
    const port = new URL(base).port;
    const urls = [`${base}/call.wav`, `http://[::1]:${port}/call.wav`, `http://[::ffff:127.0.0.1]:${port}/call.wav`, `http://2130706433:${port}/call.wav`, `http://0x7f.1:${port}/call.wav`];
    for (const url of urls) await expect(fetchRecording(url, dir.path, 'x')).rejects.toThrow(/refused to fetch the recording .*loopback address; add the host to "Trusted recording hosts"/);
  });

  it('checks names after DNS: localhost resolves to loopback and is refused', async () => {
    await expect(fetchRecording(`http://localhost:${new URL(base).port}/call.wav`, dir.path, 'x')).rejects.toThrow(/localhost.*resolves to (127\.0\.0\.1|::1), a loopback address/);
  });

  it('refuses private, link-local, CGNAT and metadata addresses without connecting', async () => {
    const refused = ['http://10.1.2.3/a.wav', 'http://172.16.0.1/a.wav', 'http://192.168.1.20/a.wav', 'http://169.254.169.254/latest/meta-data/', 'http://100.100.100.200/', 'http://0.0.0.0/', 'http://[fd00:ec2::254]/', 'http://[fe80::1]/'];
    for (const url of refused) await expect(fetchRecording(url, dir.path, 'x')).rejects.toThrow(/refused to fetch the recording/);
  });

  it('checks every redirect: a trusted host cannot send the fetch to an untrusted loopback name or to metadata', async () => {
    await expect(fetchRecording(`${base}/to-localhost`, dir.path, 'x', TRUST_LOOPBACK)).rejects.toThrow(/refused to fetch the recording from localhost:\d+ \(redirected from 127\.0\.0\.1:\d+\)/);
    await expect(fetchRecording(`${base}/to-metadata`, dir.path, 'x', TRUST_LOOPBACK)).rejects.toThrow(/169\.254\.169\.254 is a link-local/);
  });
});

function transcriptMessages() {
  return call.transcript.map((t) => ({ role: t.role === 'agent' ? 'bot' : 'user', content: t.text, start_time: t.start_ms, end_time: t.end_ms }));
}

describe('a call whose recording is a URL', () => {
  it('on this machine is refused unless trusted: nothing is fetched or served back', async () => {
    expect((await postJson(app, '/api/v1/observability/calls', { id: 'ssrf-1', recording_url: `${base}/secret.wav`, messages: transcriptMessages() })).status).toBe(201);
    const response = await postJson(app, '/api/v1/calls/ssrf-1/analyse', { wait: true });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'failed', error: expect.stringMatching(/refused to fetch the recording .*loopback/) });
    expect(existsSync(`${app.dataDir}/media/cache`) ? readdirSync(`${app.dataDir}/media/cache`) : []).toEqual([]);
  }, 30_000);

  it('is fetched and analysed on demand once its host is trusted in Settings', async () => {
    await app.core.handlers.updateSettings({ recording_fetch_allow_hosts: ['127.0.0.1'] });
    const response = await postJson(app, '/api/v1/observability/calls', { id: 'remote-1', recording_url: `${base}/call.wav`, messages: transcriptMessages() });
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

  it('that hangs does not hold up another call: the other is fetched and analysed meanwhile', async () => {
    await app.core.handlers.updateSettings({ recording_fetch_allow_hosts: ['127.0.0.1'] });
    for (const [id, url] of [['hangs-1', `${hangingBase}/never.wav`], ['prompt-1', `${base}/call.wav`]] as const) {
      expect((await postJson(app, '/api/v1/observability/calls', { id, recording_url: url, messages: transcriptMessages() })).status).toBe(201);
    }
    expect((await app.api('/api/v1/calls/hangs-1/analyse', { method: 'POST' })).status).toBe(202);
    await waitFor(async () => (await (await app.api('/api/v1/calls/hangs-1/metrics')).json()).audio?.status === 'fetching', 'the hanging fetch to start');
    const prompt = await postJson(app, '/api/v1/calls/prompt-1/analyse', { wait: true });
    expect(prompt.status).toBe(200);
    expect((await prompt.json()).status).toBe('done');
    expect((await (await app.api('/api/v1/calls/hangs-1/metrics')).json()).audio.status).toBe('fetching');
  }, 30_000);
});
