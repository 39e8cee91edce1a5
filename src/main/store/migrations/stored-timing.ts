import type { Database } from 'better-sqlite3';
import { transcriptTimingMetrics, type TimingMetrics } from '../../../core/metrics/compute';
import { listTurns } from '../turns';
import { fromJsonColumn } from '../json-columns';

/**
 * For backfills: each stored call's headline source figures (audio when the recording was
 * analysed, else the transcript's), walked in batches of ids so a million calls never sit in memory.
 */
export function forEachStoredTiming(db: Database, where: string, visit: (callId: number, measured: TimingMetrics) => void): void {
  const audio = db.prepare<[number], { metrics: string }>("SELECT metrics FROM call_metrics WHERE call_id = ? AND source = 'audio'");
  const batch = db.prepare<[number], { id: number; metrics_source: string | null }>(`SELECT id, metrics_source FROM calls WHERE id > ? AND (${where}) ORDER BY id LIMIT 2000`);
  for (let after = 0; ; ) {
    const calls = batch.all(after);
    if (calls.length === 0) break;
    for (const call of calls) {
      const measured =
        call.metrics_source === 'audio' ? fromJsonColumn<TimingMetrics>(audio.get(call.id)?.metrics) : transcriptTimingMetrics(listTurns(db, call.id), { countWords: false });
      if (measured) visit(call.id, measured);
    }
    after = calls[calls.length - 1]?.id ?? after;
  }
}
