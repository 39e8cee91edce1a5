import { rankOf } from '../metrics/percentile';

/**
 * The fleet figures (docs/METRICS.md "Fleet figures") over a set of calls, from per-call data held
 * in typed arrays, so the bootstrap can recompute them for a resample of calls given as integer
 * weights (how many times each call was drawn) without copying a call.
 */

export const FIGURES = [
  'calls',
  'reviewed_share',
  'success_rate',
  'failure_rate',
  'eval_pass_rate',
  'latency_p50_ms',
  'latency_p90_ms',
  'latency_p95_ms',
  'ttfw_p50_ms',
  'interruptions_per_call',
] as const;
export type Figure = (typeof FIGURES)[number];
export type Figures = Record<Figure, number | null>;

export function isFigure(name: string): name is Figure {
  return (FIGURES as readonly string[]).includes(name);
}

/** One call of a set as the store reads it. */
export interface CallFacts {
  id: number;
  verdict: 'success' | 'failure' | null;
  ttfw_ms: number | null;
  interruption_count: number | null;
  /** over the newest result of each evaluator on the call */
  eval_pass: number;
  eval_fail: number;
  reply_latencies: readonly number[];
}

/** The 'verdict' codes in `CallSet.verdict`. */
const NO_VERDICT = 0;
const SUCCESS = 1;
const FAILURE = 2;

/**
 * A set of calls, column by column. The replies and the ttfw values are sorted once, each with the
 * call it belongs to, so a resample's percentile is one pass adding up the weights of the calls.
 */
export interface CallSet {
  n: number;
  ids: Int32Array;
  verdict: Uint8Array;
  /** NaN: unknown */
  interruptions: Float64Array;
  evalPass: Int32Array;
  evalFail: Int32Array;
  /** every reply latency of the set, ascending, and the call (index into the set) of each */
  replyMs: Float64Array;
  replyCall: Int32Array;
  /** per call, how many replies it has */
  replyCount: Int32Array;
  /** the known ttfw values ascending, and the call of each */
  ttfwMs: Float64Array;
  ttfwCall: Int32Array;
}

function sortedWithCall(values: number[], calls: number[]): { ms: Float64Array; call: Int32Array } {
  const order = Array.from(values.keys()).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0) || (calls[a] ?? 0) - (calls[b] ?? 0));
  return { ms: Float64Array.from(order, (i) => values[i] ?? 0), call: Int32Array.from(order, (i) => calls[i] ?? 0) };
}

export function buildCallSet(calls: readonly CallFacts[]): CallSet {
  const n = calls.length;
  const replyValues: number[] = [];
  const replyOwners: number[] = [];
  const ttfwValues: number[] = [];
  const ttfwOwners: number[] = [];
  calls.forEach((call, i) => {
    for (const ms of call.reply_latencies) {
      replyValues.push(ms);
      replyOwners.push(i);
    }
    if (call.ttfw_ms !== null) {
      ttfwValues.push(call.ttfw_ms);
      ttfwOwners.push(i);
    }
  });
  const replies = sortedWithCall(replyValues, replyOwners);
  const ttfw = sortedWithCall(ttfwValues, ttfwOwners);
  return {
    n,
    ids: Int32Array.from(calls, (c) => c.id),
    verdict: Uint8Array.from(calls, (c) => (c.verdict === 'success' ? SUCCESS : c.verdict === 'failure' ? FAILURE : NO_VERDICT)),
    interruptions: Float64Array.from(calls, (c) => c.interruption_count ?? Number.NaN),
    evalPass: Int32Array.from(calls, (c) => c.eval_pass),
    evalFail: Int32Array.from(calls, (c) => c.eval_fail),
    replyMs: replies.ms,
    replyCall: replies.call,
    replyCount: Int32Array.from(calls, (c) => c.reply_latencies.length),
    ttfwMs: ttfw.ms,
    ttfwCall: ttfw.call,
  };
}


/**
 * Nearest-rank percentiles (METRICS §7, `x[ceil(p*n)]`, as core/metrics/percentile.ts) of sorted
 * values where value i counts `weights[owner[i]]` times (null: once each); `ps` ascending. The low
 * ones are found walking up from the smallest value, the high ones walking down from the largest:
 * p50, p90 and p95 together visit about 60% of the values, not 95%.
 */
export function weightedPercentiles(values: Float64Array, owner: Int32Array, weights: Int32Array | null, total: number, ps: readonly number[]): (number | null)[] {
  const out: (number | null)[] = ps.map(() => null);
  if (total === 0) return out;
  // the full set counts each value once: the same walk over weights of 1
  const w = weights ?? new Int32Array(values.length).fill(1);
  const own = weights ? owner : Int32Array.from(values.keys());
  const low = ps.flatMap((p, at) => (p <= 0.5 ? [at] : []));
  const high = ps.flatMap((p, at) => (p > 0.5 ? [at] : [])).reverse();
  // up: the first value whose running weight reaches the rank
  const ranks = ps.map((p) => rankOf(p, total));
  let next = 0;
  let seen = 0;
  let target = ranks[low[0] ?? 0] ?? 0;
  for (let i = 0; i < values.length && next < low.length; i++) {
    seen += w[own[i] ?? 0] ?? 0;
    while (next < low.length && seen >= target) {
      out[low[next] ?? 0] = values[i] ?? null;
      target = ranks[low[++next] ?? 0] ?? 0;
    }
  }
  // down: the rank-th value from the bottom is the first, from the top, with more than total - rank above and at it
  next = 0;
  seen = 0;
  target = total - (ranks[high[0] ?? 0] ?? 0);
  for (let i = values.length - 1; i >= 0 && next < high.length; i--) {
    seen += w[own[i] ?? 0] ?? 0;
    while (next < high.length && seen > target) {
      out[high[next] ?? 0] = values[i] ?? null;
      target = total - (ranks[high[++next] ?? 0] ?? 0);
    }
  }
  return out;
}

const LATENCY_PS = [0.5, 0.9, 0.95] as const;
const ratio = (num: number, den: number) => (den > 0 ? num / den : null);

/** The figures of the set, or of a resample of it (`weights[i]`: how many times call i was drawn). */
export function computeFigures(set: CallSet, weights: Int32Array | null = null): Figures {
  let calls = 0;
  let verdicts = 0;
  let successes = 0;
  let failures = 0;
  let pass = 0;
  let fail = 0;
  let interruptions = 0;
  let interruptionCalls = 0;
  let replies = 0;
  for (let i = 0; i < set.n; i++) {
    const w = weights ? (weights[i] ?? 0) : 1;
    if (w === 0) continue;
    calls += w;
    const verdict = set.verdict[i];
    if (verdict !== NO_VERDICT) {
      verdicts += w;
      if (verdict === SUCCESS) successes += w;
      else failures += w;
    }
    pass += w * (set.evalPass[i] ?? 0);
    fail += w * (set.evalFail[i] ?? 0);
    const count = set.interruptions[i] ?? Number.NaN;
    if (!Number.isNaN(count)) {
      interruptions += w * count;
      interruptionCalls += w;
    }
    replies += w * (set.replyCount[i] ?? 0);
  }
  let ttfwCalls = 0;
  if (weights) for (let j = 0; j < set.ttfwCall.length; j++) ttfwCalls += weights[set.ttfwCall[j] ?? 0] ?? 0;
  else ttfwCalls = set.ttfwMs.length;
  const [p50, p90, p95] = weightedPercentiles(set.replyMs, set.replyCall, weights, replies, LATENCY_PS);
  const [ttfw] = weightedPercentiles(set.ttfwMs, set.ttfwCall, weights, ttfwCalls, [0.5]);
  return {
    calls,
    reviewed_share: ratio(verdicts, calls),
    success_rate: ratio(successes, verdicts),
    failure_rate: ratio(failures, verdicts),
    eval_pass_rate: ratio(pass, pass + fail),
    latency_p50_ms: p50 ?? null,
    latency_p90_ms: p90 ?? null,
    latency_p95_ms: p95 ?? null,
    ttfw_p50_ms: ttfw ?? null,
    interruptions_per_call: ratio(interruptions, interruptionCalls),
  };
}
