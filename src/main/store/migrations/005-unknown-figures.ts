import type { Database } from 'better-sqlite3';

/**
 * Version 5: a figure that could not be measured is null, not zero. Calls whose transcript has no
 * spoken turn with both times were stored with 0 interruptions and a 0 ms longest silence; they
 * become unknown (sorted last, never matched by "interruptions < 1").
 */
export function migrateTo5(db: Database): void {
  db.exec(`
    UPDATE calls SET interruption_count = NULL, longest_silence_ms = NULL
    WHERE metrics_source = 'transcript'
      AND NOT EXISTS (
        SELECT 1 FROM turns t
        WHERE t.call_id = calls.id AND t.role != 'tool' AND t.start_ms IS NOT NULL AND t.end_ms IS NOT NULL AND t.end_ms >= t.start_ms
      );
  `);
}
