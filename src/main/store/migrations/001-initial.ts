import type { Database } from 'better-sqlite3';

/** Version 1: calls, turns, verbatim payloads and a full-text index of turn text. */
export function migrateTo1(db: Database): void {
  db.exec(`
    CREATE TABLE calls (
      id INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      short_id TEXT NOT NULL UNIQUE,
      provider TEXT NOT NULL,
      source_format TEXT NOT NULL,
      external_id TEXT NOT NULL,
      platform TEXT NOT NULL,
      agent_id TEXT,
      direction TEXT,
      from_number TEXT,
      to_number TEXT,
      customer_number TEXT,
      started_at TEXT,
      ended_at TEXT,
      duration_s REAL,
      status TEXT,
      end_reason TEXT,
      recording_url TEXT,
      stereo_recording_url TEXT,
      recording_path TEXT,
      agent_channel INTEGER CHECK (agent_channel IN (0, 1)),
      metadata TEXT,
      dynamic_variables TEXT,
      cost_usd REAL,
      provider_metrics TEXT,
      extra TEXT,
      verdict TEXT CHECK (verdict IN ('success', 'failure')),
      reviewed_at TEXT,
      turn_count INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (provider, external_id)
    ) STRICT;

    -- One index per sortable list column, with id as the tie-breaker the list orders by.
    CREATE INDEX calls_by_started_at ON calls (started_at, id);
    CREATE INDEX calls_by_created_at ON calls (created_at, id);
    CREATE INDEX calls_by_duration ON calls (duration_s, id);
    CREATE INDEX calls_by_provider ON calls (provider, id);
    CREATE INDEX calls_by_turn_count ON calls (turn_count, id);
    -- callers look calls up by the provider's id without knowing the provider
    CREATE INDEX calls_by_external_id ON calls (external_id);

    -- Turns are only ever read by call, in order: keyed by (call_id, idx) in one b-tree.
    CREATE TABLE turns (
      call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      idx INTEGER NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('agent', 'user', 'tool')),
      text TEXT NOT NULL,
      start_ms INTEGER,
      end_ms INTEGER,
      words TEXT,
      tool TEXT,
      interrupted INTEGER,
      agent_name TEXT,
      PRIMARY KEY (call_id, idx)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE call_payloads (
      id INTEGER PRIMARY KEY,
      call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      received_at TEXT NOT NULL,
      source_format TEXT NOT NULL,
      route TEXT NOT NULL,
      content_type TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      body BLOB NOT NULL,
      UNIQUE (call_id, sha256)
    ) STRICT;

    -- One document per call (rowid = calls.id) holding all its turns' text: search answers
    -- "which calls say X", and one insert per call instead of one per turn keeps ingestion fast.
    -- Contentless: the text lives in turns; written in the ingest transaction (not by triggers)
    -- and deleted by rowid.
    CREATE VIRTUAL TABLE call_text_fts USING fts5 (
      text,
      content = '',
      contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    );
  `);
}
