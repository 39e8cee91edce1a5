import type { StoredCall, Turn } from '../model/call';
import type { TimingMetrics } from '../metrics/compute';
import { nearestRank } from '../metrics/percentile';
import type { EvaluationResultView } from '../api/evaluators-contract';
import { qaEvaluationResults, qaSuccessMapping } from './evaluations';
import { instantAt } from './timeline';
import { openAiRoleName } from './role-names';

/**
 * Seed 001: a QA platform's call object, `GET /api/v1/calls/{id}/detail` -> `{success, call, url}`.
 * Durations and offsets are in seconds, as that API states them.
 */
const seconds = (ms: number | null): number | null => (ms === null ? null : ms / 1000);

function status(call: StoredCall): 'in_progress' | 'analyzing' | 'completed' {
  return call.status === 'ongoing' || call.status === 'in-progress' ? 'in_progress' : 'completed';
}


/** The text spoken at a moment: the transcript turn of that speaker around it. */
function textAt(turns: readonly Turn[], atMs: number, role: 'agent' | 'user'): string {
  const turn = turns.find((t) => t.role === role && t.start_ms !== null && t.start_ms <= atMs + 250 && (t.end_ms ?? t.start_ms) >= atMs - 250);
  return turn?.text ?? '';
}

/** `metrics`: the call's best figures (the recording's when analysed, else the transcript's). */
export function qaCallDetail(call: StoredCall, turns: Turn[], url: string, metrics: TimingMetrics | null, evaluations: readonly EvaluationResultView[] = []) {
  const latencies = metrics?.latencies ?? [];
  const overlaps = [
    ...(metrics?.interruptions?.user_interrupts_agent ?? []).map((o) => ({ ...o, by: 'user' as const })),
    ...(metrics?.interruptions?.agent_interrupts_user ?? []).map((o) => ({ ...o, by: 'agent' as const })),
  ].sort((a, b) => a.at_ms - b.at_ms);
  const latencySeconds = latencies.map((l) => l.ms / 1000);
  const overlapSeconds = overlaps.map((o) => o.overlap_ms / 1000);
  return {
    success: true,
    url,
    call: {
      id: call.uuid,
      created_at: call.created_at,
      status: status(call),
      stereo_recording_url: call.stereo_recording_url,
      mono_recording_url: call.recording_url,
      agent_id: call.agent_id,
      is_deleted: false,
      duration: call.duration_s,
      started_at: call.started_at,
      ended_at: call.ended_at,
      errors: [],
      evaluation_results: qaEvaluationResults(evaluations, call.uuid, turns),
      evaluation_set_success_mapping: qaSuccessMapping(evaluations),
      failure_reason: call.verdict === 'failure' ? call.end_reason : null,
      interruptions: overlaps.map((o, i) => ({
        id: `${call.short_id}-i${i}`,
        call_id: call.uuid,
        duration: o.overlap_ms / 1000,
        seconds_from_start: seconds(o.at_ms),
        text: textAt(turns, o.at_ms, o.by),
      })),
      num_interruptions: overlaps.length,
      p50_interruption: nearestRank(overlapSeconds, 0.5),
      p90_interruption: nearestRank(overlapSeconds, 0.9),
      p95_interruption: nearestRank(overlapSeconds, 0.95),
      latency_blocks: latencies.map((l, i) => ({
        id: `${call.short_id}-l${i}`,
        call_id: call.uuid,
        duration: l.ms / 1000,
        seconds_from_start: seconds(l.at_ms - l.ms),
      })),
      p50_latency: nearestRank(latencySeconds, 0.5),
      p90_latency: nearestRank(latencySeconds, 0.9),
      p95_latency: nearestRank(latencySeconds, 0.95),
      ttfw: seconds(metrics?.ttfw_ms ?? null),
      messages: turns.map((turn) => ({
        id: `${call.short_id}-m${turn.idx}`,
        call_id: call.uuid,
        role: openAiRoleName(turn),
        content: turn.text,
        name: turn.tool?.name ?? turn.agent_name,
        result: turn.tool ? turn.tool.result : null,
        tool_calls: turn.tool ? [{ name: turn.tool.name, arguments: turn.tool.arguments }] : null,
        seconds_from_start: seconds(turn.start_ms),
        end_time: seconds(turn.end_ms),
        duration: turn.start_ms !== null && turn.end_ms !== null ? (turn.end_ms - turn.start_ms) / 1000 : null,
        time: instantAt(call.started_at, turn.start_ms),
      })),
      metadata: call.metadata,
      notes: null,
      is_read: call.reviewed_at !== null,
      result: call.verdict,
      vapi_call_id: call.provider === 'vapi' ? call.external_id : null,
      device_id: null,
      region: null,
      scenario_id: null,
      test_agent_id: null,
      test_id: null,
      read_by_user_id: null,
    },
  };
}
