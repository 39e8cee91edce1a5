import type { NormalizedCall, Turn } from '../model/call';
import { detectCallPii } from './call-findings';
import type { PiiType } from './detectors';

/**
 * A call whose sender asked for redaction (Cekura `redact_fields`): every finding of those types
 * is replaced by its `<TYPE>` token in the turn texts and the word timings, and the spans found are
 * returned so the kept payload can be redacted the same way.
 */
export function redactNormalizedCall(normalized: NormalizedCall, types: readonly PiiType[]): { call: NormalizedCall; spans: string[] } {
  const pii = detectCallPii(normalized.turns, types);
  const redactedText = new Map(pii.redacted_turns.map((t) => [t.idx, t.text]));
  const spans = [...new Set(pii.findings.map((f) => f.text))];
  const turns: Turn[] = normalized.turns.map((turn) => {
    const findings = pii.findings.filter((f) => f.turn === turn.idx);
    if (findings.length === 0) return turn;
    const words =
      turn.words?.map((word) =>
        findings.some((f) => f.start_ms !== null && f.end_ms !== null && word.start_ms < f.end_ms && word.end_ms > f.start_ms)
          ? { ...word, text: `<${findings[0]?.type.toUpperCase()}>` }
          : word,
      ) ?? null;
    return { ...turn, text: redactedText.get(turn.idx) ?? turn.text, words };
  });
  return { call: { ...normalized, turns }, spans };
}

/** Replaces each span (as it appears inside JSON strings) in a kept payload by `<REDACTED>`. */
export function redactPayloadText(body: string, spans: readonly string[]): string {
  let out = body;
  for (const span of [...spans].sort((a, b) => b.length - a.length)) {
    const escaped = JSON.stringify(span).slice(1, -1);
    out = out.split(escaped).join('<REDACTED>');
    if (escaped !== span) out = out.split(span).join('<REDACTED>');
  }
  return out;
}
