import type { CallTruth, OverlapEvent, Speaker, TruthUtterance } from './types';

/**
 * The truth of a generated call, computed from the rendered timings with the rules of
 * docs/METRICS.md (kept separate from src/core/metrics on purpose: the tests compare the two).
 */

export interface TimedUtterance {
  speaker: Speaker;
  text: string;
  start_ms: number;
  end_ms: number;
}

/** METRICS.md §3: overlaps under this are crosstalk at a handoff. */
const CROSSTALK_MS = 200;
/** METRICS.md §3: a backchannel is short (under this) or all backchannel words. */
const SHORT_BACKCHANNEL_MS = 1000;
/** METRICS.md §4: the silences listed. */
const LONG_SILENCE_MS = 3000;
const BACKCHANNEL_WORDS = new Set(['uh-huh', 'mm-hmm', 'yeah', 'okay', 'right', 'yes', 'sure', 'got it', 'i see', 'mhm', 'uh huh', 'ok']);

/** True when every word of the text belongs to a backchannel word or phrase (two-word phrases included). */
export function isAllBackchannelWords(text: string): boolean {
  const words = text.toLowerCase().replace(/[^a-z'\s-]/g, ' ').split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) return false;
  let i = 0;
  while (i < words.length) {
    const pair = `${words[i]} ${words[i + 1] ?? ''}`;
    if (i + 1 < words.length && BACKCHANNEL_WORDS.has(pair)) i += 2;
    else if (BACKCHANNEL_WORDS.has(words[i] ?? '')) i += 1;
    else return false;
  }
  return true;
}

type Overlap = { kind: 'backchannel' | 'interruption'; overlap_ms: number } | null;

/** METRICS.md §3 for one segment: what its start inside the other speaker's speech makes it. */
function classifyOverlap(segment: TimedUtterance, all: readonly TimedUtterance[]): Overlap {
  // The other speaker's segment it starts inside; the latest-starting one if (oddly) several.
  let host: TimedUtterance | null = null;
  for (const other of all) {
    if (other.speaker === segment.speaker) continue;
    if (other.start_ms < segment.start_ms && segment.start_ms < other.end_ms && (!host || other.start_ms > host.start_ms)) host = other;
  }
  if (!host) return null;
  const overlap_ms = Math.min(host.end_ms, segment.end_ms) - segment.start_ms;
  if (overlap_ms < CROSSTALK_MS) return null;
  const keepsFloor = segment.end_ms < host.end_ms;
  const short = segment.end_ms - segment.start_ms < SHORT_BACKCHANNEL_MS;
  if (keepsFloor && (short || isAllBackchannelWords(segment.text))) return { kind: 'backchannel', overlap_ms };
  return { kind: 'interruption', overlap_ms };
}

/** The latest-ending segment among those ending before `before`. */
function latestEndingBefore(segments: readonly TimedUtterance[], before: number): TimedUtterance | null {
  let found: TimedUtterance | null = null;
  for (const segment of segments) {
    if (segment.end_ms < before && (!found || segment.end_ms > found.end_ms)) found = segment;
  }
  return found;
}

/** METRICS.md §4: gaps in the union of all speech of at least LONG_SILENCE_MS. */
function longSilences(segments: readonly TimedUtterance[]): { start_ms: number; end_ms: number }[] {
  const sorted = [...segments].sort((a, b) => a.start_ms - b.start_ms);
  const silences: { start_ms: number; end_ms: number }[] = [];
  let speechEnd: number | null = null;
  for (const segment of sorted) {
    if (speechEnd !== null && segment.start_ms - speechEnd >= LONG_SILENCE_MS) silences.push({ start_ms: speechEnd, end_ms: segment.start_ms });
    speechEnd = speechEnd === null ? segment.end_ms : Math.max(speechEnd, segment.end_ms);
  }
  return silences;
}

export function computeTruth(timed: readonly TimedUtterance[]): CallTruth {
  const segments = [...timed].sort((a, b) => a.start_ms - b.start_ms || a.end_ms - b.end_ms);
  const overlaps = segments.map((segment) => classifyOverlap(segment, segments));

  const utterances: TruthUtterance[] = segments.map((segment, i) => ({ ...segment, kind: overlaps[i]?.kind ?? 'turn' }));
  const user_interrupts_agent: OverlapEvent[] = [];
  const agent_interrupts_user: OverlapEvent[] = [];
  const backchannels: CallTruth['backchannels'] = [];
  segments.forEach((segment, i) => {
    const overlap = overlaps[i];
    if (!overlap) return;
    const event = { at_ms: segment.start_ms, overlap_ms: overlap.overlap_ms };
    if (overlap.kind === 'backchannel') backchannels.push({ ...event, speaker: segment.speaker });
    else if (segment.speaker === 'user') user_interrupts_agent.push(event);
    else agent_interrupts_user.push(event);
  });

  // METRICS.md §1, segments rule: backchannels take no part (neither U, nor A, nor A').
  const userTurns = segments.filter((segment, i) => segment.speaker === 'user' && overlaps[i]?.kind !== 'backchannel');
  const agentSegments = segments.filter((segment, i) => segment.speaker === 'agent' && overlaps[i]?.kind !== 'backchannel');
  const latencies: CallTruth['latencies'] = [];
  for (const reply of agentSegments) {
    const user = latestEndingBefore(userTurns, reply.start_ms);
    const previousAgent = latestEndingBefore(agentSegments, reply.start_ms);
    if (user && (!previousAgent || previousAgent.end_ms < user.end_ms)) latencies.push({ at_ms: reply.start_ms, ms: reply.start_ms - user.end_ms });
  }

  return { utterances, latencies, user_interrupts_agent, agent_interrupts_user, backchannels, silences: longSilences(segments) };
}
