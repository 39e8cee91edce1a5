import { isSpoken } from '../model/roles';
import type { Turn } from '../model/call';

/** Who is speaking in a segment (docs/METRICS.md "Inputs"); tool turns never produce speech. */
export type Speaker = 'agent' | 'user';

/** One stretch of one speaker's speech, in ms from call (or recording) start. */
export interface SpeechSegment {
  speaker: Speaker;
  start_ms: number;
  end_ms: number;
  /** the turn's text when the segment comes from a transcript; absent for audio. */
  text?: string;
}

export interface Interval {
  start_ms: number;
  end_ms: number;
}

/** A segment the metrics can measure: finite times that do not run backwards. */
export function isMeasurable(segment: Interval): boolean {
  return Number.isFinite(segment.start_ms) && Number.isFinite(segment.end_ms) && segment.end_ms >= segment.start_ms;
}

/**
 * One segment per spoken turn with both times, in transcript order. Tool turns, turns of unknown
 * speakers (role `other`) and turns without
 * an end are skipped (METRICS "Inputs"); so are turns whose end is before their start, because a
 * backwards stretch has no length to measure and would only poison the unions below.
 */
export function segmentsFromTurns(turns: readonly Turn[]): SpeechSegment[] {
  const segments: SpeechSegment[] = [];
  for (const turn of turns) {
    if (!isSpoken(turn.role) || turn.start_ms === null || turn.end_ms === null) continue;
    const segment: SpeechSegment = { speaker: turn.role, start_ms: turn.start_ms, end_ms: turn.end_ms, text: turn.text };
    if (isMeasurable(segment)) segments.push(segment);
  }
  return segments;
}

/** Segments sorted by start (then end), leaving the caller's array alone. */
export function byStart<T extends Interval>(segments: readonly T[]): T[] {
  return [...segments].sort((a, b) => a.start_ms - b.start_ms || a.end_ms - b.end_ms);
}

/** The union of the intervals as disjoint, sorted intervals; touching intervals merge. */
export function union(intervals: readonly Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const interval of byStart(intervals)) {
    const last = merged[merged.length - 1];
    if (last !== undefined && interval.start_ms <= last.end_ms) last.end_ms = Math.max(last.end_ms, interval.end_ms);
    else merged.push({ start_ms: interval.start_ms, end_ms: interval.end_ms });
  }
  return merged;
}

/** The length of the union of the intervals: overlapping speech of one side counts once. */
export function unionLength(intervals: readonly Interval[]): number {
  return union(intervals).reduce((total, interval) => total + (interval.end_ms - interval.start_ms), 0);
}
