import type { Database } from 'better-sqlite3';

/**
 * Version 11: saved views (a named filter and sort, listed with their counts) and review queues (a
 * fixed list of calls taken from a view or a sample of it, worked through in order, kept between
 * sessions; a call counts as reviewed once it has a verdict).
 */
export function migrateTo11(db: Database): void {
  db.exec(`
    CREATE TABLE saved_views (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      filter TEXT NOT NULL,
      sort TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE review_queues (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      source TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE review_queue_items (
      queue_id INTEGER NOT NULL REFERENCES review_queues (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      PRIMARY KEY (queue_id, position)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX review_queue_items_by_call ON review_queue_items (call_id);
  `);
}
