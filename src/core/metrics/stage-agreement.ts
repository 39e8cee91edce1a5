import type { Turn } from '../model/call';
import type { Handoff } from './handoffs';
import type { StageFigures, StageLatencies } from './stage-latency';

/** Past this, the platform's end-to-end figure and the gap heard in the call disagree (issue 16). */
export const DISAGREEMENT_MS = 150;

/** How far a reply's start in the audio may lie from its transcript turn's start and still be that reply. */
const SAME_REPLY_MS = 2000;

export interface StageRow {
  /** the reply's start in the call (ms), where it was paired with a heard gap. */
  at_ms: number | null;
  turn: number | null;
  /** the gap measured in the call (audio when analysed, else the transcript's turn times). */
  heard_ms: number | null;
  /** the platform's own end-to-end figure for this reply. */
  provider_ms: number | null;
  stages: StageFigures;
  /** both figures known and more than DISAGREEMENT_MS apart. */
  disagrees: boolean;
}

export interface StageComparison {
  rows: StageRow[];
  /** why replies could not be paired with the heard gaps, when they could not. */
  unpaired: string | null;
}

/**
 * Pairs each reply the platform reported with the gap heard before it: by the agent turn's start
 * where the payload names the turn (LiveKit, ElevenLabs), else by order when both list the same
 * number of replies (Vapi, Retell). Unequal counts are not guessed at: the rows then carry the
 * platform's figures alone and `unpaired` says why.
 */
export function compareStages(stages: StageLatencies, heard: readonly Handoff[], turns: readonly Turn[]): StageComparison {
  const byTurn = stages.replies.every((reply) => reply.turn !== null);
  const sameCount = stages.replies.length === heard.length;
  const used = new Set<Handoff>();
  const pairOf = (turn: number | null, index: number): Handoff | undefined => {
    if (!byTurn) return sameCount ? heard[index] : undefined;
    const start = turn === null ? null : (turns[turn]?.start_ms ?? null);
    if (start === null) return undefined;
    let best: Handoff | undefined;
    for (const handoff of heard) {
      const distance = Math.abs(handoff.at_ms - start);
      if (!used.has(handoff) && distance <= SAME_REPLY_MS && (!best || distance < Math.abs(best.at_ms - start))) best = handoff;
    }
    if (best) used.add(best);
    return best;
  };
  const rows = stages.replies.map((reply, index): StageRow => {
    const pair = pairOf(reply.turn, index);
    const provider = reply.stages.e2e ?? null;
    const heardMs = pair?.ms ?? null;
    return {
      at_ms: pair?.at_ms ?? null,
      turn: reply.turn,
      heard_ms: heardMs,
      provider_ms: provider,
      stages: reply.stages,
      disagrees: provider !== null && heardMs !== null && Math.abs(provider - heardMs) > DISAGREEMENT_MS,
    };
  });
  const unpaired = byTurn || sameCount || stages.replies.length === 0 ? null : `the platform reports ${stages.replies.length} replies, the call has ${heard.length}: not paired`;
  return { rows, unpaired };
}

/** "provider says 820 ms, audio says 1,310 ms" */
export function disagreementText(row: Pick<StageRow, 'provider_ms' | 'heard_ms'>, heardSource: 'audio' | 'transcript'): string {
  const figure = (value: number | null) => `${Math.round(value ?? 0).toLocaleString('en-US')} ms`;
  return `provider says ${figure(row.provider_ms)}, ${heardSource} says ${figure(row.heard_ms)}`;
}
