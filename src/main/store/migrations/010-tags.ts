import type { Database } from 'better-sqlite3';

/**
 * Version 10: tags on calls (free text such as failure categories, "needs-escalation"). A tag is a
 * name (one spelling whatever the case); `call_tags` is read from both sides: the calls with a tag
 * (the filter) and the tags of a page of calls (the column).
 */
export function migrateTo10(db: Database): void {
  db.exec(`
    CREATE TABLE tags (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE call_tags (
      tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      PRIMARY KEY (tag_id, call_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX call_tags_by_call ON call_tags (call_id, tag_id);
  `);
}
