import type { Turn } from '../model/call';
import type { SpeechSegment } from './segments';
import { agentResponseLatencies } from './transcript-timing';
import { minOf } from '../model/extremes';

/** One agent response latency: `at_ms` is when the agent started answering. */
export interface Handoff {
  at_ms: number;
  ms: number;
}

/** The transcript (corpus) rule, METRICS §1: delegates to the corpus implementation. */
export function transcriptLatencies(turns: readonly Turn[]): Handoff[] {
  const handoffs: Handoff[] = [];
  for (const latency of agentResponseLatencies(turns)) {
    const start = turns[latency.turn]?.start_ms;
    if (start !== undefined && start !== null) handoffs.push({ at_ms: start, ms: latency.ms });
  }
  return handoffs;
}

/**
 * The segment (audio) rule, METRICS §1. For each agent segment A: U is the latest-ending user
 * segment (not a backchannel) that ended before A starts, A' the latest-ending agent segment that
 * ended before A starts; A answers U when A' is absent or ended before U did. Swept in order so a
 * long call costs n log n, not n².
 */
export function segmentLatencies(segments: readonly SpeechSegment[], backchannels: ReadonlySet<SpeechSegment>): Handoff[] {
  const byEnd = [...segments].sort((a, b) => a.end_ms - b.end_ms);
  // An agent "mm-hmm" while the caller talks neither answers nor ends the agent's turn.
  const agents = segments.filter((s) => s.speaker === 'agent' && !backchannels.has(s)).sort((a, b) => a.start_ms - b.start_ms);
  const handoffs: Handoff[] = [];
  let next = 0;
  let userEnd: number | null = null;
  let agentEnd: number | null = null;
  for (const answer of agents) {
    while (next < byEnd.length && (byEnd[next]?.end_ms ?? Infinity) < answer.start_ms) {
      const ended = byEnd[next++];
      if (ended === undefined) continue;
      if (backchannels.has(ended)) continue;
      if (ended.speaker === 'agent') agentEnd = ended.end_ms;
      else userEnd = ended.end_ms;
    }
    if (userEnd !== null && (agentEnd === null || agentEnd < userEnd)) {
      handoffs.push({ at_ms: answer.start_ms, ms: answer.start_ms - userEnd });
    }
  }
  return handoffs;
}

/** METRICS §2: the start of the first agent segment; null when the agent never speaks. */
export function timeToFirstWord(segments: readonly SpeechSegment[]): number | null {
  const starts = segments.filter((s) => s.speaker === 'agent').map((s) => s.start_ms);
  return minOf(starts);
}
