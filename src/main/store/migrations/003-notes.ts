import type { Database } from 'better-sqlite3';

/** Version 3: review notes anchored to a time in the call. */
export function migrateTo3(db: Database): void {
  db.exec(`
    CREATE TABLE call_notes (
      id INTEGER PRIMARY KEY,
      call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      at_ms INTEGER,
      text TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX call_notes_by_call ON call_notes (call_id, at_ms);
  `);
}
