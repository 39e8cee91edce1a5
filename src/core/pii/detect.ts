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
