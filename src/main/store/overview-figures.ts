import type { FleetFigures } from '../../core/api/overview-contract';
import { rankOfSorted } from '../../core/overview/aggregate';
import type { Db } from './db';
import { stmt } from './statements';
import { passFail } from './overview-evaluations';
import type { CallSet, Params } from './overview-sql';

/**
 * Query module for the fleet figures (docs/METRICS.md, "Fleet figures") of a set of calls: counts
 * and means in SQL (from calls_for_overview, no call's row read), the percentiles exact over the
 * values read as one column each and sorted here (a GROUP BY would sort them in SQL, slower).
 */

export function callCountsSql(set: CallSet): string {
  return `SELECT count(*) AS calls, count(v) AS reviewed, coalesce(sum(v = 'success'), 0) AS success, coalesce(sum(v = 'failure'), 0) AS failure,
      sum(ic) AS interruptions, count(ic) AS known
    FROM (${set.select('calls.verdict AS v, calls.interruption_count AS ic')})`;
}

export function latenciesSql(set: CallSet): string {
  return `SELECT rl.ms FROM (${set.select('calls.id AS id')}) s JOIN reply_latencies rl ON rl.call_id = s.id`;
}

/** a unary + keeps the planner on the period's index rather than walking calls_by_ttfw */
export function ttfwSql(set: CallSet): string {
  return `SELECT v FROM (${set.select('+calls.ttfw_ms AS v')}) WHERE v IS NOT NULL`;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

function sortedColumn(db: Db, sql: string, params: Params): Float64Array {
  return Float64Array.from(stmt<Params, number>(db, sql).pluck().all(params) as number[]).sort();
}

export function fleetFigures(db: Db, set: CallSet): FleetFigures {
  const counts = stmt<Params, { calls: number; reviewed: number; success: number; failure: number; interruptions: number | null; known: number }>(db, callCountsSql(set)).get(set.params);
  const latencies = sortedColumn(db, latenciesSql(set), set.params);
  const ttfw = sortedColumn(db, ttfwSql(set), set.params);
  const evals = passFail(db, set);
  const calls = counts?.calls ?? 0;
  const reviewed = counts?.reviewed ?? 0;
  return {
    calls,
    reviewed_share: ratio(reviewed, calls),
    success_rate: ratio(counts?.success ?? 0, reviewed),
    failure_rate: ratio(counts?.failure ?? 0, reviewed),
    eval_pass_rate: ratio(evals.pass, evals.pass + evals.fail),
    latency_p50_ms: rankOfSorted(latencies, 0.5),
    latency_p90_ms: rankOfSorted(latencies, 0.9),
    latency_p95_ms: rankOfSorted(latencies, 0.95),
    ttfw_p50_ms: rankOfSorted(ttfw, 0.5),
    interruptions_per_call: ratio(counts?.interruptions ?? 0, counts?.known ?? 0),
  };
}
