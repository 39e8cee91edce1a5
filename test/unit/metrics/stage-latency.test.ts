import { describe, expect, it } from 'vitest';
import { normalizeAny } from '../../../src/core/formats/registry';
import { stageLatencies } from '../../../src/core/metrics/stage-latency';
import { compareStages, disagreementText } from '../../../src/core/metrics/stage-agreement';
import { transcriptTimingMetrics } from '../../../src/core/metrics/compute';
import { nearestRank } from '../../../src/core/metrics/percentile';
import { loadCorpus } from '../../support/corpus';

/** Issue 16: latency by stage from each platform's payload in the corpus, and the disagreement flag. */

type Json = Record<string, unknown>;
const at = (value: unknown, ...path: (string | number)[]): unknown => path.reduce<unknown>((node, key) => (node as Json | unknown[] | undefined)?.[key as never], value);

function corpusCase(name: string) {
  const found = loadCorpus(name.split('/')[0]).find((c) => c.name === name);
  if (!found) throw new Error(`no corpus case ${name}`);
  return found;
}

function measured(payload: unknown) {
  const normalized = normalizeAny(payload);
  const stages = stageLatencies(normalized.call, normalized.turns);
  return { normalized, stages, heard: transcriptTimingMetrics(normalized.turns).latencies };
}

describe('latency by stage from the payloads', () => {
  it('Vapi: each turnLatencies entry is a reply with its endpointing, transcriber, model and voice times and its turnLatency', () => {
    const { payload } = corpusCase('vapi/eocr_basic');
    const reported = at(payload, 'message', 'artifact', 'performanceMetrics', 'turnLatencies') as Json[];
    const { stages } = measured(payload);
    expect(stages?.replies.map((r) => r.stages)).toEqual(
      reported.map((t) => ({ endpointing: t.endpointingLatency, transcriber: t.transcriberLatency, llm: t.modelLatency, tts: t.voiceLatency, e2e: t.turnLatency })),
    );
    const models = reported.map((t) => Number(t.modelLatency));
    expect(stages?.per_call.llm).toEqual({ p50: nearestRank(models, 0.5), p90: nearestRank(models, 0.9), count: models.length });
  });

  it('Retell: e2e values are the replies; asr / llm / tts (other counts: the greeting has no e2e) are per call only', () => {
    const { payload } = corpusCase('retell/call_analyzed_tools');
    const latency = at(payload, 'call', 'latency') as Record<string, { values: number[] }>;
    const { stages } = measured(payload);
    expect(stages?.replies.map((r) => r.stages)).toEqual(latency.e2e?.values.map((e2e) => ({ e2e })));
    for (const [stage, key] of [['transcriber', 'asr'], ['llm', 'llm'], ['tts', 'tts']] as const) {
      const values = latency[key]?.values ?? [];
      expect(stages?.per_call[stage], stage).toEqual({ p50: nearestRank(values, 0.5), p90: nearestRank(values, 0.9), count: values.length });
    }
  });

  it("LiveKit: an answer's llm_node_ttft / tts_node_ttfb / e2e_latency with the caller's end_of_turn_delay and transcription_delay before it (s -> ms)", () => {
    const { payload } = corpusCase('livekit/session_report_dental_tools');
    const items = at(payload, 'chat_history', 'items') as Json[];
    const { stages, normalized } = measured(payload);
    // the first answer to the caller: the assistant message after the first user message
    const userIndex = items.findIndex((item) => item.role === 'user');
    const caller = items[userIndex]?.metrics as Json;
    const answer = items.slice(userIndex + 1).find((item) => item.role === 'assistant')?.metrics as Json;
    const reply = stages?.replies.find((r) => r.stages.endpointing !== undefined);
    expect(reply?.stages).toMatchObject({
      endpointing: Math.round(Number(caller.end_of_turn_delay) * 1000),
      transcriber: Math.round(Number(caller.transcription_delay) * 1000),
      llm: Math.round(Number(answer.llm_node_ttft) * 1000),
      tts: Math.round(Number(answer.tts_node_ttfb) * 1000),
    });
    expect(normalized.turns[reply?.turn ?? -1]?.role).toBe('agent');
  });

  it('ElevenLabs: the agent turn\'s LLM and TTS time to first byte, no end-to-end figure', () => {
    const { payload } = corpusCase('elevenlabs/get_conversation_german');
    const entries = (at(payload, 'transcript') as Json[]).filter((entry) => entry.conversation_turn_metrics);
    const { stages } = measured(payload);
    expect(stages?.replies.map((r) => r.stages.llm)).toEqual(entries.map((e) => Math.round(Number(at(e, 'conversation_turn_metrics', 'metrics', 'convai_llm_service_ttfb', 'elapsed_time')) * 1000)));
    expect(stages?.per_call.e2e).toBeUndefined();
  });

  it('a platform without stage figures, or a payload without them, has none', () => {
    expect(measured(corpusCase('bland/call_details_pizza').payload).stages).toBeNull();
    expect(measured(corpusCase('vapi/eocr_no_answer_empty').payload).stages).toBeNull();
  });
});

describe('the platform against the call', () => {
  it('pairs each reply with the gap heard before it and flags those more than 150 ms apart', () => {
    const { payload } = corpusCase('vapi/eocr_basic');
    const { stages, heard, normalized } = measured(payload);
    if (!stages) throw new Error('no stages');
    // agreeing as sent; then the platform says 151 ms more for reply 2 and exactly 150 more for reply 3
    expect(compareStages(stages, heard, normalized.turns).rows.some((row) => row.disagrees)).toBe(false);
    const shifted = { ...stages, replies: stages.replies.map((r, i) => ({ ...r, stages: { ...r.stages, e2e: (r.stages.e2e ?? 0) + (i === 1 ? 151 : i === 2 ? 150 : 0) } })) };
    const { rows, unpaired } = compareStages(shifted, heard, normalized.turns);
    expect(unpaired).toBeNull();
    expect(rows.map((row) => row.disagrees)).toEqual(rows.map((_, i) => i === 1));
    expect(rows[1]?.heard_ms).toBe(heard[1]?.ms);
    const flagged = rows[1];
    if (!flagged) throw new Error('no row');
    expect(disagreementText(flagged, 'audio')).toBe(`provider says ${((heard[1]?.ms ?? 0) + 151).toLocaleString('en-US')} ms, audio says ${(heard[1]?.ms ?? 0).toLocaleString('en-US')} ms`);
  });

  it('does not guess when the platform and the call count different replies', () => {
    const { payload } = corpusCase('vapi/eocr_basic');
    const { stages, heard, normalized } = measured(payload);
    if (!stages) throw new Error('no stages');
    const { rows, unpaired } = compareStages(stages, heard.slice(1), normalized.turns);
    expect(unpaired).toBe(`the platform reports ${stages.replies.length} replies, the call has ${heard.length - 1}: not paired`);
    expect(rows.every((row) => row.heard_ms === null && !row.disagrees)).toBe(true);
  });

  it('pairs by the agent turn where the payload names it (LiveKit), also when the audio places the reply a little apart', () => {
    const { payload } = corpusCase('livekit/session_report_dental_tools');
    const { stages, heard, normalized } = measured(payload);
    if (!stages) throw new Error('no stages');
    const audio = heard.map((h) => ({ at_ms: h.at_ms + 120, ms: h.ms + 400 }));
    const rows = compareStages(stages, audio, normalized.turns).rows.filter((row) => row.provider_ms !== null);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.at_ms).not.toBeNull();
      expect(row.disagrees).toBe(Math.abs((row.provider_ms ?? 0) - (row.heard_ms ?? 0)) > 150);
    }
    expect(rows.some((row) => row.disagrees)).toBe(true);
  });
});
