import type { StoredCall, Turn } from '../model/call';
import { interruptionCount, type TimingMetrics } from '../metrics/compute';
import type { Distribution } from '../metrics/percentile';
import { providerComponentLatencies } from '../metrics/provider';
import { stageLatencies } from '../metrics/stage-latency';
import { compareStages } from '../metrics/stage-agreement';
import type { OverlapClass } from '../metrics/overlap-verdicts';
import type { ChannelLine } from '../metrics/line-quality';
import { overlapKey } from '../metrics/overlap-review';

/**
 * `GET /api/v1/calls/{id}/metrics`: seed 002's keys, then every figure by source (transcript turn
 * times, the recording, the platform's own report) so they can be compared side by side.
 */
export interface MetricsInput {
  transcript: TimingMetrics | null;
  audio: TimingMetrics | null;
  provider: { latency_ms: Distribution | null } | null;
  audioState: {
    status: string;
    error: string | null;
    agent_channel: number | null;
    agent_channel_reason: string | null;
    analysis_ms: number | null;
    duration_ms: number | null;
    /** which voice-activity path measured the recording (docs/METRICS.md "Audio"); null before it was recorded. */
    vad: 'silero+energy' | 'energy' | null;
    /** each channel's line quality (issue 16); null for a recording analysed before it was measured. */
    line_quality: ChannelLine[] | null;
  } | null;
  /** a reviewer's confirmed overlap classes by onset (ms, rounded); issue 16. */
  overlapLabels?: ReadonlyMap<number, OverlapClass>;
}

function latencyBlock(d: Distribution | null | undefined) {
  if (!d) return null;
  return { p50: d.p50, p90: d.p90, p95: d.p95, p99: d.p99, mean: d.mean, max: d.max, min: d.min, count: d.count, values: d.values };
}

/**
 * Issue 16: the platform's figures by stage per reply, beside the gap heard in the call (the best
 * source), each reply flagged where the two end-to-end figures disagree; null without stage figures.
 */
function latencyStages(call: StoredCall, turns: readonly Turn[], best: TimingMetrics | null, source: 'audio' | 'transcript' | null) {
  const stages = stageLatencies(call, turns);
  if (!stages) return null;
  const { rows, unpaired } = compareStages(stages, best?.latencies ?? [], turns);
  return { per_call: stages.per_call, replies: rows, heard_source: source, disagreements: rows.filter((row) => row.disagrees).length, unpaired };
}

export function metricsResponse(call: StoredCall, turns: readonly Turn[], input: MetricsInput, agentHistory: string[]) {
  const best = input.audio ?? input.transcript;
  const source = input.audio ? 'audio' : input.transcript ? 'transcript' : null;
  return {
    // seed 002
    duration_seconds: call.duration_s,
    ...providerComponentLatencies(call),
    total_tokens: null,
    agent_handoffs: Math.max(0, agentHistory.length - 1),
    // ours
    latency_ms: {
      transcript: latencyBlock(input.transcript?.latency_ms),
      audio: latencyBlock(input.audio?.latency_ms),
      provider: latencyBlock(input.provider?.latency_ms),
    },
    ttfw_ms: { transcript: input.transcript?.ttfw_ms ?? null, audio: input.audio?.ttfw_ms ?? null },
    interruptions: {
      user_interrupts_agent: best?.interruptions?.user_interrupts_agent ?? [],
      agent_interrupts_user: best?.interruptions?.agent_interrupts_user ?? [],
      backchannels: best?.interruptions?.backchannels ?? [],
      /** both ways; null when they could not be measured (no speech placed in time). */
      count: interruptionCount(best),
      source: best?.interruptions ? source : null,
    },
    silence: { longest_ms: best?.silence.longest_ms ?? null, segments: best?.silence.segments ?? [], source: best?.silence.longest_ms == null ? null : source },
    /** issue 16: each overlap's class and the agent's yield time (ms). */
    overlaps: (best?.overlaps ?? []).map((o) => ({
      at_ms: o.at_ms,
      class: o.class,
      yield_ms: o.yield_ms,
      speaker: o.speaker,
      overlap_ms: o.overlap_ms,
      evidence: o.evidence,
      confirmed_class: input.overlapLabels?.get(overlapKey(o.at_ms)) ?? null,
    })),
    latency_stages: latencyStages(call, turns, best, source),
    talk_ratio: best?.talk_ratio ?? null,
    wpm: best?.wpm ?? { agent: null, user: null },
    agent_channel: input.audioState?.agent_channel ?? call.agent_channel,
    turn_count: turns.length,
    audio: input.audioState,
    by_source: { transcript: input.transcript, audio: input.audio },
  };
}

export type CallMetrics = ReturnType<typeof metricsResponse>;
