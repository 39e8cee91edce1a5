import type { Db } from './db';
import { stmt } from './statements';

/**
 * Query module for `call_trash` (migration 13): deleted calls waiting to be restored (Undo) or
 * deleted for good. A trashed call keeps every row it had; the list filter hides it (call-filter.ts).
 */

/** How long a call stays in the trash before start-up deletes it for good. */
export const TRASH_KEEP_DAYS = 30;

/** The condition that hides trashed calls from a query over `calls` (added only while the trash holds any). */
export const NOT_TRASHED = 'calls.id NOT IN (SELECT call_id FROM call_trash)';

/** Whether nothing is in the trash: then every list query is the one it was before the trash existed. */
export function trashIsEmpty(db: Db): boolean {
  return stmt<[], { one: number }>(db, 'SELECT 1 AS one FROM call_trash LIMIT 1').get() === undefined;
}

/** Puts calls in the trash; answers the ids that exist and were not in it already. */
export function trashCalls(db: Db, ids: readonly number[], now: string): number[] {
  const insert = stmt(db, 'INSERT OR IGNORE INTO call_trash (call_id, trashed_at) SELECT id, ? FROM calls WHERE id = ?');
  return db.transaction(() => ids.filter((id) => insert.run(now, id).changes > 0))();
}

/** Takes calls out of the trash; answers the ids that were in it. */
export function restoreCalls(db: Db, ids: readonly number[]): number[] {
  const remove = stmt(db, 'DELETE FROM call_trash WHERE call_id = ?');
  return db.transaction(() => ids.filter((id) => remove.run(id).changes > 0))();
}

export function isTrashed(db: Db, id: number): boolean {
  return stmt<[number], { one: number }>(db, 'SELECT 1 AS one FROM call_trash WHERE call_id = ?').get(id) !== undefined;
}

/** Every trashed call trashed before `cutoff` (an ISO time; none given: every trashed call), oldest first. */
export function trashedBefore(db: Db, cutoff: string | null = null): number[] {
  const rows =
    cutoff === null
      ? stmt<[], { call_id: number }>(db, 'SELECT call_id FROM call_trash ORDER BY trashed_at').all()
      : stmt<[string], { call_id: number }>(db, 'SELECT call_id FROM call_trash WHERE trashed_at < ? ORDER BY trashed_at').all(cutoff);
  return rows.map((row) => row.call_id);
}

export function trashCount(db: Db): number {
  return stmt<[], { n: number }>(db, 'SELECT count(*) AS n FROM call_trash').get()?.n ?? 0;
}
