import type { EvaluatorSeries } from '../../core/api/overview-contract';
import type { PassFail } from '../../core/overview/aggregate';
import type { Db } from './db';
import { stmt } from './statements';
import { binSql, newestResultsJoin, type CallSet, type Params } from './overview-sql';
import { PASS_OR_FAIL } from './evaluation-results';

/** Query module for the Overview's evaluator figures: passes and fails of the newest result of each live evaluator on each call of a set. */

export function passFailSql(set: CallSet): string {
  return `SELECT coalesce(sum(pf = 1), 0) AS pass, coalesce(sum(pf = 0), 0) AS fail FROM (SELECT ${PASS_OR_FAIL} AS pf ${newestResultsJoin(set.select('calls.id AS id'))})`;
}

export function passFail(db: Db, set: CallSet): PassFail {
  return stmt<Params, PassFail>(db, passFailSql(set)).get(set.params) ?? { pass: 0, fail: 0 };
}

export function passFailByAgent(db: Db, set: CallSet): Map<string | null, PassFail> {
  const sql = `SELECT a, coalesce(sum(pf = 1), 0) AS pass, coalesce(sum(pf = 0), 0) AS fail
    FROM (SELECT s.a AS a, ${PASS_OR_FAIL} AS pf ${newestResultsJoin(set.select('calls.agent_id AS a, calls.id AS id'))}) GROUP BY a`;
  return new Map(stmt<Params, PassFail & { a: string | null }>(db, sql).all(set.params).map((row) => [row.a, { pass: row.pass, fail: row.fail }]));
}

/** Each evaluator's passes and fails per time bucket (`edges`: one more than the buckets). */
export function evaluatorSeries(db: Db, set: CallSet, bucket: 'hour' | 'day', edges: readonly string[]): EvaluatorSeries {
  const starts = edges.slice(0, -1);
  if (starts.length === 0) return { bucket, buckets: [], evaluators: [] };
  const sql = `SELECT b AS g, public_id AS evaluator, coalesce(sum(pf = 1), 0) AS pass, coalesce(sum(pf = 0), 0) AS fail FROM (
      SELECT s.b AS b, e.public_id AS public_id, ${PASS_OR_FAIL} AS pf ${newestResultsJoin(set.select(`${binSql('calls.started_at', starts)} AS b, calls.id AS id`))}
    ) GROUP BY b, public_id ORDER BY public_id`;
  const byEvaluator = new Map<string, { id: string; pass: number[]; fail: number[] }>();
  for (const row of stmt<Params, { g: number; evaluator: string; pass: number; fail: number }>(db, sql).all(set.params)) {
    let series = byEvaluator.get(row.evaluator);
    if (!series) {
      series = { id: row.evaluator, pass: starts.map(() => 0), fail: starts.map(() => 0) };
      byEvaluator.set(row.evaluator, series);
    }
    series.pass[row.g] = row.pass;
    series.fail[row.g] = row.fail;
  }
  return { bucket, buckets: starts.map((start, i) => ({ start, end: edges[i + 1] ?? start })), evaluators: [...byEvaluator.values()] };
}
