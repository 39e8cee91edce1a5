import type { Database } from 'better-sqlite3';
import { forEachStoredTiming } from './stored-timing';

/**
 * Version 15: every reply latency of a call (the headline source's handoffs, METRICS §1), one row
 * each, so the Overview bins and ranks the replies of a million calls in SQL and Compare pools
 * them, without parsing each call's metrics. Kept beside the headline columns (metrics.ts
 * setHeadline): audio when the recording was analysed, else the transcript's.
 *
 * The backfill computes what the headline columns were computed from, in batches of calls: about
 * a minute for a million calls, once.
 */
export function migrateTo15(db: Database): void {
  db.exec(`
    CREATE TABLE reply_latencies (
      call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      at_ms REAL NOT NULL,
      ms REAL NOT NULL,
      PRIMARY KEY (call_id, seq)
    ) STRICT, WITHOUT ROWID;
  `);
  const insert = db.prepare('INSERT INTO reply_latencies (call_id, seq, at_ms, ms) VALUES (?, ?, ?, ?)');
  forEachStoredTiming(db, 'latency_p50_ms IS NOT NULL', (callId, measured) => measured.latencies.forEach((handoff, seq) => insert.run(callId, seq, handoff.at_ms, handoff.ms)));
}
