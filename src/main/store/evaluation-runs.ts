import { randomUUID } from 'node:crypto';
import type { Db } from './db';
import { stmt } from './statements';

/** Query module for `evaluation_runs` and their work items. */

export type ItemState = 'pending' | 'running' | 'done' | 'failed' | 'reused' | 'cancelled';
export type RunStatus = 'running' | 'completed' | 'cancelled';

export interface RunItem {
  call_id: number;
  evaluator_version_id: number;
  state: ItemState;
  result_id: number | null;
}

export interface RunRow {
  id: number;
  public_id: string;
  status: RunStatus;
  force: boolean;
  created_at: string;
  finished_at: string | null;
}

export type RunCounts = Record<ItemState, number> & { total: number };

export function createRun(db: Db, items: readonly { call_id: number; evaluator_version_id: number }[], force: boolean, now: string): RunRow {
  const publicId = randomUUID();
  const id = db.transaction(() => {
    const runId = Number(stmt(db, "INSERT INTO evaluation_runs (public_id, status, force, created_at) VALUES (?, 'running', ?, ?)").run(publicId, Number(force), now).lastInsertRowid);
    const insert = stmt(db, "INSERT OR IGNORE INTO evaluation_run_items (run_id, call_id, evaluator_version_id, state) VALUES (?, ?, ?, 'pending')");
    for (const item of items) insert.run(runId, item.call_id, item.evaluator_version_id);
    return runId;
  })();
  return { id, public_id: publicId, status: 'running', force, created_at: now, finished_at: null };
}

export function getRun(db: Db, publicId: string): RunRow | null {
  const row = stmt<[string], Omit<RunRow, 'force'> & { force: number }>(db, 'SELECT id, public_id, status, force, created_at, finished_at FROM evaluation_runs WHERE public_id = ?').get(publicId);
  return row ? { ...row, force: row.force === 1 } : null;
}

export function runItems(db: Db, runId: number): RunItem[] {
  return stmt<[number], RunItem>(db, 'SELECT call_id, evaluator_version_id, state, result_id FROM evaluation_run_items WHERE run_id = ? ORDER BY call_id, evaluator_version_id').all(runId);
}

export function setItemState(db: Db, runId: number, item: { call_id: number; evaluator_version_id: number }, state: ItemState, resultId: number | null = null): void {
  stmt(db, 'UPDATE evaluation_run_items SET state = ?, result_id = COALESCE(?, result_id) WHERE run_id = ? AND call_id = ? AND evaluator_version_id = ?').run(
    state,
    resultId,
    runId,
    item.call_id,
    item.evaluator_version_id,
  );
}

export function runCounts(db: Db, runId: number): RunCounts {
  const counts: RunCounts = { pending: 0, running: 0, done: 0, failed: 0, reused: 0, cancelled: 0, total: 0 };
  for (const row of stmt<[number], { state: ItemState; n: number }>(db, 'SELECT state, COUNT(*) AS n FROM evaluation_run_items WHERE run_id = ? GROUP BY state').all(runId)) {
    counts[row.state] = row.n;
    counts.total += row.n;
  }
  return counts;
}

/** Ends a run; items not yet started become cancelled when it was cancelled. */
export function finishRun(db: Db, runId: number, status: Exclude<RunStatus, 'running'>, now: string): void {
  db.transaction(() => {
    if (status === 'cancelled') stmt(db, "UPDATE evaluation_run_items SET state = 'cancelled' WHERE run_id = ? AND state IN ('pending', 'running')").run(runId);
    stmt(db, 'UPDATE evaluation_runs SET status = ?, finished_at = ? WHERE id = ?').run(status, now, runId);
  })();
}

/** A run left 'running' by a crash or quit: its unfinished items are cancelled at startup. */
export function cancelInterruptedRuns(db: Db, now: string): number {
  const ids = stmt<[], { id: number }>(db, "SELECT id FROM evaluation_runs WHERE status = 'running'").all();
  for (const { id } of ids) finishRun(db, id, 'cancelled', now);
  return ids.length;
}
