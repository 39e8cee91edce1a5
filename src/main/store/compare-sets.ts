import type { CallListFilter } from '../../core/api/types';
import type { CallFacts } from '../../core/compare/figures';
import type { EvaluatorCounts } from '../../core/compare/driving-calls';
import type { Db } from './db';
import { stmt } from './statements';
import { matchingSource } from './call-list';
import { NEWEST_RESULT, PASS_OR_FAIL } from './evaluation-results';

/**
 * Query module for Compare: what the fleet figures need of each call a filter matches (its verdict,
 * ttfw, interruptions, reply latencies, newest evaluator outcomes), three queries over the list's
 * filter SQL, each joining per call by primary key or index.
 */

type Params = Record<string, unknown>;

/** The three queries for a filter (exported so a test can EXPLAIN them). */
export function compareSetSql(db: Db, filter: CallListFilter): { calls: string; replies: string; evaluations: string; byEvaluator: string; params: Params } {
  const set = matchingSource(db, filter);
  const source = `FROM ${set.source} ${set.where}`;
  const params = set.params;
  const matched = `(SELECT calls.id AS id ${source}) AS m`;
  return {
    calls: `SELECT calls.id AS id, calls.verdict AS verdict, calls.ttfw_ms AS ttfw_ms, calls.interruption_count AS interruption_count ${source}`,
    replies: `SELECT rl.call_id AS call_id, rl.ms AS ms FROM ${matched} CROSS JOIN reply_latencies rl ON rl.call_id = m.id ORDER BY rl.call_id, rl.seq`,
    // pass / fail over the newest result of each live evaluator; errors and not-applicable left out (METRICS "Fleet figures")
    evaluations: `SELECT r.call_id AS call_id,
        coalesce(sum(${PASS_OR_FAIL} = 1), 0) AS pass, coalesce(sum(${PASS_OR_FAIL} = 0), 0) AS fail
      FROM ${matched} CROSS JOIN evaluation_results r ON r.call_id = m.id JOIN evaluators e ON e.id = r.evaluator_id
      WHERE e.deleted_at IS NULL AND ${NEWEST_RESULT} GROUP BY r.call_id`,
    // the same, per evaluator over the set: which evaluator's failures drive a change in the pass rate
    byEvaluator: `SELECT e.public_id AS evaluator_id,
        (SELECT json_extract(v.spec, '$.name') FROM evaluator_versions v WHERE v.evaluator_id = e.id ORDER BY v.version DESC LIMIT 1) AS name,
        coalesce(sum(${PASS_OR_FAIL} = 1), 0) AS pass, coalesce(sum(${PASS_OR_FAIL} = 0), 0) AS fail
      FROM ${matched} CROSS JOIN evaluation_results r ON r.call_id = m.id JOIN evaluators e ON e.id = r.evaluator_id
      WHERE e.deleted_at IS NULL AND ${NEWEST_RESULT} GROUP BY e.public_id ORDER BY e.public_id`,
    params,
  };
}

interface CallRow {
  id: number;
  verdict: 'success' | 'failure' | null;
  ttfw_ms: number | null;
  interruption_count: number | null;
}

/** Every call the filter matches, with what the fleet figures are computed from; and each evaluator's counts over them. */
export function readCallFacts(db: Db, filter: CallListFilter): CallFacts[] {
  return readSet(db, filter).calls;
}

export function readSet(db: Db, filter: CallListFilter): { calls: CallFacts[]; evaluators: EvaluatorCounts[] } {
  const sql = compareSetSql(db, filter);
  const rows = stmt<Params, CallRow>(db, sql.calls).all(sql.params);
  const byId = new Map<number, CallFacts & { reply_latencies: number[] }>();
  const facts = rows.map((row) => {
    const call = { ...row, eval_pass: 0, eval_fail: 0, reply_latencies: [] as number[] };
    byId.set(row.id, call);
    return call;
  });
  for (const reply of stmt<Params, { call_id: number; ms: number }>(db, sql.replies).iterate(sql.params)) byId.get(reply.call_id)?.reply_latencies.push(reply.ms);
  for (const outcome of stmt<Params, { call_id: number; pass: number; fail: number }>(db, sql.evaluations).all(sql.params)) {
    const call = byId.get(outcome.call_id);
    if (call) {
      call.eval_pass = outcome.pass;
      call.eval_fail = outcome.fail;
    }
  }
  // no evaluator results on the set's calls (most stores): the per-evaluator query would find none either
  const anyOutcome = facts.some((call) => call.eval_pass + call.eval_fail > 0);
  const evaluators = anyOutcome ? stmt<Params, EvaluatorCounts>(db, sql.byEvaluator).all(sql.params) : [];
  return { calls: facts, evaluators };
}
