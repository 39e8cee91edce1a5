import type { Turn } from '../model/call';
import { maxOf, minOf } from '../model/extremes';

/**
 * Where a span of a turn's text was spoken. With word timings, from the words the span touches
 * (the words are found in the text in order); without, interpolated by character position within
 * the turn's own start and end. Null when the turn has no times at all.
 */
export interface SpanTime {
  start_ms: number;
  end_ms: number;
}

interface PlacedWord {
  start: number;
  end: number;
  start_ms: number;
  end_ms: number;
}

/** Finds each timed word in the text, left to right; words the text does not contain are skipped. */
function placeWords(turn: Turn): PlacedWord[] {
  const placed: PlacedWord[] = [];
  const lower = turn.text.toLowerCase();
  let cursor = 0;
  for (const word of turn.words ?? []) {
    const needle = word.text.trim().toLowerCase();
    if (needle.length === 0) continue;
    const at = lower.indexOf(needle, cursor);
    if (at < 0) continue;
    placed.push({ start: at, end: at + needle.length, start_ms: word.start_ms, end_ms: word.end_ms });
    cursor = at + needle.length;
  }
  return placed;
}

export function spanTime(turn: Turn, start: number, end: number): SpanTime | null {
  const touched = placeWords(turn).filter((w) => w.start < end && w.end > start);
  if (touched.length > 0) {
    return { start_ms: minOf(touched.map((w) => w.start_ms)) ?? 0, end_ms: maxOf(touched.map((w) => w.end_ms)) ?? 0 };
  }
  if (turn.start_ms === null || turn.end_ms === null || turn.text.length === 0) return null;
  const perChar = (turn.end_ms - turn.start_ms) / turn.text.length;
  return { start_ms: Math.round(turn.start_ms + start * perChar), end_ms: Math.round(turn.start_ms + end * perChar) };
}
