import type { CallListQuery } from '../../core/api/types';
import type { QueueCalls, QueueCopy, QueueProgress } from '../../core/api/triage-contract';
import type { Db } from './db';
import { orderBy } from './call-list';
import { stmt } from './statements';

/**
 * Query module for review queues (migrations 11 and 13): a fixed list of calls worked through in
 * order; a call is reviewed once it has a verdict, so progress is read from the calls, never kept twice.
 */

type Sort = CallListQuery['sort'];

interface ProgressRow extends Omit<QueueProgress, 'sort'> {
  sort: string;
}

/** A call in the trash stays in its queue (Undo brings it back there) but is not counted or listed meanwhile, as the list leaves it out. */
const NOT_TRASHED = 'NOT EXISTS (SELECT 1 FROM call_trash t WHERE t.call_id = i.call_id)';

const PROGRESS = `SELECT q.id, q.name, q.source, q.sort, q.created_at,
    (SELECT COUNT(*) FROM review_queue_items i WHERE i.queue_id = q.id AND ${NOT_TRASHED}) AS total,
    (SELECT COUNT(*) FROM review_queue_items i JOIN calls c ON c.id = i.call_id WHERE i.queue_id = q.id AND c.verdict IS NOT NULL AND ${NOT_TRASHED}) AS reviewed
  FROM review_queues q`;

const fromRow = (row: ProgressRow): QueueProgress => {
  const sort: Sort = JSON.parse(row.sort);
  return { ...row, sort };
};

function insertItems(db: Db, id: number, callIds: readonly number[]): void {
  const insert = stmt(db, 'INSERT INTO review_queue_items (queue_id, position, call_id) VALUES (?, ?, ?)');
  callIds.forEach((callId, position) => insert.run(id, position, callId));
}

/** Stores a queue; `callIds` in the order it is worked in (the list's order under `sort`). */
export function createQueue(db: Db, name: string, source: string, sort: Sort, callIds: readonly number[], now: string): QueueProgress {
  return db.transaction(() => {
    const id = Number(stmt(db, 'INSERT INTO review_queues (name, source, sort, created_at) VALUES (?, ?, ?, ?)').run(name, source, JSON.stringify(sort), now).lastInsertRowid);
    insertItems(db, id, callIds);
    return mustProgress(db, id);
  })();
}

function mustProgress(db: Db, id: number): QueueProgress {
  const made = queueProgress(db, id);
  if (!made) throw new Error(`queue ${id} was not stored`);
  return made;
}

export function listQueues(db: Db): QueueProgress[] {
  return stmt<[], ProgressRow>(db, `${PROGRESS} ORDER BY q.id DESC`).all().map(fromRow);
}

export function queueProgress(db: Db, id: number): QueueProgress | null {
  const row = stmt<[number], ProgressRow>(db, `${PROGRESS} WHERE q.id = ?`).get(id);
  return row ? fromRow(row) : null;
}

/**
 * The queue's calls, each with whether it is reviewed: in the queue's own order, or under `sort` in
 * exactly the order the list shows them (the list's ORDER BY), so "next" here is the next row there.
 */
export function queueCalls(db: Db, id: number, sort?: Sort): QueueCalls {
  const order = sort ? orderBy(sort) : 'ORDER BY i.position';
  return stmt<[number], { call_id: number; reviewed: number }>(
    db,
    `SELECT i.call_id AS call_id, calls.verdict IS NOT NULL AS reviewed FROM review_queue_items i JOIN calls ON calls.id = i.call_id WHERE i.queue_id = ? AND ${NOT_TRASHED} ${order}`,
  )
    .all(id)
    .map((row) => ({ call_id: row.call_id, reviewed: row.reviewed === 1 }));
}

/** The first unreviewed call after `afterCallId` in queue order (or under `sort`), wrapping to the start; null when all are reviewed. */
export function nextUnreviewed(db: Db, id: number, afterCallId: number | null, sort?: Sort): number | null {
  const calls = queueCalls(db, id, sort);
  const from = afterCallId === null ? 0 : calls.findIndex((c) => c.call_id === afterCallId) + 1;
  const ordered = [...calls.slice(from), ...calls.slice(0, from)];
  return ordered.find((c) => !c.reviewed && c.call_id !== afterCallId)?.call_id ?? null;
}

/** Deletes a queue; answers it as it was (what an Undo restores), or null when there was none. */
export function deleteQueue(db: Db, id: number): QueueCopy | null {
  return db.transaction(() => {
    const queue = stmt<[number], Omit<QueueCopy, 'call_ids' | 'sort'> & { sort: string }>(db, 'SELECT id, name, source, sort, created_at FROM review_queues WHERE id = ?').get(id);
    if (!queue) return null;
    const callIds = stmt<[number], { call_id: number }>(db, 'SELECT call_id FROM review_queue_items WHERE queue_id = ? ORDER BY position')
      .all(id)
      .map((row) => row.call_id);
    stmt(db, 'DELETE FROM review_queues WHERE id = ?').run(id);
    const sort: Sort = JSON.parse(queue.sort);
    return { ...queue, sort, call_ids: callIds };
  })();
}

/** Puts a deleted queue back: under its old id when still free (a queue open elsewhere finds it again), its calls still in the store. */
export function restoreQueue(db: Db, queue: QueueCopy): QueueProgress {
  return db.transaction(() => {
    const taken = stmt<[number], { id: number }>(db, 'SELECT id FROM review_queues WHERE id = ?').get(queue.id) !== undefined;
    const id = Number(
      stmt(db, 'INSERT INTO review_queues (id, name, source, sort, created_at) VALUES (?, ?, ?, ?, ?)').run(taken ? null : queue.id, queue.name, queue.source, JSON.stringify(queue.sort), queue.created_at)
        .lastInsertRowid,
    );
    const existing = new Set(
      stmt<[string], { id: number }>(db, 'SELECT id FROM calls WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(queue.call_ids))
        .map((row) => row.id),
    );
    insertItems(db, id, [...new Set(queue.call_ids)].filter((callId) => existing.has(callId)));
    return mustProgress(db, id);
  })();
}
