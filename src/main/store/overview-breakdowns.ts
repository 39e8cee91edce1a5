import type { CallListFilter } from '../../core/api/types';
import type { AgentFigures, EndReasonCount, OverviewPeriod } from '../../core/api/overview-contract';
import type { Db } from './db';
import { stmt } from './statements';
import { callSet, countsByGroup, newestResultsJoin, PASS_OR_FAIL, ranks, ratio, type CallSet, type Params } from './overview-sql';

/** Query modules for the Overview's breakdowns: calls by end reason, the figures of each agent. */

export function endReasonsSql(set: CallSet): string {
  return `SELECT r AS end_reason, count(*) AS calls FROM (${set.select('calls.end_reason AS r')}) GROUP BY r ORDER BY calls DESC, r`;
}

export function endReasons(db: Db, filter: CallListFilter, period: OverviewPeriod): EndReasonCount[] {
  const set = callSet(db, filter, period);
  return stmt<Params, EndReasonCount>(db, endReasonsSql(set)).all(set.params);
}

export function agentsSql(set: CallSet): { calls: string; latencies: string; evals: string } {
  return {
    calls: `SELECT a AS agent_id, count(*) AS calls, count(v) AS reviewed, coalesce(sum(v = 'failure'), 0) AS failures,
        coalesce(sum(ic > 0), 0) AS interrupted, count(ic) AS known
      FROM (${set.select('calls.agent_id AS a, calls.verdict AS v, calls.interruption_count AS ic')}) GROUP BY a`,
    latencies: `SELECT s.a AS g, rl.ms AS value, count(*) AS n FROM (${set.select('calls.agent_id AS a, calls.id AS id')}) s
      JOIN reply_latencies rl ON rl.call_id = s.id GROUP BY s.a, rl.ms ORDER BY s.a, rl.ms`,
    evals: `SELECT a AS agent_id, coalesce(sum(pf = 1), 0) AS pass, coalesce(sum(pf = 0), 0) AS fail
      FROM (SELECT s.a AS a, ${PASS_OR_FAIL} AS pf ${newestResultsJoin(set.select('calls.agent_id AS a, calls.id AS id'))}) GROUP BY a`,
  };
}

/** Each agent's calls, latency p50 / p90, interruption and failure rates and evaluator pass rate, most calls first. */
export function agentFigures(db: Db, filter: CallListFilter, period: OverviewPeriod): AgentFigures[] {
  const set = callSet(db, filter, period);
  const sql = agentsSql(set);
  const latencies = countsByGroup(stmt<Params, { g: string | null; value: number; n: number }>(db, sql.latencies).all(set.params));
  const evals = new Map(stmt<Params, { agent_id: string | null; pass: number; fail: number }>(db, sql.evals).all(set.params).map((row) => [row.agent_id, row]));
  const rows = stmt<Params, { agent_id: string | null; calls: number; reviewed: number; failures: number; interrupted: number; known: number }>(db, sql.calls).all(set.params);
  return rows
    .map((row) => {
      const [p50, p90] = ranks(latencies.get(row.agent_id) ?? [], [0.5, 0.9]);
      const passFail = evals.get(row.agent_id);
      return {
        agent_id: row.agent_id,
        calls: row.calls,
        latency_p50_ms: p50 ?? null,
        latency_p90_ms: p90 ?? null,
        interruption_rate: ratio(row.interrupted, row.known),
        failure_rate: ratio(row.failures, row.reviewed),
        eval_pass_rate: passFail ? ratio(passFail.pass, passFail.pass + passFail.fail) : null,
      };
    })
    .sort((a, b) => b.calls - a.calls || String(a.agent_id).localeCompare(String(b.agent_id)));
}
