import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../support/corpus';
import { postJson, startTestApp, type RunningTestApp } from '../support/temp-app';

const corpus = loadCorpus();
const byName = (name: string) => corpus.find((c) => c.name === name)!;
let app: RunningTestApp;

beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.stop();
});

async function importCase(name: string) {
  const response = await postJson(app, '/api/v1/import', byName(name).bytes.toString());
  expect([200, 201]).toContain(response.status);
  return byName(name).expected.external_call_id!;
}

describe('GET /api/v1/calls/{id}/metrics', () => {
  it('reports transcript latencies, the provider figures beside them, and the seed 002 keys', async () => {
    const id = await importCase('retell/call_ended_transfer');
    const metrics = await (await app.api(`/api/v1/calls/${id}/metrics`)).json();
    const expected = byName('retell/call_ended_transfer').expected;
    expect(metrics.latency_ms.transcript.values).toEqual(expected.agent_response_latencies_ms);
    expect(metrics.latency_ms.transcript.count).toBe(3);
    expect(metrics.latency_ms.provider.values).toEqual([800, 3500, 600]); // Retell's own latency.e2e
    expect(metrics.latency_ms.audio).toBeNull();
    expect(metrics).toMatchObject({ duration_seconds: 40.2, llm_latency_ms: expect.any(Number), agent_handoffs: 0, agent_channel: null });
    expect(metrics.ttfw_ms.transcript).toBeGreaterThan(0);
    expect(metrics.interruptions.source).toBe('transcript');
    // "Okay." (37.6-38.0 s) inside the agent's 34.0-38.2 s turn: the corpus counts the overlap,
    // the metrics call it what it is, a backchannel (docs/METRICS.md).
    expect(metrics.interruptions.user_interrupts_agent).toEqual([]);
    expect(metrics.interruptions.backchannels).toEqual([{ at_ms: 37600, overlap_ms: 400, speaker: 'user' }]);
  });

  it('gives latency by stage per reply beside the heard gap, and flags a reply the platform disagrees about (issue 16)', async () => {
    // the platform's turnLatency for the second reply is 500 ms above the gap in the turn times
    const source = byName('vapi/eocr_basic');
    const body = JSON.parse(source.bytes.toString());
    const reported = body.message.artifact.performanceMetrics.turnLatencies;
    reported[1].turnLatency += 500;
    const response = await postJson(app, '/api/v1/import', JSON.stringify(body));
    expect([200, 201]).toContain(response.status);
    const metrics = await (await app.api(`/api/v1/calls/${source.expected.external_call_id}/metrics`)).json();
    const stages = metrics.latency_stages;
    expect(stages.heard_source).toBe('transcript');
    expect(stages.disagreements).toBe(1);
    expect(stages.replies.map((r: { disagrees: boolean }) => r.disagrees)).toEqual(reported.map((_: unknown, i: number) => i === 1));
    expect(stages.replies.map((r: { heard_ms: number }) => r.heard_ms)).toEqual(metrics.latency_ms.transcript.values);
    expect(stages.replies[1]).toMatchObject({ provider_ms: reported[1].turnLatency, stages: { llm: reported[1].modelLatency, tts: reported[1].voiceLatency, endpointing: reported[1].endpointingLatency } });
    expect(stages.per_call.e2e.count).toBe(reported.length);
  });

  it('feeds the list columns and filters, computed in SQL', async () => {
    await importCase('retell/call_ended_transfer'); // p90 3500 ms
    await importCase('vapi/eocr_basic');
    await importCase('pipecat/transcript_messages_german'); // no end times: no latency
    const slow = await (await app.api('/api/v1/calls?latency_p90_ms_gt=2000&page_size=100')).json();
    const slowIds = slow.items.map((i: { external_id: string }) => i.external_id);
    expect(slowIds).toContain('call_8ffaf445fc5df752d42f17ff3e9e');
    for (const item of slow.items) expect(item.latency_p90_ms).toBeGreaterThan(2000);
    const sorted = await (await app.api('/api/v1/calls?sort=latency_p90_ms&order=desc&page_size=100')).json();
    const values = sorted.items.map((i: { latency_p90_ms: number | null }) => i.latency_p90_ms).filter((v: number | null) => v !== null);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const interrupted = await (await app.api('/api/v1/calls?interruption_count_gt=0&page_size=100')).json();
    expect(interrupted.total).toBeGreaterThanOrEqual(1);
  });

  it('feeds seed 001 latency blocks and seed 004 latency from the same numbers', async () => {
    const id = await importCase('retell/call_ended_transfer');
    const metrics = await (await app.api(`/api/v1/calls/${id}/metrics`)).json();
    const detail = await (await app.api(`/api/v1/calls/${id}/detail`)).json();
    expect(detail.call.latency_blocks.map((b: { duration: number }) => b.duration * 1000)).toEqual(metrics.latency_ms.transcript.values);
    expect(detail.call.p90_latency * 1000).toBe(metrics.latency_ms.transcript.p90);
    expect(detail.call.ttfw * 1000).toBe(metrics.ttfw_ms.transcript);
    const wrapped = await (await app.api(`/api/calls/${id}`)).json();
    expect(wrapped.data.latency.e2e.values).toEqual(metrics.latency_ms.provider.values);
  });

  it('says clearly why a remote recording cannot be analysed offline', async () => {
    const id = await importCase('retell/call_ended_transfer'); // its recording URL points at a host we cannot reach
    const response = await app.api(`/api/v1/calls/${id}/analyse`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ wait: true }) });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.status).toBe('failed');
    expect(body.error).toMatch(/offline|cannot reach|refused|timed out/);
  });
});
