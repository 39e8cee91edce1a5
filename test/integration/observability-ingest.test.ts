import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postJson, startTestApp, TEST_API_KEY, type RunningTestApp } from '../support/temp-app';

const INGEST = '/api/v1/observability/calls';
const postman = readFileSync(new URL('../../resources/sample-calls/efficientai-appointment.json', import.meta.url), 'utf8');

let app: RunningTestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.stop();
});

function storedCounts() {
  const count = (table: string) => app.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
  return { calls: count('calls').n, turns: count('turns').n, payloads: count('call_payloads').n };
}

describe('POST /api/v1/observability/calls (seed 000)', () => {
  it('answers the seed\'s "Testing with Postman" request with 201 and the seed body', async () => {
    const response = await postJson(app, INGEST, postman, { 'x-efficientai-api-key': TEST_API_KEY });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      provider_call_id: 'test-call-001',
      provider_platform: 'external',
      status: 'processed',
      message: 'Call ingested successfully',
    });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.call_short_id).toMatch(/^[A-Za-z0-9_-]{8}$/);
  });

  it('stores the turns relative to the call start, and keeps metadata and unknown fields', async () => {
    const payload = { ...JSON.parse(postman), provider_platform: 'vapi', campaign: { name: 'spring' } };
    const created = await (await postJson(app, INGEST, payload)).json();
    const detail = await (await app.api(`${INGEST}/${created.call_short_id}`)).json();
    expect(detail.provider_platform).toBe('vapi');
    expect(detail.metadata).toEqual({ customer_name: 'Jane Smith', call_type: 'appointment_scheduling' });
    expect(detail.extra_fields).toEqual({ campaign: { name: 'spring' } });
    expect(detail.messages.map((m: { role: string }) => m.role)).toEqual(['bot', 'user', 'bot', 'user']);
    expect(detail.messages[0].start_time).toBe(1760520142852);

    const transcript = await (await app.api(`/api/v1/calls/${created.id}/transcript`)).json();
    expect(transcript.map((t: { start_ms: number }) => t.start_ms)).toEqual([1065, 7605, 12655, 19585]);
    expect(transcript[1]).toMatchObject({ role: 'user', content: 'Hi, I need to schedule a medical appointment.', end_ms: 11225 });
    expect(transcript[0].timestamp).toBe('2025-10-15T09:22:22.852Z');
  });

  it('accepts message times given as offsets from the call start', async () => {
    const payload = {
      id: 'offsets-1',
      messages: [
        { role: 'assistant', content: 'Hello', start_time: 0, end_time: 1500 },
        { role: 'user', content: 'Hi', start_time: 2100, end_time: 2900 },
      ],
    };
    const created = await (await postJson(app, INGEST, payload)).json();
    const transcript = await (await app.api(`/api/v1/calls/${created.id}/transcript`)).json();
    expect(transcript.map((t: { start_ms: number; end_ms: number }) => [t.start_ms, t.end_ms])).toEqual([
      [0, 1500],
      [2100, 2900],
    ]);
  });

  it('treats the same payload twice as one call and changes nothing', async () => {
    const first = await postJson(app, INGEST, postman);
    const before = storedCounts();
    const second = await postJson(app, INGEST, postman);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect((await second.json()).outcome).toBe('duplicate');
    expect(storedCounts()).toEqual(before);
    expect(before).toEqual({ calls: 1, turns: 4, payloads: 1 });
  });

  it('merges a later payload for the same call id, keeping facts it does not repeat', async () => {
    await postJson(app, INGEST, postman);
    const update = { id: 'test-call-001', endedReason: 'customer-hungup' };
    const response = await postJson(app, INGEST, update);
    expect((await response.json()).outcome).toBe('merged');
    const list = await (await app.api('/api/v1/calls')).json();
    expect(list.total).toBe(1);
    const call = await (await app.api(`/api/v1/calls/${list.items[0].id}`)).json();
    expect(call).toMatchObject({ end_reason: 'customer-hungup', from_number: '+14155551234', turn_count: 4 });
    expect(storedCounts()).toEqual({ calls: 1, turns: 4, payloads: 2 });
  });

  it('keeps every payload verbatim, byte for byte', async () => {
    const spaced = postman.replace('{', '{   ');
    await postJson(app, INGEST, spaced);
    const row = app.core.db.prepare('SELECT body FROM call_payloads').get() as { body: Buffer };
    expect(row.body.toString('utf8')).toBe(spaced);
  });
});

describe('list, detail and delete (seed 000)', () => {
  it('lists, shows and deletes by call_short_id', async () => {
    const created = await (await postJson(app, INGEST, postman)).json();
    const list = await (await app.api(INGEST)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ call_short_id: created.call_short_id, provider_call_id: 'test-call-001' });

    const removed = await app.api(`${INGEST}/${created.call_short_id}`, { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect(storedCounts()).toEqual({ calls: 0, turns: 0, payloads: 0 });
    expect((await app.api(`${INGEST}/${created.call_short_id}`)).status).toBe(404);
    const hits = app.core.db.prepare("SELECT count(*) AS n FROM call_text_fts WHERE call_text_fts MATCH 'appointment'").get() as { n: number };
    expect(hits.n).toBe(0);
  });
});
