import { detectPii } from '../../core/pii/detect';
import { redactText } from '../../core/pii/redact';
import type { PiiType } from '../../core/pii/types';

/**
 * Redaction of the text outside the spoken turns (call facts, metadata, tool calls): every
 * string is run through the detectors, and any finding text of the call's turns that is repeated
 * there verbatim (a number the agent looked up, say) is covered too.
 */
export interface StringRedactor {
  (text: string): string;
}

/** Repeats shorter than this are too likely to be ordinary words or numbers to replace blindly. */
const MIN_REPEAT_LENGTH = 4;

export function stringRedactor(wanted: ReadonlySet<PiiType> | null, knownSpans: readonly string[]): StringRedactor {
  const repeats = [...new Set(knownSpans)].filter((span) => span.length >= MIN_REPEAT_LENGTH).sort((a, b) => b.length - a.length);
  return (text) => {
    const found = detectPii(text, wanted);
    let out = found.length > 0 ? redactText(text, found) : text;
    for (const span of repeats) if (out.includes(span)) out = out.split(span).join('<REDACTED>');
    return out;
  };
}

/** Every string inside a JSON-like value redacted; keys, numbers and the shape kept. */
export function redactDeep(value: unknown, redact: StringRedactor): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact)]));
  }
  return value;
}
