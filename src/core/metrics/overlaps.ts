import { byStart, type Speaker, type SpeechSegment } from './segments';

/** Overlaps shorter than this are crosstalk at a handoff and count as nothing (METRICS §3). */
export const CROSSTALK_MAX_MS = 200;
/** A segment shorter than this that ends inside the other speaker's is a backchannel. */
export const SHORT_BACKCHANNEL_MS = 1000;
/**
 * Inside the other speaker's speech, a pause shorter than this continues the same utterance
 * ("Sorry, | can I stop you"): a comma's pause splits the audio's segments (its hangover is 200 ms),
 * and judged alone, the first part ("Sorry,") read as a backchannel and the barge-in went missing.
 * Pauses within a turn run to about half a second, and on a noisy line they widen by the faint
 * edges lost on either side (one of 350 ms at 8 kHz under pink noise at -36 dBFS).
 */
export const PHRASE_PAUSE_MS = 500;

/** METRICS §3: a segment made only of these (in any mix) is a backchannel whatever its length. */
export const BACKCHANNEL_PHRASES = [
  'uh-huh', 'mm-hmm', 'yeah', 'okay', 'right', 'yes', 'sure', 'got it', 'i see', 'mhm', 'uh huh', 'ok',
] as const;

/** Lowercased words; hyphens and punctuation separate words, so "Uh-huh," reads as ["uh", "huh"]. */
function tokens(text: string): string[] {
  return text.toLowerCase().replace(/\u2019/g, "'").match(/[\p{L}\p{N}']+/gu) ?? [];
}

const phraseTokens: readonly (readonly string[])[] = BACKCHANNEL_PHRASES.map(tokens);

/**
 * True when the text has at least one word and all its words are backchannel words. Phrases of
 * two words ("got it", "i see") must appear whole: "got" alone or "see" alone is not one.
 */
export function isBackchannelText(text: string): boolean {
  const words = tokens(text);
  if (words.length === 0) return false;
  // covered[i]: the first i words split exactly into backchannel phrases
  const covered = [true, ...words.map(() => false)];
  for (let i = 0; i < words.length; i++) {
    if (!covered[i]) continue;
    for (const phrase of phraseTokens) {
      if (phrase.every((word, k) => words[i + k] === word)) covered[i + phrase.length] = true;
    }
  }
  return covered[words.length] === true;
}

export type OverlapKind = 'interruption' | 'backchannel';

export interface OverlapEvent {
  kind: OverlapKind;
  /** the segment that started inside the other speaker's. */
  segment: SpeechSegment;
  /** it and the segments that continued it after pauses under PHRASE_PAUSE_MS, begun inside `floor`. */
  parts: SpeechSegment[];
  /** where the last of `parts` ends. */
  end_ms: number;
  /** the other speaker's segment it started inside: of those containing its start, the one ending last. */
  floor: SpeechSegment;
  speaker: Speaker;
  at_ms: number;
  overlap_ms: number;
}

/**
 * Every segment that starts strictly inside one of the other speaker's segments, classified by
 * METRICS §3. When several of the other speaker's segments contain the start (possible in a
 * transcript, never on one audio channel), the one ending last is `P`: it is the floor being held.
 * Results are in order of start.
 */
export function classifyOverlaps(segments: readonly SpeechSegment[]): OverlapEvent[] {
  const events: OverlapEvent[] = [];
  const sides = { agent: byStart(segments.filter((s) => s.speaker === 'agent')), user: byStart(segments.filter((s) => s.speaker === 'user')) };
  for (const speaker of ['agent', 'user'] as const) {
    const other = sides[speaker === 'agent' ? 'user' : 'agent'];
    let next = 0;
    let floor: SpeechSegment | undefined; // the other speaker's segment with the latest end among those started so far
    const own = sides[speaker];
    const continued = new Set<SpeechSegment>();
    own.forEach((segment, index) => {
      while (next < other.length && (other[next]?.start_ms ?? Infinity) < segment.start_ms) {
        const candidate = other[next++];
        if (candidate !== undefined && (floor === undefined || candidate.end_ms > floor.end_ms)) floor = candidate;
      }
      if (continued.has(segment) || floor === undefined || floor.end_ms <= segment.start_ms) return;
      const held = floor;
      const parts = [segment];
      let end = segment.end_ms;
      for (let j = index + 1; j < own.length; j++) {
        const after = own[j];
        if (after === undefined || after.start_ms - end >= PHRASE_PAUSE_MS || after.start_ms >= held.end_ms) break;
        parts.push(after);
        continued.add(after);
        end = Math.max(end, after.end_ms);
      }
      const overlap = Math.min(held.end_ms, end) - segment.start_ms;
      if (overlap < CROSSTALK_MAX_MS) return;
      const keepsFloor = end < held.end_ms;
      const short = end - segment.start_ms < SHORT_BACKCHANNEL_MS;
      const backchannelWords = parts.every((part) => part.text !== undefined) && isBackchannelText(parts.map((part) => part.text).join(' '));
      const kind: OverlapKind = keepsFloor && (short || backchannelWords) ? 'backchannel' : 'interruption';
      events.push({ kind, segment, parts, end_ms: end, floor: held, speaker, at_ms: segment.start_ms, overlap_ms: overlap });
    });
  }
  return events.sort((a, b) => a.at_ms - b.at_ms);
}
