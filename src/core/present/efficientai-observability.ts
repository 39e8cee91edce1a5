import type { StoredCall, Turn } from '../model/call';
import type { CallListRow } from '../api/types';
import { instantMs } from '../model/time';

/** Response shapes of seed 000 (EfficientAI observability calls). */

export interface IngestResponse {
  id: string;
  call_short_id: string;
  provider_call_id: string;
  provider_platform: string;
  status: 'processed';
  message: string;
  /** ours: whether this created the call, merged into it, or repeated a payload already kept. */
  outcome: 'created' | 'merged' | 'duplicate';
}

const messages = {
  created: 'Call ingested successfully',
  merged: 'Call updated with the new payload',
  duplicate: 'Call already ingested; nothing changed',
} as const;

export function ingestResponse(call: Pick<StoredCall, 'uuid' | 'short_id' | 'external_id' | 'platform'>, outcome: IngestResponse['outcome']): IngestResponse {
  return {
    id: call.uuid,
    call_short_id: call.short_id,
    provider_call_id: call.external_id,
    provider_platform: call.platform,
    status: 'processed',
    message: messages[outcome],
    outcome,
  };
}

export function observabilitySummary(call: CallListRow) {
  return {
    id: call.uuid,
    call_short_id: call.short_id,
    provider_call_id: call.external_id,
    provider_platform: call.platform,
    provider: call.provider,
    agent_id: call.agent_id,
    status: call.status,
    startedAt: call.started_at,
    endedAt: call.ended_at,
    duration_seconds: call.duration_s,
    from_phone_number: call.from_number,
    to_phone_number: call.to_number,
    endedReason: call.end_reason,
    message_count: call.turn_count,
    verdict: call.verdict,
    created_at: call.created_at,
  };
}

/** Messages as the ingest body carries them: epoch ms when the start is known, else offsets. */
function toMessage(turn: Turn, baseMs: number) {
  return {
    role: turn.role === 'agent' ? 'bot' : turn.role,
    content: turn.text,
    start_time: turn.start_ms === null ? null : baseMs + turn.start_ms,
    end_time: turn.end_ms === null ? null : baseMs + turn.end_ms,
    ...(turn.tool ? { tool: turn.tool } : {}),
  };
}

export function observabilityDetail(call: StoredCall, turns: Turn[]) {
  const baseMs = instantMs(call.started_at) ?? 0;
  return {
    ...observabilitySummary(call),
    source_format: call.source_format,
    customer_number: call.customer_number,
    recording_url: call.recording_url,
    metadata: call.metadata ?? {},
    extra_fields: call.extra ?? {},
    messages: turns.map((turn) => toMessage(turn, baseMs)),
    updated_at: call.updated_at,
  };
}
