import type { Database } from 'better-sqlite3';

/**
 * Version 4: evaluators (DESIGN §8). An evaluator's spec lives in versions: an edit adds a row and
 * results point at the version they used. Runs list their work items, so progress, cancel and
 * reuse are plain queries.
 */
export function migrateTo4(db: Database): void {
  db.exec(`
    CREATE TABLE evaluators (
      id INTEGER PRIMARY KEY,
      public_id TEXT NOT NULL UNIQUE,
      template TEXT,
      created_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;

    CREATE TABLE evaluator_versions (
      id INTEGER PRIMARY KEY,
      evaluator_id INTEGER NOT NULL REFERENCES evaluators (id) ON DELETE CASCADE,
      version INTEGER NOT NULL,
      spec TEXT NOT NULL,
      spec_key TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (evaluator_id, version)
    ) STRICT;

    CREATE TABLE evaluation_results (
      id INTEGER PRIMARY KEY,
      call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      evaluator_id INTEGER NOT NULL REFERENCES evaluators (id) ON DELETE CASCADE,
      evaluator_version_id INTEGER NOT NULL REFERENCES evaluator_versions (id) ON DELETE CASCADE,
      -- a digest of what the evaluator saw: an unchanged call gives the same key, so the result is reused
      input_key TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
      verdict TEXT,
      score REAL,
      passed INTEGER,
      reason TEXT NOT NULL DEFAULT '',
      evidence TEXT NOT NULL DEFAULT '[]',
      model TEXT,
      prompt_tokens INTEGER,
      completion_tokens INTEGER,
      cost_usd REAL,
      duration_ms INTEGER NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 1,
      error TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX evaluation_results_by_call ON evaluation_results (call_id, evaluator_id, id);
    CREATE INDEX evaluation_results_by_evaluator ON evaluation_results (evaluator_id, call_id, id);
    CREATE INDEX evaluation_results_reuse ON evaluation_results (evaluator_version_id, call_id, input_key, status);

    CREATE TABLE evaluation_runs (
      id INTEGER PRIMARY KEY,
      public_id TEXT NOT NULL UNIQUE,
      status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled')),
      force INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      finished_at TEXT
    ) STRICT;

    CREATE TABLE evaluation_run_items (
      run_id INTEGER NOT NULL REFERENCES evaluation_runs (id) ON DELETE CASCADE,
      call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      evaluator_version_id INTEGER NOT NULL REFERENCES evaluator_versions (id) ON DELETE CASCADE,
      state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed', 'reused', 'cancelled')),
      result_id INTEGER REFERENCES evaluation_results (id) ON DELETE SET NULL,
      PRIMARY KEY (run_id, call_id, evaluator_version_id)
    ) STRICT, WITHOUT ROWID;
  `);
}
