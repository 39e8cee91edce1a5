import type { Database } from 'better-sqlite3';

/**
 * Version 19: watch rules. `evaluators.watch` marks a rule evaluator that runs on every arriving
 * call; it is a switch on the evaluator, not part of its versioned spec (turning it on is not an
 * edit of what the rule judges). `call_flags` holds one flag per (call, watched rule) whose newest
 * result failed: raised by a failing result, cleared by a later pass or by the user, seen once the
 * Flagged view or the activity list is opened. A flag keeps its own copy of the rule's reason, so
 * the activity list reads one table and a call's results may be re-run without losing it.
 */
export function migrateTo19(db: Database): void {
  db.exec(`
    ALTER TABLE evaluators ADD COLUMN watch INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE call_flags (
      id INTEGER PRIMARY KEY,
      call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      evaluator_id INTEGER NOT NULL REFERENCES evaluators (id) ON DELETE CASCADE,
      result_id INTEGER REFERENCES evaluation_results (id) ON DELETE SET NULL,
      reason TEXT NOT NULL,
      created_at TEXT NOT NULL,
      seen_at TEXT,
      cleared_at TEXT,
      UNIQUE (call_id, evaluator_id)
    ) STRICT;
    -- the Flagged view's calls (the list filter \`flagged\`): only open flags are in it
    CREATE INDEX call_flags_open ON call_flags (call_id, evaluator_id) WHERE cleared_at IS NULL;
    -- the badge: open flags not yet seen
    CREATE INDEX call_flags_unseen ON call_flags (id) WHERE seen_at IS NULL AND cleared_at IS NULL;
    -- no index by evaluator: evaluators are only ever soft-deleted, and every insert pays for each
    -- index (watch rules write one flag per failing arriving call); a call's flags go with it by
    -- the UNIQUE index's call_id
  `);
}
