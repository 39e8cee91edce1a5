import type { StoredCall, Turn } from '../model/call';
import type { CallListRow } from '../api/types';
import { instantAt } from './timeline';
import { openAiRoleName } from './role-names';

/** Response shapes of seed 002 (a LiveKit-based platform's call read API), plus our fields. */

const statusVocabulary: Record<string, string> = {
  ended: 'completed',
  done: 'completed',
  completed: 'completed',
  ongoing: 'active',
  'in-progress': 'active',
  active: 'active',
  registered: 'pending',
  queued: 'pending',
  error: 'failed',
};

/** Our statuses in seed-002 words; unknown provider values pass through as sent. */
export function workflowCallStatus(status: string | null): string | null {
  if (status === null) return null;
  return Object.hasOwn(statusVocabulary, status) ? (statusVocabulary[status] ?? status) : status;
}

/** The stored statuses a seed-002 status filter selects. */
export function statusesFor(seedValue: string): string[] {
  const ours = Object.entries(statusVocabulary)
    .filter(([, seed]) => seed === seedValue)
    .map(([stored]) => stored);
  return ours.length > 0 ? ours : [seedValue];
}

export function callListItem(call: CallListRow, agentHistory: string[]) {
  return {
    id: call.uuid,
    workflow_id: call.agent_id,
    workflow_slug: null,
    user_id: call.customer_number,
    status: workflowCallStatus(call.status),
    duration_seconds: call.duration_s,
    agent_history: agentHistory,
    started_at: call.started_at,
    ended_at: call.ended_at,
    // ours
    short_id: call.short_id,
    call_id: call.id,
    provider: call.provider,
    external_id: call.external_id,
    provider_status: call.status,
    from_number: call.from_number,
    to_number: call.to_number,
    turn_count: call.turn_count,
    verdict: call.verdict,
    latency_p50_ms: call.latency_p50_ms,
    latency_p90_ms: call.latency_p90_ms,
    ttfw_ms: call.ttfw_ms,
    interruption_count: call.interruption_count,
    longest_silence_ms: call.longest_silence_ms,
    metrics_source: call.metrics_source,
  };
}

export function callResource(call: StoredCall, turns: Turn[], agentHistory: string[]) {
  const handoffs = Math.max(0, agentHistory.length - 1);
  return {
    ...callListItem(call, agentHistory),
    direction: call.direction,
    current_agent: call.status === 'ongoing' ? (agentHistory.at(-1) ?? null) : null,
    metrics: {
      duration_seconds: call.duration_s,
      stt_latency_ms: null,
      llm_latency_ms: null,
      tts_latency_ms: null,
      total_tokens: null,
      agent_handoffs: handoffs,
    },
    created_at: call.created_at,
    // every normalized field (DESIGN §2)
    uuid: call.uuid,
    source_format: call.source_format,
    platform: call.platform,
    agent_id: call.agent_id,
    customer_number: call.customer_number,
    end_reason: call.end_reason,
    recording_url: call.recording_url,
    stereo_recording_url: call.stereo_recording_url,
    recording_path: call.recording_path,
    agent_channel: call.agent_channel,
    metadata: call.metadata,
    dynamic_variables: call.dynamic_variables,
    cost_usd: call.cost_usd,
    provider_metrics: call.provider_metrics,
    provider_evaluations: call.provider_evaluations,
    extra: call.extra,
    reviewed_at: call.reviewed_at,
    updated_at: call.updated_at,
    turn_count: turns.length,
  };
}

export function transcriptEntry(call: Pick<StoredCall, 'started_at'>, turn: Turn) {
  return {
    role: openAiRoleName(turn),
    content: turn.text,
    timestamp: instantAt(call.started_at, turn.start_ms),
    agent_name: turn.agent_name,
    ...(turn.tool ? { tool_call: { name: turn.tool.name, arguments: turn.tool.arguments } } : {}),
    // ours
    idx: turn.idx,
    start_ms: turn.start_ms,
    end_ms: turn.end_ms,
    words: turn.words,
    tool: turn.tool,
    interrupted: turn.interrupted,
    ...(turn.raw_role !== undefined ? { raw_role: turn.raw_role } : {}),
    // a turn over 64 KiB is stored cut: say so, and how large it was
    ...(turn.original_bytes !== undefined ? { truncated: true, original_bytes: turn.original_bytes } : {}),
  };
}
