import { detectContextual } from './contextual';
import { detectStructured } from './detectors';
import { resolveOverlaps, type Finding, type PiiType } from './types';

/**
 * Every PII detector on one string (structured + contextual), overlaps resolved; offsets are into
 * `text`. With `types`, only findings of those types are returned (resolution happens first, so a
 * card number is never re-reported as a phone number because cards were filtered out).
 */
export function detectPii(text: string, types?: ReadonlySet<PiiType> | null): Finding[] {
  const found = resolveOverlaps([...detectStructured(text), ...detectContextual(text)]);
  return types ? found.filter((f) => types.has(f.type)) : found;
}

/** How much of the previous turn is read as context: the question the answer replies to. */
const CONTEXT_CHARS = 80;

/**
 * Detection in one turn of a conversation: the end of the other speaker's previous turn ("Can I
 * have your social?") is context for this one ("It's 336 49 2448"). Offsets are into `text`; what
 * the context itself contains is not reported.
 */
export function detectPiiInReply(text: string, previous: string | null, types?: ReadonlySet<PiiType> | null): Finding[] {
  if (!previous) return detectPii(text, types);
  const context = `${previous.slice(-CONTEXT_CHARS)}\n`;
  return detectPii(context + text, types)
    .filter((f) => f.start >= context.length)
    .map((f) => ({ ...f, start: f.start - context.length, end: f.end - context.length }));
}
