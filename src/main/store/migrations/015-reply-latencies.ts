import type { Database } from 'better-sqlite3';
import { transcriptTimingMetrics, type TimingMetrics } from '../../../core/metrics/compute';
import { listTurns } from '../turns';
import { fromJsonColumn } from '../json-columns';

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
  const audio = db.prepare<[number], { metrics: string }>("SELECT metrics FROM call_metrics WHERE call_id = ? AND source = 'audio'");
  const batch = db.prepare<[number], { id: number; metrics_source: string | null }>(
    'SELECT id, metrics_source FROM calls WHERE id > ? AND latency_p50_ms IS NOT NULL ORDER BY id LIMIT 2000',
  );
  for (let after = 0; ; ) {
    const calls = batch.all(after);
    if (calls.length === 0) break;
    for (const call of calls) {
      const measured =
        call.metrics_source === 'audio' ? fromJsonColumn<TimingMetrics>(audio.get(call.id)?.metrics) : transcriptTimingMetrics(listTurns(db, call.id), { countWords: false });
      measured?.latencies.forEach((handoff, seq) => insert.run(call.id, seq, handoff.at_ms, handoff.ms));
    }
    after = calls[calls.length - 1]?.id ?? after;
  }
}
