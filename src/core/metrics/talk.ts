import { unionLength, type SpeechSegment } from './segments';

export interface SpeechTime {
  agent: number;
  user: number;
}

/** Each side's speech time: the length of the union of its segments (METRICS §5). */
export function speechTime(segments: readonly SpeechSegment[]): SpeechTime {
  return {
    agent: unionLength(segments.filter((s) => s.speaker === 'agent')),
    user: unionLength(segments.filter((s) => s.speaker === 'user')),
  };
}

/** Agent speech / (agent + user speech); null when nobody speaks. */
export function talkRatio(time: SpeechTime): number | null {
  const total = time.agent + time.user;
  return total > 0 ? time.agent / total : null;
}

/** Words per minute of one side (METRICS §6); null when the words or the speech time are missing. */
export function wordsPerMinute(words: number | null, speechMs: number): number | null {
  if (words === null || !(speechMs > 0)) return null;
  return words / (speechMs / 60_000);
}

/**
 * Words in a text as a reader counts them: whitespace-separated pieces with at least one letter or
 * digit, so "uh-huh" and "it's" are one word each and a lone "-" or "..." is none.
 */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((piece) => /[\p{L}\p{N}]/u.test(piece)).length;
}
