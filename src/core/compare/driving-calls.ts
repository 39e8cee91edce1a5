import type { CallListFilter, CallSortColumn } from '../api/types';
import type { Figure } from './figures';

/**
 * Per figure, the calls that drive a difference, as a Calls-list filter and sort ("Show the
 * calls"): the side that has more of what the figure counts, narrowed or sorted by it.
 */

/** One evaluator's pass / fail counts over a set (its newest result on each call). */
export interface EvaluatorCounts {
  evaluator_id: string;
  /** its current name, what the link says */
  name: string;
  pass: number;
  fail: number;
}

export interface DrivingCalls {
  set: 'a' | 'b';
  /** what the list shows, in words ("B's calls, slowest replies first") */
  label: string;
  filter: CallListFilter;
  sort: { column: CallSortColumn; direction: 'asc' | 'desc' };
}

const BY_FIGURE_COLUMN: Partial<Record<Figure, CallSortColumn>> = {
  latency_p50_ms: 'latency_p50_ms',
  latency_p90_ms: 'latency_p90_ms',
  latency_p95_ms: 'latency_p90_ms',
  ttfw_p50_ms: 'ttfw_ms',
  interruptions_per_call: 'interruption_count',
};

const COLUMN_WORDS: Partial<Record<CallSortColumn, string>> = {
  latency_p50_ms: 'highest p50 latency first',
  latency_p90_ms: 'highest p90 latency first',
  ttfw_ms: 'longest time to first word first',
  interruption_count: 'most interruptions first',
};

const NEWEST = { column: 'started_at', direction: 'desc' } as const;

/** The set's own verdict condition is kept: a link never shows calls outside the set. */
function withVerdict(filter: CallListFilter, verdict: NonNullable<CallListFilter['verdict']>): CallListFilter {
  return filter.verdict ? filter : { ...filter, verdict };
}

const failShare = (c: EvaluatorCounts | undefined) => (c && c.pass + c.fail > 0 ? c.fail / (c.pass + c.fail) : 0);

/** The evaluator whose fail share grew most from `from` to `to` (none grew: null). */
function mostWorsened(from: readonly EvaluatorCounts[], to: readonly EvaluatorCounts[]): EvaluatorCounts | null {
  let best: { counts: EvaluatorCounts; growth: number } | null = null;
  for (const counts of to) {
    const growth = failShare(counts) - failShare(from.find((c) => c.evaluator_id === counts.evaluator_id));
    if (counts.fail > 0 && growth > 0 && (!best || growth > best.growth)) best = { counts, growth };
  }
  return best?.counts ?? null;
}

export function drivingCalls(
  figure: Figure,
  diff: number | null,
  filters: { a: CallListFilter; b: CallListFilter },
  evaluators: { a: readonly EvaluatorCounts[]; b: readonly EvaluatorCounts[] } = { a: [], b: [] },
): DrivingCalls {
  // B went up (or nothing is known): B's calls; B went down: A's, which held what B lost
  const up = diff === null || diff >= 0;
  const side = (set: 'a' | 'b') => ({ set, name: set.toUpperCase(), filter: filters[set] });
  const column = BY_FIGURE_COLUMN[figure];
  if (column) {
    const s = side(up ? 'b' : 'a');
    return { set: s.set, label: `${s.name}'s calls, ${COLUMN_WORDS[column] ?? ''}`, filter: s.filter, sort: { column, direction: 'desc' } };
  }
  switch (figure) {
    case 'failure_rate': {
      const s = side(up ? 'b' : 'a');
      return { set: s.set, label: `${s.name}'s failures`, filter: withVerdict(s.filter, 'failure'), sort: NEWEST };
    }
    case 'success_rate': {
      // fewer successes in B: B's failures; more: B's successes
      const s = side('b');
      return up
        ? { set: 'b', label: "B's successes", filter: withVerdict(s.filter, 'success'), sort: NEWEST }
        : { set: 'b', label: "B's failures", filter: withVerdict(s.filter, 'failure'), sort: NEWEST };
    }
    case 'reviewed_share': {
      const s = side(up ? 'a' : 'b');
      return { set: s.set, label: `${s.name}'s unreviewed calls`, filter: withVerdict(s.filter, 'unreviewed'), sort: NEWEST };
    }
    case 'eval_pass_rate': {
      // B passes less: B's failures of the evaluator whose fail share grew most; B passes more: A's, of the one that fell most
      const s = side(diff !== null && diff > 0 ? 'a' : 'b');
      const worst = s.set === 'b' ? mostWorsened(evaluators.a, evaluators.b) : mostWorsened(evaluators.b, evaluators.a);
      if (worst === null) return { set: 'b', label: "B's calls", filter: filters.b, sort: NEWEST };
      const evaluations = [...(s.filter.evaluations ?? []), { evaluator_id: worst.evaluator_id, outcome: 'fail' as const }];
      return { set: s.set, label: `${s.name}'s calls that “${worst.name}” failed`, filter: { ...s.filter, evaluations }, sort: NEWEST };
    }
    default: {
      const s = side('b');
      return { set: 'b', label: "B's calls", filter: s.filter, sort: NEWEST };
    }
  }
}
