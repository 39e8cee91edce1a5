import { classifyOverlaps } from './overlaps';
import { byStart, type SpeechSegment } from './segments';

/**
 * What each overlap did to the conversation (issue 16), for a reviewer to check against the audio:
 * - `barge_in`: the caller starts while the agent speaks, the agent stops, the caller keeps the floor;
 * - `backchannel`: a short utterance (or backchannel words) inside the other's speech, who goes on;
 * - `agent_talk_over`: the agent starts while the caller speaks and talks on;
 * - `false_cut_off`: the agent stops for something of the caller's (a noise, a backchannel) that
 *   ends without the caller taking the floor.
 * `yield_ms` is how long the agent kept talking after the caller started (null when it did not
 * stop for the caller). Built on the overlaps of docs/METRICS.md §3 (200 ms and longer).
 */
export type OverlapClass = 'barge_in' | 'backchannel' | 'agent_talk_over' | 'false_cut_off';
export const OVERLAP_CLASSES: readonly OverlapClass[] = ['barge_in', 'backchannel', 'agent_talk_over', 'false_cut_off'];

export interface OverlapVerdict {
  at_ms: number;
  class: OverlapClass;
  yield_ms: number | null;
  /** who started speaking inside the other's speech. */
  speaker: 'agent' | 'user';
  overlap_ms: number;
  /** the figures the class rests on, in words. */
  evidence: string;
}

/** The caller holds the floor when they talk on at least this long after the agent stops. */
export const FLOOR_TAKEN_MS = 300;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The first of `sorted` (by start) starting at or after `from`: a binary search, as a call has many overlaps. */
function firstFrom(sorted: readonly SpeechSegment[], from: number): SpeechSegment | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle]?.start_ms ?? Infinity) < from) low = middle + 1;
    else high = middle;
  }
  return sorted[low];
}

export function overlapVerdicts(segments: readonly SpeechSegment[]): OverlapVerdict[] {
  const agentSegments = byStart(segments.filter((s) => s.speaker === 'agent'));
  return classifyOverlaps(segments).map((event): OverlapVerdict => {
    // the caller's (or agent's) utterance, its parts after short pauses included
    const inside = { start_ms: event.segment.start_ms, end_ms: event.end_ms };
    const length = inside.end_ms - inside.start_ms;
    const host = event.floor;
    const hostEnd = host.end_ms;
    const base = { at_ms: event.at_ms, speaker: event.speaker, overlap_ms: event.overlap_ms };
    if (event.kind === 'backchannel') {
      return { ...base, class: 'backchannel', yield_ms: null, evidence: `${event.speaker === 'user' ? 'caller' : 'agent'} spoke ${seconds(length)} inside the other's speech, which went on ${seconds(hostEnd - inside.end_ms)} after it` };
    }
    if (event.speaker === 'agent') {
      return { ...base, class: 'agent_talk_over', yield_ms: null, evidence: `the agent started ${seconds(inside.start_ms - host.start_ms)} into the caller's speech and talked over it for ${seconds(event.overlap_ms)}` };
    }
    // the caller started inside the agent's speech and it was not a backchannel
    const yieldMs = hostEnd - inside.start_ms;
    const agentStopped = hostEnd < inside.end_ms;
    const callerOn = inside.end_ms - hostEnd;
    if (agentStopped && callerOn >= FLOOR_TAKEN_MS) {
      return { ...base, class: 'barge_in', yield_ms: yieldMs, evidence: `the caller started at ${seconds(inside.start_ms)}, the agent stopped ${yieldMs} ms later and the caller talked on for ${seconds(callerOn)}` };
    }
    if (agentStopped) {
      const resumed = firstFrom(agentSegments, inside.end_ms);
      const after = resumed ? `the agent resumed ${seconds(resumed.start_ms - inside.end_ms)} after it` : 'nobody took the floor';
      return { ...base, class: 'false_cut_off', yield_ms: yieldMs, evidence: `the agent stopped ${yieldMs} ms after the caller's ${seconds(length)} sound, which ended ${callerOn} ms later; ${after}` };
    }
    // the agent talked on past the caller's speech: not a yield, the caller was talked over
    return { ...base, class: 'backchannel', yield_ms: null, evidence: `the caller spoke ${seconds(length)} and the agent talked on through it` };
  });
}
