import type { StoredCall, Turn } from '../model/call';
import { cekuraRoleName } from './role-names';

/** Seed 003: Cekura's `CallLogList`, the 201 body of `POST /observability/v1/observe/`. */

function minutesSeconds(seconds: number | null): string | null {
  if (seconds === null) return null;
  const total = Math.round(seconds);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function reviewStatus(call: StoredCall): string {
  if (call.verdict === 'success') return 'reviewed_success';
  if (call.verdict === 'failure') return 'reviewed_failure';
  return 'evaluating';
}

export function callLogList(call: StoredCall, turns: Turn[], metrics: unknown[] = []) {
  const extra = call.extra ?? {};
  const agentNumber = call.agent_id !== null && /^\d+$/.test(call.agent_id) ? Number(call.agent_id) : null;
  return {
    id: call.id,
    duration: minutesSeconds(call.duration_s),
    success: call.verdict === null ? null : call.verdict === 'success',
    is_reviewed: call.verdict !== null,
    status: reviewStatus(call),
    feedback: typeof extra.feedback === 'string' ? extra.feedback : '',
    metrics,
    call_ended_reason: call.end_reason ?? '',
    customer_number: call.customer_number ?? '',
    agent: agentNumber,
    agent_name: '',
    call_id: call.external_id,
    trace_id: typeof extra.trace_id === 'string' ? extra.trace_id : '',
    timestamp: call.started_at,
    error_message: null,
    dropoff_point: '',
    topic: '',
    created_at: call.created_at,
    updated_at: call.updated_at,
    transcript: turns
      .filter((t) => t.role !== 'tool')
      .map((t) => `${cekuraRoleName(t)}: ${t.text}`)
      .join('\n'),
    transcript_object: JSON.stringify(
      turns.map((t) => ({
        role: cekuraRoleName(t),
        content: t.text,
        start_time: t.start_ms === null ? null : t.start_ms / 1000,
        end_time: t.end_ms === null ? null : t.end_ms / 1000,
        ...(t.tool ? { data: { name: t.tool.name, arguments: t.tool.arguments, result: t.tool.result } } : {}),
      })),
    ),
    evaluation: '',
    // ours
    short_id: call.short_id,
    uuid: call.uuid,
    provider: call.provider,
    source_format: call.source_format,
    recording_path: call.recording_path,
  };
}
