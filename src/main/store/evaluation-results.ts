import type { EvaluationResultView } from '../../core/api/evaluators-contract';
import type { Verdict } from '../../core/evaluators/verdict';
import type { RowEvaluation } from '../../core/api/types';
import { NOT_APPLICABLE, outcomeOf } from '../../core/evaluators/verdict';
import type { Db } from './db';
import { stmt } from './statements';

/** Query module for `evaluation_results`. */

/** A result as the API shows it: the contract's type, so store and API cannot drift. */
export type EvaluationResult = EvaluationResultView;
export type ResultUsage = Pick<EvaluationResultView, 'model' | 'prompt_tokens' | 'completion_tokens' | 'cost_usd' | 'duration_ms' | 'attempts'>;

interface ResultRow extends ResultUsage {
  id: number;
  call_id: number;
  evaluator_id: string;
  spec: string;
  evaluator_version: number;
  status: 'done' | 'failed';
  verdict: string | null;
  score: number | null;
  passed: number | null;
  reason: string;
  evidence: string;
  error: string | null;
  created_at: string;
}

const SELECT = `
  SELECT r.id, r.call_id, e.public_id AS evaluator_id, v.spec, v.version AS evaluator_version, r.status, r.verdict, r.score,
         r.passed, r.reason, r.evidence, r.model, r.prompt_tokens, r.completion_tokens, r.cost_usd, r.duration_ms,
         r.attempts, r.error, r.created_at
  FROM evaluation_results r
  JOIN evaluator_versions v ON v.id = r.evaluator_version_id
  JOIN evaluators e ON e.id = r.evaluator_id`;

function fromRow(row: ResultRow, names = new Map<string, unknown>()): EvaluationResult {
  if (!names.has(row.spec)) names.set(row.spec, (JSON.parse(row.spec) as { name?: unknown }).name);
  const name = names.get(row.spec);
  const evidence: unknown = JSON.parse(row.evidence);
  return {
    id: row.id,
    call_id: row.call_id,
    evaluator_id: row.evaluator_id,
    evaluator_name: typeof name === 'string' ? name : row.evaluator_id,
    evaluator_version: row.evaluator_version,
    status: row.status,
    verdict: row.verdict,
    score: row.score,
    passed: row.passed === null ? null : row.passed === 1,
    reason: row.reason,
    evidence: Array.isArray(evidence) ? evidence.filter((n): n is number => typeof n === 'number') : [],
    model: row.model,
    prompt_tokens: row.prompt_tokens,
    completion_tokens: row.completion_tokens,
    cost_usd: row.cost_usd,
    duration_ms: row.duration_ms,
    attempts: row.attempts,
    error: row.error,
    created_at: row.created_at,
  };
}

export interface NewResult {
  call_id: number;
  evaluator_row_id: number;
  evaluator_version_id: number;
  input_key: string;
  outcome: { status: 'done'; verdict: Verdict } | { status: 'failed'; error: string };
  usage: ResultUsage;
  now: string;
}

export function insertResult(db: Db, result: NewResult): number {
  const verdict = result.outcome.status === 'done' ? result.outcome.verdict : null;
  return Number(
    stmt(
      db,
      `INSERT INTO evaluation_results (call_id, evaluator_id, evaluator_version_id, input_key, status, verdict, score, passed, reason, evidence,
        model, prompt_tokens, completion_tokens, cost_usd, duration_ms, attempts, error, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      result.call_id,
      result.evaluator_row_id,
      result.evaluator_version_id,
      result.input_key,
      result.outcome.status,
      verdict?.verdict ?? null,
      verdict?.score ?? null,
      verdict?.passed === undefined || verdict.passed === null ? null : Number(verdict.passed),
      verdict?.reason ?? '',
      JSON.stringify(verdict?.evidence ?? []),
      result.usage.model,
      result.usage.prompt_tokens,
      result.usage.completion_tokens,
      result.usage.cost_usd,
      Math.round(result.usage.duration_ms),
      result.usage.attempts,
      result.outcome.status === 'failed' ? result.outcome.error : null,
      result.now,
    ).lastInsertRowid,
  );
}

/** A done result of an evaluator version on exact call content (the reuse lookup; exported for EXPLAIN). */
export const REUSE_SQL =
  "SELECT id FROM evaluation_results WHERE evaluator_version_id = ? AND call_id = ? AND input_key = ? AND status = 'done' ORDER BY id DESC LIMIT 1";

/** `r` is the newest result of its evaluator on its call (shared by every "latest" read, and the list filter). */
export const NEWEST_RESULT = '(r.id = (SELECT MAX(x.id) FROM evaluation_results x WHERE x.call_id = r.call_id AND x.evaluator_id = r.evaluator_id))';

/** A result `r` as pass rates count it (METRICS "Fleet figures"): 1 a pass, 0 a fail, NULL an error, a not-applicable or no verdict. */
export const PASS_OR_FAIL = `CASE WHEN r.status = 'done' AND coalesce(r.verdict, '') <> '${NOT_APPLICABLE}' THEN r.passed END`;

/** The newest result of each live evaluator on one call (exported for EXPLAIN). */
export const LATEST_FOR_CALL_SQL = `${SELECT} WHERE r.call_id = ? AND e.deleted_at IS NULL AND ${NEWEST_RESULT}
     ORDER BY e.id`;

/** The newest result of one evaluator on each call it has run on (exported for EXPLAIN). */
export const LATEST_FOR_EVALUATOR_SQL = `${SELECT} WHERE r.evaluator_id = ? AND ${NEWEST_RESULT}
     ORDER BY r.call_id`;

/** A finished result of this evaluator version on this exact call content, if one exists. */
export function findReusableResult(db: Db, versionId: number, callId: number, inputKey: string): number | null {
  const row = stmt<[number, number, string], { id: number }>(db, REUSE_SQL).get(versionId, callId, inputKey);
  return row?.id ?? null;
}

export function getResult(db: Db, id: number): EvaluationResult | null {
  const row = stmt<[number], ResultRow>(db, `${SELECT} WHERE r.id = ?`).get(id);
  return row ? fromRow(row) : null;
}

export function latestResultsForCall(db: Db, callId: number): EvaluationResult[] {
  return stmt<[number], ResultRow>(db, LATEST_FOR_CALL_SQL).all(callId).map((row) => fromRow(row));
}

export function latestResultsForEvaluator(db: Db, evaluatorRowId: number): EvaluationResult[] {
  return stmt<[number], ResultRow>(db, LATEST_FOR_EVALUATOR_SQL).all(evaluatorRowId).map((row) => fromRow(row));
}

/** The results a run produced or reused, in item order, with whether each was reused. */
export function resultsForRun(db: Db, runId: number): (EvaluationResult & { reused: boolean })[] {
  const rows = stmt<[number], ResultRow & { item_state: string }>(
    db,
    `${SELECT.replace('FROM evaluation_results r', ', i.state AS item_state FROM evaluation_run_items i JOIN evaluation_results r ON r.id = i.result_id')}
     WHERE i.run_id = ? ORDER BY i.call_id, i.evaluator_version_id`,
  ).all(runId);
  // a spec is parsed once per evaluator version, not once per row
  const names = new Map<string, unknown>();
  return rows.map((row) => ({ ...fromRow(row, names), reused: row.item_state === 'reused' }));
}

/** The newest outcome of each live evaluator on each of a page of calls (ids as a JSON array: one cached statement). */
export const OUTCOMES_FOR_CALLS_SQL = `SELECT r.call_id, e.public_id AS evaluator_id, r.status, r.passed, r.verdict, r.score
  FROM evaluation_results r JOIN evaluators e ON e.id = r.evaluator_id
  WHERE r.call_id IN (SELECT value FROM json_each(?)) AND e.deleted_at IS NULL AND ${NEWEST_RESULT}`;

export function outcomesForCalls(db: Db, callIds: readonly number[]): Map<number, Record<string, RowEvaluation>> {
  const byCall = new Map<number, Record<string, RowEvaluation>>();
  if (callIds.length === 0) return byCall;
  const rows = stmt<[string], { call_id: number; evaluator_id: string; status: 'done' | 'failed'; passed: number | null; verdict: string | null; score: number | null }>(
    db,
    OUTCOMES_FOR_CALLS_SQL,
  ).all(JSON.stringify(callIds));
  for (const row of rows) {
    const entry = byCall.get(row.call_id) ?? {};
    entry[row.evaluator_id] = { outcome: outcomeOf({ status: row.status, passed: row.passed === null ? null : row.passed === 1, verdict: row.verdict }), verdict: row.verdict, score: row.score };
    byCall.set(row.call_id, entry);
  }
  return byCall;
}
