import type { Turn } from '../model/call';
import { isSpoken } from '../model/roles';

/**
 * Timing facts read off the transcript's own turn times (corpus README rules 4 and 5, DESIGN §5).
 * Tool turns (and turns of unknown speakers) are skipped when looking for "the previous spoken turn".
 */

function previousSpoken(turns: readonly Turn[], index: number): Turn | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const turn = turns[i];
    if (turn && isSpoken(turn.role)) return turn;
  }
  return undefined;
}

export interface ResponseLatency {
  /** index of the agent turn that answered. */
  turn: number;
  ms: number;
}

/** agent.start - user.end for each agent turn whose previous spoken turn is the user's, when > 0. */
export function agentResponseLatencies(turns: readonly Turn[]): ResponseLatency[] {
  const latencies: ResponseLatency[] = [];
  turns.forEach((turn, index) => {
    if (turn.role !== 'agent' || turn.start_ms === null) return;
    const previous = previousSpoken(turns, index);
    if (previous?.role !== 'user' || previous.end_ms === null) return;
    const gap = turn.start_ms - previous.end_ms;
    if (gap > 0) latencies.push({ turn: index, ms: gap });
  });
  return latencies;
}

export interface Overlap {
  agent_turn: number;
  user_turn: number;
  overlap_ms: number;
}

/** A user turn starting before the previous spoken (agent) turn ended; overlap = agent.end - user.start. */
export function userInterruptsAgent(turns: readonly Turn[]): Overlap[] {
  const overlaps: Overlap[] = [];
  turns.forEach((turn, index) => {
    if (turn.role !== 'user' || turn.start_ms === null) return;
    const previous = previousSpoken(turns, index);
    if (previous?.role !== 'agent' || previous.end_ms === null) return;
    const overlap = previous.end_ms - turn.start_ms;
    if (overlap > 0) overlaps.push({ agent_turn: previous.idx, user_turn: turn.idx, overlap_ms: overlap });
  });
  return overlaps;
}

export type TimingAvailability = 'start_and_end' | 'start_only' | 'none';

/** What the spoken turns carry; null when there are no spoken turns to tell. */
export function timingAvailability(turns: readonly Turn[]): TimingAvailability | null {
  const spoken = turns.filter((turn) => isSpoken(turn.role));
  if (spoken.length === 0) return null;
  if (spoken.some((turn) => turn.start_ms !== null && turn.end_ms !== null)) return 'start_and_end';
  if (spoken.some((turn) => turn.start_ms !== null)) return 'start_only';
  return 'none';
}
