import type { Database } from 'better-sqlite3';

/**
 * Version 14: a review queue keeps the order it is worked in (the list's sort while the queue is
 * open), so a queue resumed tomorrow lists its calls, and goes on to the next unreviewed one, in the
 * order it was started with. Queues made before keep the list's default order.
 */
export function migrateTo14(db: Database): void {
  db.exec(`ALTER TABLE review_queues ADD COLUMN sort TEXT NOT NULL DEFAULT '{"column":"started_at","direction":"desc"}';`);
}
