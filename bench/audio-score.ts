import { nearestRank } from '../src/core/metrics/percentile';
import type { TimingMetrics } from '../src/core/metrics/compute';
import type { CallTruth } from '../test/support/audio-generate';
import type { AudibleReply } from './audible-truth';

/**
 * Audio figures against the generator's truth (docs/METRICS.md): a reply is found when the audio
 * has a latency starting within MATCH_WINDOW_MS of the true one; an interruption when one of the
 * same side starts within that window.
 */
export const MATCH_WINDOW_MS = 300;

/** Replies scored against one ruler. */
export interface ReplyScore {
  replies: number;
  missed: number;
  /** |measured - true| of every reply found, ms. */
  errors: number[];
  /** replies found more than `MISS_MS` off, for `--misses`. */
  misses: ReplyMiss[];
}

export interface AccuracyTally {
  calls: number;
  /** against the generator's truth. */
  truth: ReplyScore;
  /** against the audible truth (audible-truth.ts): replies with both edges audible. */
  audible: ReplyScore;
  interruptionsTrue: number;
  interruptionsFound: number;
  interruptionsMatched: number;
  /** true interruptions not found and found ones not true, for `--misses`. */
  interruptionMisses: InterruptionMiss[];
}

/** One interruption the audio missed (`missed`) or found where there was none (`false`). */
export interface InterruptionMiss {
  call: string;
  at_ms: number;
  who: 'user' | 'agent';
  kind: 'missed' | 'false';
}

/** A reply measured more than this far from the truth is listed by `--misses` (the p95 goal). */
export const MISS_MS = 60;

/** One reply measured far from the truth, split into its two edges. */
export interface ReplyMiss {
  call: string;
  at_ms: number;
  true_ms: number;
  found_ms: number;
  /** measured - true start of the agent's reply (negative: found early). */
  agent_start_error_ms: number;
  /** measured - true end of the caller's speech before it. */
  caller_end_error_ms: number;
}

export interface AccuracyFigures {
  calls: number;
  latencies: number;
  latenciesMissed: number;
  latencyErrorMedian: number;
  latencyErrorP95: number;
  interruptionsTrue: number;
  interruptionsFound: number;
  precision: number;
  recall: number;
  /** against the audible truth: replies scored, error median / p95 (ms). */
  audibleReplies: number;
  audibleErrorMedian: number;
  audibleErrorP95: number;
}

interface Event {
  at_ms: number;
  who: 'user' | 'agent';
}

const emptyScore = (): ReplyScore => ({ replies: 0, missed: 0, errors: [], misses: [] });

export function emptyTally(): AccuracyTally {
  return { calls: 0, truth: emptyScore(), audible: emptyScore(), interruptionsTrue: 0, interruptionsFound: 0, interruptionsMatched: 0, interruptionMisses: [] };
}

/** Scores measured replies against true ones (each true one matched by its start). */
function scoreReplies(into: ReplyScore, replies: readonly AudibleReply[], metrics: TimingMetrics, call: string): void {
  for (const reply of replies) {
    into.replies++;
    const found = metrics.latencies.find((l) => Math.abs(l.at_ms - reply.at_ms) <= MATCH_WINDOW_MS);
    if (!found) {
      into.missed++;
      continue;
    }
    into.errors.push(Math.abs(found.ms - reply.ms));
    if (Math.abs(found.ms - reply.ms) > MISS_MS) {
      into.misses.push({ call, at_ms: reply.at_ms, true_ms: reply.ms, found_ms: found.ms, agent_start_error_ms: found.at_ms - reply.agent_start_ms, caller_end_error_ms: found.at_ms - found.ms - reply.caller_end_ms });
    }
  }
}

/** Matches true events to found ones of the same side within MATCH_WINDOW_MS; returns what is left of each. */
function matchEvents(truth: readonly Event[], found: readonly Event[]): { missed: Event[]; extra: Event[] } {
  const unused = [...found];
  const missed: Event[] = [];
  for (const t of truth) {
    const i = unused.findIndex((f) => f.who === t.who && Math.abs(f.at_ms - t.at_ms) <= MATCH_WINDOW_MS);
    if (i >= 0) unused.splice(i, 1);
    else missed.push(t);
  }
  return { missed, extra: unused };
}

/** Adds one call's comparison to the tally. */
export function tallyCall(tally: AccuracyTally, truth: CallTruth, metrics: TimingMetrics, call = '', audible: readonly AudibleReply[] = []): void {
  tally.calls++;
  scoreReplies(tally.truth, truth.latencies.map((r) => ({ ...r, agent_start_ms: r.at_ms, caller_end_ms: r.at_ms - r.ms })), metrics, call);
  scoreReplies(tally.audible, audible, metrics, call);
  const truthEvents: Event[] = [
    ...truth.user_interrupts_agent.map((e) => ({ at_ms: e.at_ms, who: 'user' as const })),
    ...truth.agent_interrupts_user.map((e) => ({ at_ms: e.at_ms, who: 'agent' as const })),
  ];
  const foundEvents: Event[] = [
    ...(metrics.interruptions?.user_interrupts_agent ?? []).map((e) => ({ at_ms: e.at_ms, who: 'user' as const })),
    ...(metrics.interruptions?.agent_interrupts_user ?? []).map((e) => ({ at_ms: e.at_ms, who: 'agent' as const })),
  ];
  tally.interruptionsTrue += truthEvents.length;
  tally.interruptionsFound += foundEvents.length;
  const { missed, extra } = matchEvents(truthEvents, foundEvents);
  tally.interruptionsMatched += truthEvents.length - missed.length;
  tally.interruptionMisses.push(...missed.map((e) => ({ call, ...e, kind: 'missed' as const })), ...extra.map((e) => ({ call, ...e, kind: 'false' as const })));
}

export function accuracyFigures(tally: AccuracyTally): AccuracyFigures {
  return {
    calls: tally.calls,
    latencies: tally.truth.replies,
    latenciesMissed: tally.truth.missed,
    latencyErrorMedian: nearestRank(tally.truth.errors, 0.5) ?? Number.NaN,
    latencyErrorP95: nearestRank(tally.truth.errors, 0.95) ?? Number.NaN,
    interruptionsTrue: tally.interruptionsTrue,
    interruptionsFound: tally.interruptionsFound,
    precision: tally.interruptionsFound === 0 ? 1 : tally.interruptionsMatched / tally.interruptionsFound,
    recall: tally.interruptionsTrue === 0 ? 1 : tally.interruptionsMatched / tally.interruptionsTrue,
    audibleReplies: tally.audible.replies,
    audibleErrorMedian: nearestRank(tally.audible.errors, 0.5) ?? Number.NaN,
    audibleErrorP95: nearestRank(tally.audible.errors, 0.95) ?? Number.NaN,
  };
}
