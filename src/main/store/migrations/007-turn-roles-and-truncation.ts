import type { Database } from 'better-sqlite3';

/**
 * Version 7: calls and turns keep what they used to lose.
 * - `calls.provider_evaluations`: the platform's own evaluations of a call (Cekura metrics), JSON.
 * - A speaker the payload names with a role we do not know is a turn of role `other` with the
 *   payload's own name in `raw_role` (the call used to be refused for it).
 * - A turn over 64 KiB is stored cut; `original_bytes` is its size before the cut (null: whole).
 * SQLite cannot change a CHECK constraint in place, so the table is rebuilt with its rows.
 */
export function migrateTo7(db: Database): void {
  db.exec(`
    CREATE TABLE turns_v6 (
      call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      idx INTEGER NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('agent', 'user', 'tool', 'other')),
      text TEXT NOT NULL,
      start_ms INTEGER,
      end_ms INTEGER,
      words TEXT,
      tool TEXT,
      interrupted INTEGER,
      agent_name TEXT,
      raw_role TEXT CHECK ((role = 'other') = (raw_role IS NOT NULL)),
      original_bytes INTEGER CHECK (original_bytes IS NULL OR original_bytes > 0),
      PRIMARY KEY (call_id, idx)
    ) STRICT, WITHOUT ROWID;

    INSERT INTO turns_v6 (call_id, idx, role, text, start_ms, end_ms, words, tool, interrupted, agent_name)
      SELECT call_id, idx, role, text, start_ms, end_ms, words, tool, interrupted, agent_name FROM turns;
    DROP TABLE turns;
    ALTER TABLE turns_v6 RENAME TO turns;

    ALTER TABLE calls ADD COLUMN provider_evaluations TEXT;
  `);
}
