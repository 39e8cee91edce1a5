import { union, type Interval } from './segments';
import { maxOf } from '../model/extremes';

/** METRICS §4: gaps of at least this long are listed. */
export const DEFAULT_SILENCE_THRESHOLD_MS = 3000;

export interface Silence {
  /** the longest gap in the call's speech; 0 when there is none; null when there is no speech to measure. */
  longest_ms: number | null;
  /** the gaps of at least the threshold, in order. */
  segments: Interval[];
}

/**
 * The gaps between the union of everyone's speech, from the first segment's start to the last
 * segment's end: silence before the first word or after the last is not counted.
 */
export function silence(segments: readonly Interval[], thresholdMs: number = DEFAULT_SILENCE_THRESHOLD_MS): Silence {
  const speech = union(segments);
  const gaps: Interval[] = [];
  for (let i = 1; i < speech.length; i++) {
    const before = speech[i - 1];
    const after = speech[i];
    if (before !== undefined && after !== undefined) gaps.push({ start_ms: before.end_ms, end_ms: after.start_ms });
  }
  const lengths = gaps.map((gap) => gap.end_ms - gap.start_ms);
  return {
    longest_ms: speech.length === 0 ? null : (maxOf(lengths) ?? 0),
    segments: gaps.filter((gap) => gap.end_ms - gap.start_ms >= thresholdMs),
  };
}
