import type { Db } from './db';
import { stmt } from './statements';

/**
 * Query module for review queues (migration 11): a fixed list of calls worked through in order;
 * a call is reviewed once it has a verdict, so progress is read from the calls, never kept twice.
 */

export interface QueueProgress {
  id: number;
  name: string;
  /** how the calls were chosen, in words ("20 at random from: unreviewed, agent_sales"). */
  source: string;
  created_at: string;
  total: number;
  reviewed: number;
}

const PROGRESS = `SELECT q.id, q.name, q.source, q.created_at,
    (SELECT COUNT(*) FROM review_queue_items i WHERE i.queue_id = q.id) AS total,
    (SELECT COUNT(*) FROM review_queue_items i JOIN calls c ON c.id = i.call_id WHERE i.queue_id = q.id AND c.verdict IS NOT NULL) AS reviewed
  FROM review_queues q`;

export function createQueue(db: Db, name: string, source: string, callIds: readonly number[], now: string): QueueProgress {
  return db.transaction(() => {
    const id = Number(stmt(db, 'INSERT INTO review_queues (name, source, created_at) VALUES (?, ?, ?)').run(name, source, now).lastInsertRowid);
    const insert = stmt(db, 'INSERT INTO review_queue_items (queue_id, position, call_id) VALUES (?, ?, ?)');
    callIds.forEach((callId, position) => insert.run(id, position, callId));
    const made = queueProgress(db, id);
    if (!made) throw new Error(`queue ${id} was not stored`);
    return made;
  })();
}

export function listQueues(db: Db): QueueProgress[] {
  return stmt<[], QueueProgress>(db, `${PROGRESS} ORDER BY q.id DESC`).all();
}

export function queueProgress(db: Db, id: number): QueueProgress | null {
  return stmt<[number], QueueProgress>(db, `${PROGRESS} WHERE q.id = ?`).get(id) ?? null;
}

/** The queue's calls in order, each with whether it is reviewed. */
export function queueCalls(db: Db, id: number): { call_id: number; reviewed: boolean }[] {
  return stmt<[number], { call_id: number; reviewed: number }>(
    db,
    'SELECT i.call_id AS call_id, c.verdict IS NOT NULL AS reviewed FROM review_queue_items i JOIN calls c ON c.id = i.call_id WHERE i.queue_id = ? ORDER BY i.position',
  )
    .all(id)
    .map((row) => ({ call_id: row.call_id, reviewed: row.reviewed === 1 }));
}

/** The first unreviewed call after `afterCallId` in queue order, wrapping to the start; null when all are reviewed. */
export function nextUnreviewed(db: Db, id: number, afterCallId: number | null): number | null {
  const calls = queueCalls(db, id);
  const from = afterCallId === null ? 0 : calls.findIndex((c) => c.call_id === afterCallId) + 1;
  const ordered = [...calls.slice(from), ...calls.slice(0, from)];
  return ordered.find((c) => !c.reviewed && c.call_id !== afterCallId)?.call_id ?? null;
}

export function deleteQueue(db: Db, id: number): boolean {
  return stmt(db, 'DELETE FROM review_queues WHERE id = ?').run(id).changes > 0;
}
