import { readFileSync, existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../support/corpus';
import { postJson, startTestApp, TEST_API_KEY, type RunningTestApp } from '../support/temp-app';

const corpus = loadCorpus();
const byName = (name: string) => corpus.find((c) => c.name === name)!;
let app: RunningTestApp;

beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.stop();
});

const count = (table: string) => (app.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('identity and merge', () => {
  it('keeps Retell call_started -> call_ended -> call_analyzed as one call holding the latest facts', async () => {
    const started = byName('retell/call_started_ongoing');
    const callId = started.expected.external_call_id!;
    const startedBody = JSON.parse(started.bytes.toString());
    const ended = { event: 'call_ended', call: { ...startedBody.call, call_status: 'ended', end_timestamp: startedBody.call.start_timestamp + 60_000, disconnection_reason: 'user_hangup', transcript_object: [{ role: 'agent', content: 'Hello there', words: [{ word: 'Hello', start: 0.5, end: 0.9 }, { word: 'there', start: 0.9, end: 1.2 }] }] } };
    const analyzed = { event: 'call_analyzed', call: { ...ended.call, call_analysis: { call_successful: true, call_summary: 'Greeted.' } } };
    for (const body of [startedBody, ended, analyzed]) expect([200, 201]).toContain((await postJson(app, '/webhooks/retell', body)).status);
    expect(count('calls')).toBe(1);
    expect(count('call_payloads')).toBe(3);
    const call = await (await app.api(`/api/v1/calls/${callId}`)).json();
    expect(call).toMatchObject({ external_id: callId, provider_status: 'ended', end_reason: 'user_hangup', turn_count: 1, duration_seconds: 60 });
    const again = await postJson(app, '/webhooks/retell', analyzed);
    expect((await again.json()).outcome).toBe('duplicate');
    expect(count('call_payloads')).toBe(3);
  });

  it('gives id-less formats a content hash, so re-sending the same file is a duplicate', async () => {
    const pipecat = byName('pipecat/transcript_messages_german');
    const first = await (await app.api('/api/v1/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: pipecat.bytes })).json();
    const second = await (await app.api('/api/v1/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: pipecat.bytes })).json();
    expect(first).toMatchObject({ imported: 1, duplicates: 0 });
    expect(second).toMatchObject({ imported: 0, duplicates: 1 });
    expect(first.results[0].external_id).toMatch(/^sha256:/);
  });
});

describe('POST /api/v1/import', () => {
  const vapi = byName('vapi/get_call_ended');
  const retell = byName('retell/get_call_web_unicode');
  const headersJson = { 'content-type': 'application/json' };

  it('takes an array of payloads of different formats', async () => {
    const body = `[${vapi.bytes.toString()},${retell.bytes.toString()}]`;
    const result = await (await app.api('/api/v1/import', { method: 'POST', headers: headersJson, body })).json();
    expect(result).toMatchObject({ imported: 2, failed: 0 });
    expect(result.results.map((r: { external_id: string }) => r.external_id)).toEqual([vapi.expected.external_call_id, retell.expected.external_call_id]);
  });

  it('takes a provider list response', async () => {
    const body = JSON.stringify({ items: [vapi.payload, retell.payload], total: 2 });
    const result = await (await app.api('/api/v1/import', { method: 'POST', headers: headersJson, body })).json();
    expect(result).toMatchObject({ imported: 2 });
  });

  it('takes JSON Lines, reporting a bad line by number while the others import', async () => {
    const lines = [JSON.stringify(vapi.payload), '{"broken": ', JSON.stringify({ hello: 'world' }), JSON.stringify(retell.payload)].join('\n');
    const response = await app.api('/api/v1/import', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: lines });
    const result = await response.json();
    expect(result).toMatchObject({ imported: 2, failed: 2 });
    const failures = result.results.filter((r: { ok: boolean }) => !r.ok);
    expect(failures.map((f: { source: string }) => f.source).sort()).toEqual(['line:2', 'line:3']);
    expect(failures.find((f: { source: string }) => f.source === 'line:3').error.message).toMatch(/no supported call format.*\[hello\]/);
  });

  it('answers 422 when the one call in the body is refused, naming why', async () => {
    const wrapped = byName('wrapped/error_not_found');
    const response = await app.api('/api/v1/import', { method: 'POST', headers: headersJson, body: wrapped.bytes });
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toMatch(/error envelope/);
    expect(count('calls')).toBe(0);
  });
});

describe('bad input on every ingest route stores nothing and the next valid call imports', () => {
  const routes = ['/api/v1/import', '/observability/v1/observe/', '/observability/v1/livekit/observe/', '/webhooks/retell', '/api/v1/observability/calls'];
  const cases: [string, { body: string; type: string }, number, RegExp][] = [
    ['invalid JSON', { body: '{"call_id": ', type: 'application/json' }, 400, /not valid JSON/],
    ['wrong content type', { body: 'call_id=1', type: 'text/csv' }, 415, /Content-Type/],
    ['deep nesting', { body: `{"call_id":"x","metadata":${'['.repeat(400)}${']'.repeat(400)}}`, type: 'application/json' }, 422, /256/],
  ];
  for (const route of routes) {
    it.each(cases)(`${route}: %s`, async (_label, input, status, message) => {
      const response = await app.api(route, { method: 'POST', headers: { 'content-type': input.type }, body: input.body });
      expect(response.status).toBe(status);
      expect((await response.json()).error.message).toMatch(message);
      expect(count('calls')).toBe(0);
    });
  }

  it('422 for a missing call id, naming the field, on formats that have one', async () => {
    const retell = JSON.parse(byName('retell/call_ended_transfer').bytes.toString());
    delete retell.call.call_id;
    const response = await postJson(app, '/webhooks/retell', retell);
    expect(response.status).toBe(422);
    expect(JSON.stringify((await response.json()).error.fields)).toContain('call_id');
    const cekura = await postJson(app, '/observability/v1/observe/', { transcript_type: 'cekura', transcript_json: [] });
    expect(cekura.status).toBe(422);
    expect((await cekura.json()).error.fields).toEqual([expect.objectContaining({ path: 'call_id' })]);
    expect(count('calls')).toBe(0);
    const good = await postJson(app, '/observability/v1/observe/', byName('cekura/observe_cekura_format_tools').payload);
    expect(good.status).toBe(201);
  });

  it('the import route takes a body past the webhook limit, but no single call past it; the listener keeps serving', async () => {
    const call = (id: string, mib: number) => ({ id, provider_platform: 'vapi', padding: 'x'.repeat(mib * 1024 * 1024) });
    const big = JSON.stringify(call('big', 9));
    expect((await postJson(app, '/api/v1/observability/calls', big)).status).toBe(413);
    // 9 MiB of calls, none over the per-call limit
    expect((await postJson(app, '/api/v1/import', JSON.stringify([call('part-1', 3), call('part-2', 3), call('part-3', 3)]))).status).toBe(201);
    const single = await postJson(app, '/api/v1/import', big);
    expect(single.status).toBe(413);
    expect((await single.json()).error.message).toMatch(/this call is 9\.0 MiB, over the per-call limit of 8\.0 MiB/);
    expect((await app.api('/api/v1/calls')).status).toBe(200);
  });
});

describe('Cekura observe (seed 003)', () => {
  const tools = byName('cekura/observe_cekura_format_tools');

  it('answers 201 with the CallLogList shape', async () => {
    const response = await postJson(app, '/observability/v1/observe/', tools.bytes.toString(), { 'x-cekura-api-key': TEST_API_KEY });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ call_id: tools.expected.external_call_id, agent: 2421, is_reviewed: false, status: 'evaluating', metrics: [], customer_number: '+16175550148' });
    expect(typeof body.id).toBe('number');
    expect(JSON.parse(body.transcript_object)).toHaveLength(14);
  });

  it('takes a form body with the transcript as a JSON string', async () => {
    const payload = tools.payload as Record<string, unknown>;
    const form = new URLSearchParams({ call_id: 'form-1', agent: '7', transcript_type: 'cekura', transcript_json: JSON.stringify(payload.transcript_json), main_agent_channel_index: '1' });
    const response = await app.api('/observability/v1/observe/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    expect(response.status).toBe(201);
    const call = await (await app.api('/api/v1/calls/form-1')).json();
    expect(call).toMatchObject({ agent_id: '7', agent_channel: 1, turn_count: 14 });
  });

  it('takes multipart with a voice_recording file, streamed to the media folder', async () => {
    const audio = Buffer.alloc(64 * 1024, 7);
    const form = new FormData();
    form.set('call_id', 'multi-1');
    form.set('agent', '3');
    form.set('transcript_type', 'none-mono');
    form.set('voice_recording', new Blob([audio], { type: 'audio/wav' }), 'call.wav');
    const response = await app.api('/observability/v1/observe/', { method: 'POST', body: form });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.recording_path).toMatch(/media\/recordings\/.+\.wav$/);
    expect(existsSync(body.recording_path)).toBe(true);
    expect(readFileSync(body.recording_path).equals(audio)).toBe(true);
  });

  it('refuses a multipart file under another field name and keeps no file', async () => {
    const form = new FormData();
    form.set('call_id', 'multi-2');
    form.set('attachment', new Blob([Buffer.alloc(10)]), 'x.wav');
    const response = await app.api('/observability/v1/observe/', { method: 'POST', body: form });
    expect(response.status).toBe(422);
    expect((await response.json()).error.fields).toEqual([expect.objectContaining({ path: 'attachment' })]);
    expect(count('calls')).toBe(0);
  });
});

describe('read shapes', () => {
  it('serves seed 001 detail and the seed 004 envelope, and documents every route', async () => {
    const eocr = byName('vapi/eocr_basic');
    await postJson(app, '/api/v1/import', eocr.bytes.toString());
    const id = eocr.expected.external_call_id!;
    const detail = await (await app.api(`/api/v1/calls/${id}/detail`)).json();
    expect(detail.success).toBe(true);
    expect(detail.call.num_interruptions).toBe((eocr.expected.user_interrupts_agent as unknown[]).length);
    expect(detail.call.latency_blocks).toHaveLength((eocr.expected.agent_response_latencies_ms as unknown[]).length);
    const wrapped = await (await app.api(`/api/calls/${id}`)).json();
    expect(wrapped).toMatchObject({ status: 'success', error: null, data: { call_id: id } });
    const missing = await app.api('/api/calls/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ status: 'error', data: null });
    const openapi = await (await fetch(`${app.url}/openapi.json`)).json();
    for (const path of ['/api/v1/import', '/observability/v1/observe/', '/webhooks/bland', '/api/calls/{callId}', '/api/v1/calls/{id}/detail']) {
      expect(Object.keys(openapi.paths)).toContain(path);
    }
  });
});
