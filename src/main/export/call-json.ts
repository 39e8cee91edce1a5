import type { StoredCall, Turn } from '../../core/model/call';
import type { CallPii } from '../../core/pii/call-findings';
import type { PiiType } from '../../core/pii/types';
import { redactDeep, type StringRedactor } from './redact-values';

/**
 * The redacted call as JSON: the stored call (never the payload as received), its turns with
 * texts and word texts redacted, and the findings without their text.
 */
export const REDACTED_CALL_FORMAT = 'callscope.redacted-call/1';

/** Identity, times and enumerations: copied as they are (dates would otherwise read as PII). */
const keptAsIs = new Set<keyof StoredCall>([
  'id', 'uuid', 'short_id', 'external_id', 'provider', 'source_format', 'platform', 'direction', 'started_at', 'ended_at',
  'duration_s', 'status', 'agent_channel', 'cost_usd', 'verdict', 'reviewed_at', 'turn_count', 'created_at', 'updated_at',
  'latency_p50_ms', 'latency_p90_ms', 'ttfw_ms', 'interruption_count', 'longest_silence_ms', 'metrics_source',
]);
/** A path on this machine says nothing about the call and something about the machine. */
const dropped = new Set<keyof StoredCall>(['recording_path']);

function redactedFacts(call: StoredCall, redact: StringRedactor): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(call)
      .filter(([key]) => !dropped.has(key as keyof StoredCall))
      .map(([key, value]) => [key, keptAsIs.has(key as keyof StoredCall) ? value : redactDeep(value, redact)]),
  );
}

function redactedTurn(turn: Turn, pii: CallPii, redactedText: ReadonlyMap<number, string>, redact: StringRedactor): Turn {
  if (turn.role === 'tool') {
    return { ...turn, text: redact(turn.text), tool: turn.tool ? { name: turn.tool.name, arguments: redactDeep(turn.tool.arguments, redact), result: redactDeep(turn.tool.result, redact) } : null };
  }
  const findings = pii.findings.filter((f) => f.turn === turn.idx && f.start_ms !== null && f.end_ms !== null);
  const words =
    turn.words?.map((word) => {
      const covering = findings.find((f) => word.start_ms < (f.end_ms ?? 0) && word.end_ms > (f.start_ms ?? 0));
      return covering ? { ...word, text: `<${covering.type.toUpperCase()}>` } : { ...word, text: redact(word.text) };
    }) ?? null;
  return { ...turn, text: redact(redactedText.get(turn.idx) ?? turn.text), words };
}

export interface RedactedCallDocument {
  format: typeof REDACTED_CALL_FORMAT;
  redaction: { types: readonly PiiType[] | 'all'; findings: number };
  call: Record<string, unknown>;
  turns: Turn[];
  findings: Omit<CallPii['findings'][number], 'text'>[];
}

export function redactedCallDocument(call: StoredCall, turns: readonly Turn[], pii: CallPii, types: readonly PiiType[], redact: StringRedactor): RedactedCallDocument {
  const redactedText = new Map(pii.redacted_turns.map((t) => [t.idx, t.text]));
  return {
    format: REDACTED_CALL_FORMAT,
    redaction: { types: types.length > 0 ? types : 'all', findings: pii.findings.length },
    call: redactedFacts(call, redact),
    turns: turns.map((turn) => redactedTurn(turn, pii, redactedText, redact)),
    // where and what kind, never the text: the offsets point into the original turn text
    findings: pii.findings.map(({ type, turn, start, end, start_ms, end_ms, score }) => ({ type, turn, start, end, start_ms, end_ms, score })),
  };
}
