import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, TEST_API_KEY, type RunningTestApp } from '../support/temp-app';
import { formatRequest, openSocket, parseRawResponse, rawRequest, readAll } from '../support/raw-http';
import { multipartBody, TEST_BOUNDARY } from '../support/multipart';
import { waitFor } from '../support/wait-for';
import { getAudioState, pendingAudio } from '../../src/main/store/audio';

/**
 * Uploads that never finish (issue 17 item 4): a multipart body cut off inside the file part used
 * to be left unanswered, holding a file descriptor and a partial file in media/recordings/incoming/.
 */
const OBSERVE = '/observability/v1/observe/';
const IDLE_MS = 300;

let app: RunningTestApp;
beforeEach(async () => {
  app = await startTestApp(undefined, { uploadIdleTimeoutMs: IDLE_MS });
});
afterEach(async () => {
  await app.stop();
});

const incomingDir = () => join(app.dataDir, 'media', 'recordings', 'incoming');
const incomingFiles = () => (existsSync(incomingDir()) ? readdirSync(incomingDir()) : []);
const openFds = () => readdirSync('/proc/self/fd').length;
const storedCalls = () => (app.core.db.prepare('SELECT count(*) AS n FROM calls').get() as { n: number }).n;

function observeRequest(body: Buffer, contentLength = body.length): Buffer {
  const headers = {
    Host: `127.0.0.1:${app.listener.port}`,
    'X-API-KEY': TEST_API_KEY,
    'Content-Type': `multipart/form-data; boundary=${TEST_BOUNDARY}`,
    'Content-Length': String(contentLength),
  };
  return formatRequest({ method: 'POST', path: OBSERVE, headers, body });
}

const fullBody = (callId: string) =>
  multipartBody([
    { name: 'call_id', content: callId },
    { name: 'transcript_type', content: 'none-mono' },
    { name: 'voice_recording', filename: 'call.wav', content: Buffer.alloc(256 * 1024, 7) },
  ]);

/** Sends the request up to `cutAt` bytes into the body, then stalls, half-closes or resets. */
async function cutOffUpload(callId: string, ending: 'stall' | 'end' | 'reset', cutAt = 128 * 1024) {
  const body = fullBody(callId);
  const request = observeRequest(body);
  const headerLength = request.length - body.length;
  const socket = await openSocket(app.listener.port);
  const answer = readAll(socket);
  // Wait until the server has the partial file open before ending the connection.
  await new Promise<void>((resolve) => socket.write(request.subarray(0, headerLength + cutAt), () => resolve()));
  await waitFor(() => incomingFiles().length > 0, 'the partial upload to reach the incoming folder');
  if (ending === 'end') socket.end();
  if (ending === 'reset') socket.resetAndDestroy();
  return parseRawResponse(await answer);
}

describe('multipart uploads that never finish', () => {
  it('answers a body that stops inside the file part with 408 and removes the partial file', async () => {
    const response = await cutOffUpload('cut-stall', 'stall');
    expect(response.status).toBe(408);
    expect(JSON.parse(response.body).error.message).toMatch(/no data|timed out/i);
    await waitFor(() => incomingFiles().length === 0, 'the partial file to be removed');
    expect(storedCalls()).toBe(0);
  });

  it('answers a client that half-closes inside the file part with 400 and removes the partial file', async () => {
    // A deadline far away, so the answer can only come from the half-close.
    await app.stop();
    app = await startTestApp(undefined, { uploadIdleTimeoutMs: 60_000 });
    const response = await cutOffUpload('cut-end', 'end');
    expect(response.status).toBe(400);
    await waitFor(() => incomingFiles().length === 0, 'the partial file to be removed');
    expect(storedCalls()).toBe(0);
  });

  it('20 cut-off uploads leave no file and no open file descriptor behind', async () => {
    // One full upload first, so whatever the server opens once (WAL, the audio worker) is open before counting.
    expect((await rawRequest(app.listener.port, observeRequest(fullBody('warm-up')))).status).toBe(201);
    await waitFor(() => incomingFiles().length === 0, 'the warm-up upload to be adopted');
    await waitFor(() => getAudioState(app.core.db, 1) !== null && pendingAudio(app.core.db).length === 0, 'the warm-up recording to be analysed');
    const before = openFds();
    const endings = ['stall', 'end', 'reset'] as const;
    for (let i = 0; i < 20; i++) await cutOffUpload(`cut-${i}`, endings[i % endings.length] ?? 'stall');
    await waitFor(() => incomingFiles().length === 0, 'every partial file to be removed');
    // Closing a socket takes a turn of the event loop: wait for the count to settle, then compare.
    const after = await waitFor(() => (openFds() <= before ? openFds() : null), `open fds back to ${before}`, 5000).catch(() => openFds());
    expect(after).toBeLessThanOrEqual(before);
    expect(storedCalls()).toBe(1);
  });

  it('answers a recording upload that stalls with 408 and removes the partial file', async () => {
    const audio = Buffer.alloc(256 * 1024, 5);
    const headers = { Host: `127.0.0.1:${app.listener.port}`, 'X-API-KEY': TEST_API_KEY, 'Content-Type': 'audio/wav', 'Content-Length': String(audio.length) };
    const request = formatRequest({ method: 'POST', path: '/api/v1/recordings?filename=nobody.wav', headers, body: audio });
    const socket = await openSocket(app.listener.port);
    const answer = readAll(socket);
    socket.write(request.subarray(0, request.length - audio.length / 2));
    const response = parseRawResponse(await answer);
    expect(response.status).toBe(408);
    await waitFor(() => incomingFiles().length === 0, 'the partial recording to be removed');
  });

  it('refuses two voice_recording parts with 400 and keeps neither file', async () => {
    const body = multipartBody([
      { name: 'call_id', content: 'two-files' },
      { name: 'transcript_type', content: 'none-mono' },
      { name: 'voice_recording', filename: 'a.wav', content: Buffer.alloc(4096, 1) },
      { name: 'voice_recording', filename: 'b.wav', content: Buffer.alloc(4096, 2) },
    ]);
    const response = await rawRequest(app.listener.port, observeRequest(body));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error.message).toMatch(/voice_recording/);
    await waitFor(() => incomingFiles().length === 0, 'the first file to be removed');
    expect(readdirSync(join(app.dataDir, 'media', 'recordings')).filter((name) => name !== 'incoming')).toEqual([]);
    expect(storedCalls()).toBe(0);
  });
});
