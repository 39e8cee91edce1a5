import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEventName, ApiEvents } from '../../src/core/api/types';
import { postJson, startTestApp, tempDir, type RunningTestApp } from '../support/temp-app';
import { waitFor } from '../support/wait-for';

/**
 * Each event says one thing: `calls.changed` when a call's data or review changed, `audio.changed`
 * while its recording is analysed (the transcript did not change, so no screen re-reads it).
 * Mutations answer with what they changed, not the whole call.
 */

type Heard = { [E in ApiEventName]: { name: E; payload: ApiEvents[E] } }[ApiEventName];

let app: RunningTestApp;
let dir: ReturnType<typeof tempDir>;
const heard: Heard[] = [];
let callId = 0;

beforeAll(async () => {
  dir = tempDir('callscope-events-');
  app = await startTestApp();
  app.core.events.subscribe((name, payload) => {
    // as a subscriber outside the process would hear it: the event serialised
    const event: Heard = JSON.parse(JSON.stringify({ name, payload }));
    heard.push(event);
  });
  const messages = [
    { role: 'bot', content: 'Hello, how can I help?', start_time: 0, end_time: 1500 },
    { role: 'user', content: 'I need an appointment.', start_time: 1800, end_time: 3000 },
  ];
  expect((await postJson(app, '/api/v1/observability/calls', { id: 'events-1', messages })).status).toBe(201);
  callId = (await app.core.handlers.listCalls({ offset: 0, limit: 1, sort: { column: 'started_at', direction: 'desc' }, filter: {}, count: 'exact' })).rows[0]?.id ?? 0;
  expect(callId).toBeGreaterThan(0);
}, 30_000);
afterAll(async () => {
  await app.stop();
  dir.remove();
});

describe('API events', () => {
  it('reports recording analysis as audio.changed, from queued to done, and not as calls.changed', async () => {
    const wav = join(dir.path, 'events-1.wav');
    execFileSync('sox', ['-D', '-R', '-n', '-r', '16000', '-c', '2', wav, 'synth', '3', 'sine', '300']);
    heard.length = 0;
    const upload = await app.api('/api/v1/recordings?filename=events-1.wav', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: readFileSync(wav) });
    expect(upload.status).toBeLessThan(300);
    await waitFor(() => heard.some((e) => e.name === 'audio.changed' && e.payload.status === 'done'), 'the analysis to finish');
    const audio = heard.flatMap((e) => (e.name === 'audio.changed' ? [e.payload] : []));
    expect(audio.every((p) => p.ids.length === 1 && p.ids[0] === callId)).toBe(true);
    expect(audio.map((p) => p.status)).toContain('queued');
    expect(audio.at(-1)?.status).toBe('done');
    const analysisAsCallChange = heard.filter((e) => e.name === 'calls.changed' && e.payload.change !== 'merged');
    expect(analysisAsCallChange).toEqual([]);
  });

  it('answers a verdict with the review alone and announces it as reviewed', async () => {
    heard.length = 0;
    const review = await app.core.handlers.setVerdict({ id: callId, verdict: 'failure' });
    expect(Object.keys(review).sort()).toEqual(['id', 'reviewed_at', 'verdict']);
    expect(review).toMatchObject({ id: callId, verdict: 'failure' });
    expect(Date.parse(review.reviewed_at ?? '')).not.toBeNaN();
    expect(heard).toEqual([{ name: 'calls.changed', payload: { ids: [callId], change: 'reviewed' } }]);
    expect(await app.core.handlers.setVerdict({ id: callId, verdict: null })).toEqual({ id: callId, verdict: null, reviewed_at: null });
  });

  it('answers a note with the call notes, not the transcript', async () => {
    const added = await app.core.handlers.addNote({ id: callId, at_ms: 1200, text: 'Greeting is slow' });
    expect(Object.keys(added).sort()).toEqual(['id', 'notes']);
    expect(added.notes).toEqual([expect.objectContaining({ at_ms: 1200, text: 'Greeting is slow' })]);
    const noteId = added.notes[0]?.id ?? 0;
    expect(await app.core.handlers.deleteNote({ id: callId, note_id: noteId })).toEqual({ id: callId, notes: [] });
  });
});
