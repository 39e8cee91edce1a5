import type { FlagEntry, WatchStatus } from '../../core/api/watch-contract';
import type { Db } from './db';
import { stmt } from './statements';

/**
 * Query module for `call_flags` (migration 19): one flag per (call, watched rule) whose newest
 * result failed. Raised by a failing result, cleared by a later pass or by the user; seen once
 * the Flagged view or the activity list is opened.
 */

/** Open flags of live evaluators: a deleted evaluator's flags stay (its restore brings them back) but are not shown. */
const OPEN = 'f.cleared_at IS NULL AND f.evaluator_id IN (SELECT id FROM evaluators WHERE deleted_at IS NULL)';

/** The calls with an open flag, as list-filter candidates (column `cid`; exported for EXPLAIN). */
// INDEXED BY: on a store without statistics the planner would rather walk each live evaluator's
// flags, cleared ones and all; the open flags' own index holds only what the view lists
export const FLAGGED_CALLS_SQL = `SELECT DISTINCT f.call_id AS cid FROM call_flags f INDEXED BY call_flags_open WHERE ${OPEN}`;

export interface NewFlag {
  /** a call created by this very batch: it has no flag to look for. */
  new_call?: boolean;
  call_id: number;
  evaluator_row_id: number;
  result_id: number;
  reason: string;
  now: string;
}

/**
 * A failing result of a watched rule. Raises a flag, or raises again a cleared one (a new id, so it
 * is the newest in the activity list, unseen again); a flag still open only takes the newer
 * result and reason (the call is already flagged and was already announced). Answers the id of a
 * flag raised now, null when one was already open.
 */
export function raiseFlag(db: Db, flag: NewFlag): number | null {
  if (flag.new_call) return insertFlag(db, flag);
  const open = stmt<[number, number], { id: number }>(db, 'SELECT id FROM call_flags WHERE call_id = ? AND evaluator_id = ? AND cleared_at IS NULL').get(
    flag.call_id,
    flag.evaluator_row_id,
  );
  if (open) {
    stmt(db, 'UPDATE call_flags SET result_id = ?, reason = ? WHERE id = ?').run(flag.result_id, flag.reason, open.id);
    return null;
  }
  stmt(db, 'DELETE FROM call_flags WHERE call_id = ? AND evaluator_id = ?').run(flag.call_id, flag.evaluator_row_id);
  return insertFlag(db, flag);
}

function insertFlag(db: Db, flag: NewFlag): number {
  return Number(
    stmt(db, 'INSERT INTO call_flags (call_id, evaluator_id, result_id, reason, created_at) VALUES (?, ?, ?, ?, ?)').run(
      flag.call_id,
      flag.evaluator_row_id,
      flag.result_id,
      flag.reason,
      flag.now,
    ).lastInsertRowid,
  );
}

/** A passing result: the rule no longer fails on this call, so its open flag (if any) is cleared. */
export function clearFlagOnPass(db: Db, callId: number, evaluatorRowId: number, now: string): void {
  stmt(db, 'UPDATE call_flags SET cleared_at = ? WHERE call_id = ? AND evaluator_id = ? AND cleared_at IS NULL').run(now, callId, evaluatorRowId);
}

export function clearFlags(db: Db, ids: readonly number[], now: string): number {
  return stmt(db, 'UPDATE call_flags SET cleared_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND cleared_at IS NULL').run(now, JSON.stringify(ids)).changes;
}

/** Marks open flags seen, up to an id (the newest one the user was shown). */
export function markFlagsSeen(db: Db, upToId: number, now: string): number {
  return stmt(db, 'UPDATE call_flags SET seen_at = ? WHERE seen_at IS NULL AND cleared_at IS NULL AND id <= ?').run(now, upToId).changes;
}

/** The unseen count (exported for EXPLAIN: it reads the partial index, never the table). */
export const UNSEEN_SQL = `SELECT COUNT(*) AS n FROM call_flags f INDEXED BY call_flags_unseen
  WHERE f.seen_at IS NULL AND f.cleared_at IS NULL AND f.evaluator_id IN (SELECT id FROM evaluators WHERE deleted_at IS NULL)`;

/** The badge counts (the calls with an open flag are the list filter's count, asked apart). */
export function flagCounts(db: Db): Omit<WatchStatus, 'flagged_calls'> {
  const unseen = stmt<[], { n: number }>(db, UNSEEN_SQL).get()?.n ?? 0;
  const watched = stmt<[], { n: number }>(db, 'SELECT COUNT(*) AS n FROM evaluators WHERE watch = 1 AND deleted_at IS NULL').get()?.n ?? 0;
  const latest = stmt<[], { id: number | null }>(db, 'SELECT MAX(id) AS id FROM call_flags').get()?.id ?? 0;
  return { unseen, watched_rules: watched, latest_flag_id: latest };
}

interface EntryRow {
  id: number;
  call_id: number;
  call_external_id: string;
  call_short_id: string;
  evaluator_id: string;
  spec: string;
  reason: string;
  created_at: string;
  seen_at: string | null;
  cleared_at: string | null;
}

/** Flags newest first, with their call's names and their rule's newest name (exported for EXPLAIN). */
export const ACTIVITY_SQL = `SELECT f.id, f.call_id, c.external_id AS call_external_id, c.short_id AS call_short_id, e.public_id AS evaluator_id,
    (SELECT v.spec FROM evaluator_versions v WHERE v.evaluator_id = e.id ORDER BY v.version DESC LIMIT 1) AS spec,
    f.reason, f.created_at, f.seen_at, f.cleared_at
  FROM call_flags f JOIN calls c ON c.id = f.call_id JOIN evaluators e ON e.id = f.evaluator_id
  WHERE f.id < @before AND e.deleted_at IS NULL AND c.id NOT IN (SELECT call_id FROM call_trash)
  ORDER BY f.id DESC LIMIT @limit`;

function entryOf(row: EntryRow): FlagEntry {
  const name: unknown = (JSON.parse(row.spec) as { name?: unknown }).name;
  return {
    id: row.id,
    call_id: row.call_id,
    call_external_id: row.call_external_id,
    call_short_id: row.call_short_id,
    evaluator_id: row.evaluator_id,
    evaluator_name: typeof name === 'string' ? name : row.evaluator_id,
    reason: row.reason,
    created_at: row.created_at,
    seen: row.seen_at !== null,
    cleared: row.cleared_at !== null,
  };
}

export function listFlags(db: Db, beforeId: number | null, limit: number): FlagEntry[] {
  return stmt<[{ before: number; limit: number }], EntryRow>(db, ACTIVITY_SQL)
    .all({ before: beforeId ?? Number.MAX_SAFE_INTEGER, limit })
    .map(entryOf);
}

/** Some flags by id, in id order (the ones a batch of arriving calls just raised). */
export function flagsById(db: Db, ids: readonly number[]): FlagEntry[] {
  if (ids.length === 0) return [];
  return stmt<[string], EntryRow>(
    db,
    ACTIVITY_SQL.replace('WHERE f.id < @before', 'WHERE f.id IN (SELECT value FROM json_each(?))').replace('ORDER BY f.id DESC LIMIT @limit', 'ORDER BY f.id'),
  )
    .all(JSON.stringify(ids))
    .map(entryOf);
}
