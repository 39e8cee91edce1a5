import type { Database } from 'better-sqlite3';

/**
 * Version 2: timing metrics per source (transcript, audio, provider), the recording analysis, and
 * the headline figures on `calls` so the list can sort and filter by them in SQL.
 */
export function migrateTo2(db: Database): void {
  db.exec(`
    CREATE TABLE call_metrics (
      call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      source TEXT NOT NULL CHECK (source IN ('transcript', 'audio', 'provider')),
      metrics TEXT NOT NULL,
      computed_at TEXT NOT NULL,
      PRIMARY KEY (call_id, source)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE call_audio (
      call_id INTEGER PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
      status TEXT NOT NULL CHECK (status IN ('queued', 'fetching', 'analysing', 'done', 'failed')),
      error TEXT,
      file_path TEXT,
      sample_rate INTEGER,
      duration_ms INTEGER,
      channel_count INTEGER,
      agent_channel INTEGER,
      agent_channel_reason TEXT,
      segments TEXT,
      peaks_path TEXT,
      peaks_per_second INTEGER,
      analysis_ms INTEGER,
      updated_at TEXT NOT NULL
    ) STRICT;

    -- Headline figures: audio when the recording was analysed, else the transcript's.
    ALTER TABLE calls ADD COLUMN latency_p50_ms REAL;
    ALTER TABLE calls ADD COLUMN latency_p90_ms REAL;
    ALTER TABLE calls ADD COLUMN ttfw_ms REAL;
    ALTER TABLE calls ADD COLUMN interruption_count INTEGER;
    ALTER TABLE calls ADD COLUMN longest_silence_ms REAL;
    ALTER TABLE calls ADD COLUMN metrics_source TEXT;

    CREATE INDEX calls_by_latency_p50 ON calls (latency_p50_ms, id);
    CREATE INDEX calls_by_latency_p90 ON calls (latency_p90_ms, id);
    CREATE INDEX calls_by_ttfw ON calls (ttfw_ms, id);
    CREATE INDEX calls_by_interruptions ON calls (interruption_count, id);
    CREATE INDEX calls_by_longest_silence ON calls (longest_silence_ms, id);
  `);
}
