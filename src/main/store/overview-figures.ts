import type { CallListFilter } from '../../core/api/types';
import type { FleetFigures, OverviewPeriod } from '../../core/api/overview-contract';
import type { Db } from './db';
import { stmt } from './statements';
import { callSet, newestResultsJoin, PASS_OR_FAIL, ranks, ratio, type CallSet, type Params } from './overview-sql';

/** Query module for the fleet figures (docs/METRICS.md, "Fleet figures") over the calls of a filter in a period. */

interface CallCounts {
  calls: number;
  reviewed: number;
  success: number;
  failure: number;
  interruptions: number | null;
  interruptions_known: number;
}

/** Every reply latency of the set, counted per value in ascending order (exact ranks without holding a million values). */
export function latencyCountsSql(set: CallSet): string {
  return `SELECT rl.ms AS value, count(*) AS n FROM (${set.select('calls.id AS id')}) s JOIN reply_latencies rl ON rl.call_id = s.id GROUP BY rl.ms ORDER BY rl.ms`;
}

/** The calls' time to first word, counted per value (a unary + keeps the planner on the period's index, off calls_by_ttfw). */
export function ttfwCountsSql(set: CallSet): string {
  return `SELECT v AS value, count(*) AS n FROM (${set.select('+calls.ttfw_ms AS v')}) WHERE v IS NOT NULL GROUP BY v ORDER BY v`;
}

export function evalCountsSql(set: CallSet): string {
  return `SELECT coalesce(sum(pf = 1), 0) AS pass, coalesce(sum(pf = 0), 0) AS fail FROM (SELECT ${PASS_OR_FAIL} AS pf ${newestResultsJoin(set.select('calls.id AS id'))})`;
}

export function fleetFiguresOf(db: Db, set: CallSet): FleetFigures {
  const counts = stmt<Params, CallCounts>(
    db,
    `SELECT count(*) AS calls, count(v) AS reviewed, coalesce(sum(v = 'success'), 0) AS success, coalesce(sum(v = 'failure'), 0) AS failure,
      sum(ic) AS interruptions, count(ic) AS interruptions_known
     FROM (${set.select('calls.verdict AS v, calls.interruption_count AS ic')})`,
  ).get(set.params) ?? { calls: 0, reviewed: 0, success: 0, failure: 0, interruptions: null, interruptions_known: 0 };
  const latencies = stmt<Params, { value: number; n: number }>(db, latencyCountsSql(set)).all(set.params);
  const [p50, p90, p95] = ranks(latencies, [0.5, 0.9, 0.95]);
  const [ttfw] = ranks(stmt<Params, { value: number; n: number }>(db, ttfwCountsSql(set)).all(set.params), [0.5]);
  const evals = stmt<Params, { pass: number; fail: number }>(db, evalCountsSql(set)).get(set.params) ?? { pass: 0, fail: 0 };
  return {
    calls: counts.calls,
    reviewed_share: ratio(counts.reviewed, counts.calls),
    success_rate: ratio(counts.success, counts.reviewed),
    failure_rate: ratio(counts.failure, counts.reviewed),
    eval_pass_rate: ratio(evals.pass, evals.pass + evals.fail),
    latency_p50_ms: p50 ?? null,
    latency_p90_ms: p90 ?? null,
    latency_p95_ms: p95 ?? null,
    ttfw_p50_ms: ttfw ?? null,
    interruptions_per_call: counts.interruptions_known === 0 ? null : (counts.interruptions ?? 0) / counts.interruptions_known,
  };
}

/** The fleet figures of the list filter's calls started in the period. */
export function fleetFigures(db: Db, filter: CallListFilter, period: OverviewPeriod): FleetFigures {
  return fleetFiguresOf(db, callSet(db, filter, period));
}
