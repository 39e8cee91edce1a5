import type { Turn } from '../../../core/model/call';
import type { Marker } from './markers';

/**
 * Problems shown in the transcript, between turns: a slow reply ("3.4 s wait") before the reply that
 * came late, an interruption ("interrupted by caller") before the turn that cut in. Each marker goes
 * to the turn that starts at its moment (the reply's start, the overlap's start); a marker with no
 * such turn (no turn times) shows on the timeline only.
 */
export interface ProblemBadge {
  kind: Marker['kind'] | 'disagreement';
  text: string;
  /** the marker's moment, so the badge can seek there. */
  at_ms: number;
}

/** How far a turn's start may sit from a marker's moment and still be the turn it is about. */
const SAME_MOMENT_MS = 250;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export function badgeText(marker: Marker): string {
  if (marker.kind === 'latency') return `${seconds(marker.ms)} wait`;
  return marker.who === 'agent' ? 'agent talked over caller' : 'interrupted by caller';
}

/** What a marker is, said when the playhead jumps to it. */
export function markerAnnouncement(marker: Marker): string {
  return marker.kind === 'latency' ? `Slow reply: ${seconds(marker.ms)} wait at ${seconds(marker.at_ms)}` : `${marker.who === 'agent' ? 'Agent talked over the caller' : 'Caller interrupted the agent'} at ${seconds(marker.at_ms)}`;
}

/** Badges by turn idx. */
export function problemBadges(turns: readonly Turn[], markers: readonly Marker[]): Map<number, ProblemBadge[]> {
  const byTurn = new Map<number, ProblemBadge[]>();
  const timed = turns.filter((t): t is Turn & { start_ms: number } => t.start_ms !== null);
  for (const marker of markers) {
    // a slow reply's marker sits at the end of the wait: the reply starts `ms` later
    const moment = marker.kind === 'latency' ? marker.at_ms + marker.ms : marker.at_ms;
    let best: (Turn & { start_ms: number }) | null = null;
    for (const turn of timed) {
      const off = Math.abs(turn.start_ms - moment);
      if (off <= SAME_MOMENT_MS && (!best || off < Math.abs(best.start_ms - moment))) best = turn;
    }
    if (!best) continue;
    const list = byTurn.get(best.idx) ?? [];
    list.push({ kind: marker.kind, text: badgeText(marker), at_ms: marker.at_ms });
    byTurn.set(best.idx, list);
  }
  return byTurn;
}

/**
 * Issue 16: a reply whose platform end-to-end figure and heard gap disagree, as a badge on the
 * reply's turn ("provider says 820 ms, audio says 1,310 ms"), added to `byTurn`.
 */
export function addDisagreementBadges(
  byTurn: Map<number, ProblemBadge[]>,
  turns: readonly Turn[],
  rows: readonly { at_ms: number | null; turn: number | null; disagrees: boolean; text: string }[],
): Map<number, ProblemBadge[]> {
  for (const row of rows) {
    if (!row.disagrees || row.at_ms === null) continue;
    const at = row.at_ms;
    const turn = row.turn ?? turns.find((t) => t.start_ms !== null && Math.abs(t.start_ms - at) <= SAME_MOMENT_MS)?.idx;
    if (turn === undefined) continue;
    byTurn.set(turn, [...(byTurn.get(turn) ?? []), { kind: 'disagreement', text: row.text, at_ms: at }]);
  }
  return byTurn;
}
