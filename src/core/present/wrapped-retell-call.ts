import type { StoredCall, Turn } from '../model/call';
import { instantMs } from '../model/time';
import type { Distribution } from '../metrics/percentile';
import { speakerLabel } from './role-names';

/** Seed 004: a Retell-like call wrapped as `{message, status, error, data}` (`GET /api/calls/{callId}`). */

const upper = (value: string | null): string | null => (value === null ? null : value.toUpperCase().replaceAll('-', '_'));

function transcriptText(turns: Turn[]): string {
  return turns
    .filter((t) => t.role !== 'tool')
    .map((t) => `${speakerLabel(t)}: ${t.text}`)
    .join('\n');
}

/** `latency`: the platform's own e2e figures when it reported them, else the call's best measured ones. */
export function wrappedRetellCall(call: StoredCall, turns: Turn[], latency: Distribution | null) {
  const base = instantMs(call.started_at);
  const at = (ms: number | null) => (base === null || ms === null ? null : base + ms);
  const spoken = turns.filter((t) => t.role !== 'tool');
  const e2e = latency;
  return {
    message: 'Call retrieved successfully',
    status: 'success',
    error: null,
    data: {
      id: call.uuid,
      agent_id: call.agent_id,
      call_id: call.external_id,
      organization_id: null,
      call_status: upper(call.status),
      call_type: call.from_number || call.to_number ? 'PHONE_CALL' : 'WEB_CALL',
      direction: upper(call.direction),
      from_number: call.from_number,
      to_number: call.to_number,
      start_timestamp: base,
      end_timestamp: instantMs(call.ended_at),
      call_duration: call.duration_s,
      disconnection_reason: call.end_reason,
      recording_url: call.recording_url,
      public_log_url: null,
      opt_out_sensitive_data_storage: false,
      metadata: call.metadata ?? {},
      events: [],
      transcript: transcriptText(turns),
      transcript_object: spoken.map((t) => ({
        role: t.role === 'agent' ? 'assistant' : 'user',
        content: t.text,
        timestamp: at(t.start_ms),
        words: (t.words ?? []).map((w) => ({ word: w.text, start: at(w.start_ms), end: at(w.end_ms) })),
      })),
      transcript_with_tool_calls: turns.map((t) =>
        t.tool
          ? { role: 'tool_call_invocation', name: t.tool.name, arguments: t.tool.arguments, result: t.tool.result, timestamp: at(t.start_ms) }
          : { role: t.role === 'agent' ? 'assistant' : 'user', content: t.text, timestamp: at(t.start_ms) },
      ),
      latency: !e2e || e2e.count === 0 ? {} : { e2e: { max: e2e.max, min: e2e.min, num: e2e.count, p50: e2e.p50, p90: e2e.p90, p95: e2e.p95, p99: e2e.p99, values: e2e.values } },
      call_analysis: null,
      call_cost: call.cost_usd === null ? null : { combined_cost: call.cost_usd },
      telephony_identifier: null,
    },
  };
}

export function wrappedRetellNotFound(id: string) {
  return { message: `Call ${id} not found`, status: 'error', error: { code: 'not_found', message: `no call with id "${id}"` }, data: null };
}
