import type { CallPage, RowEvaluation } from '../../core/api/types';
import type { Db } from '../store/db';

interface LatestRow {
  call_id: number;
  evaluator_id: string;
  status: 'done' | 'failed';
  passed: number | null;
  verdict: string | null;
  score: number | null;
}

/** Adds each row's newest evaluator results (one query for the page), for the list's result columns. */
export function withEvaluations(db: Db, page: CallPage): CallPage {
  if (page.rows.length === 0) return page;
  const ids = page.rows.map((r) => r.id);
  const rows = db
    .prepare<number[], LatestRow>(
      `SELECT r.call_id, e.public_id AS evaluator_id, r.status, r.passed, r.verdict, r.score
       FROM evaluation_results r JOIN evaluators e ON e.id = r.evaluator_id
       WHERE e.deleted_at IS NULL AND r.call_id IN (${ids.map(() => '?').join(',')})
         AND r.id = (SELECT MAX(x.id) FROM evaluation_results x WHERE x.call_id = r.call_id AND x.evaluator_id = r.evaluator_id)`,
    )
    .all(...ids);
  const byCall = new Map<number, Record<string, RowEvaluation>>();
  for (const row of rows) {
    const outcome: RowEvaluation['outcome'] = row.status === 'failed' ? 'error' : row.passed === 1 ? 'pass' : row.passed === 0 ? 'fail' : 'unknown';
    const entry = byCall.get(row.call_id) ?? {};
    entry[row.evaluator_id] = { outcome, verdict: row.verdict, score: row.score };
    byCall.set(row.call_id, entry);
  }
  return { ...page, rows: page.rows.map((row) => ({ ...row, evaluations: byCall.get(row.id) ?? {} })) };
}
