import type { CallMetrics } from '../../../core/present/metrics-api';
import type { Turn } from '../../../core/model/call';

/** Where the call went wrong, as points on its timeline: interruptions and slow replies. */
export interface Marker {
  kind: 'interruption' | 'latency';
  at_ms: number;
  label: string;
  /** how long: overlap for interruptions, the wait for latencies. */
  ms: number;
  /** who cut in (interruptions): the caller over the agent, or the agent over the caller. */
  who?: 'caller' | 'agent';
}

export const DEFAULT_SLOW_REPLY_MS = 2000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function buildMarkers(metrics: CallMetrics | null, slowReplyMs = DEFAULT_SLOW_REPLY_MS): Marker[] {
  if (!metrics) return [];
  const best = metrics.by_source.audio ?? metrics.by_source.transcript;
  const interruption = (who: 'caller' | 'agent') => (i: { at_ms: number; overlap_ms: number }) => ({
    kind: 'interruption' as const,
    at_ms: i.at_ms,
    ms: i.overlap_ms,
    who,
    label: `Interruption at ${seconds(i.at_ms)}`,
  });
  const interruptions = [...metrics.interruptions.user_interrupts_agent.map(interruption('caller')), ...metrics.interruptions.agent_interrupts_user.map(interruption('agent'))];
  const slow = (best?.latencies ?? [])
    .filter((l) => l.ms > slowReplyMs)
    .map((l) => ({ kind: 'latency' as const, at_ms: l.at_ms - l.ms, ms: l.ms, label: `Latency ${Math.round(l.ms)} ms` }));
  return [...interruptions, ...slow].sort((a, b) => a.at_ms - b.at_ms);
}

export interface TimedTurn {
  start_ms: number;
  index: number;
}

/** Turns with a start time, in time order: what the playhead can land on. */
export function timedTurns(turns: readonly Turn[]): TimedTurn[] {
  return turns.flatMap((t, index) => (t.start_ms === null ? [] : [{ start_ms: t.start_ms, index }])).sort((a, b) => a.start_ms - b.start_ms);
}

/** The turn under the playhead: the last one started at or before it (binary search); -1 before the first. */
export function activeTurnIndex(timed: readonly TimedTurn[], ms: number): number {
  let lo = 0;
  let hi = timed.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const entry = timed[mid];
    if (entry && entry.start_ms <= ms) {
      found = entry.index;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The length of the timeline of a call without a recording: the call's own duration when the
 * payload gives it, stretched to the last turn time if a turn runs past it (plus a second, so the
 * last turn is not on the edge); one second when nothing at all is known.
 */
export function timelineDurationMs(turns: readonly Turn[], callDurationS: number | null): number {
  const lastTurnMs = turns.reduce((max, t) => Math.max(max, t.end_ms ?? t.start_ms ?? 0), 0);
  const callMs = callDurationS !== null && callDurationS > 0 ? callDurationS * 1000 : 0;
  return Math.max(callMs, lastTurnMs > 0 ? lastTurnMs + 1000 : 0, 1000);
}
