import type { Database } from 'better-sqlite3';

/**
 * Version 13: the trash. A deleted call is first only listed here (so Undo puts it back with
 * everything it had); it leaves the store for good when the trash is emptied or after 30 days.
 * A table of its own rather than a column on `calls`: the list's indexes stay as they are, and an
 * empty trash leaves every list query exactly as it was (call-filter.ts adds the exclusion only
 * while something is in here). `call_id` is the rowid, so "is this call trashed" is one b-tree step.
 */
export function migrateTo13(db: Database): void {
  db.exec(`
    CREATE TABLE call_trash (
      call_id INTEGER PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
      trashed_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX call_trash_by_time ON call_trash (trashed_at);
  `);
}
