import type { TimingMetrics } from '../../core/metrics/compute';
import type { Distribution } from '../../core/metrics/percentile';
import type { Db } from './db';
import { fromJsonColumn } from './json-columns';
import { stmt } from './statements';
import { listTurns } from './turns';
import { saveReplyLatencies } from './reply-latencies';
import { saveOverlapCounts } from './overlap-labels';
import type { Turn } from '../../core/model/call';
import { interruptionCount, transcriptTimingMetrics } from '../../core/metrics/compute';

/** Query module for `call_metrics` and the headline figures on `calls`. */

export type MetricsSource = 'transcript' | 'audio' | 'provider';

export interface ProviderFigures {
  latency_ms: Distribution | null;
}

export interface StoredMetrics {
  transcript: TimingMetrics | null;
  audio: TimingMetrics | null;
  provider: ProviderFigures | null;
}

export function saveMetrics(db: Db, callId: number, source: MetricsSource, metrics: TimingMetrics | ProviderFigures, now: string): void {
  stmt(db, 'INSERT INTO call_metrics (call_id, source, metrics, computed_at) VALUES (?, ?, ?, ?) ON CONFLICT (call_id, source) DO UPDATE SET metrics = excluded.metrics, computed_at = excluded.computed_at').run(
    callId,
    source,
    JSON.stringify(metrics),
    now,
  );
}

export function deleteMetrics(db: Db, callId: number, source: MetricsSource): void {
  stmt(db, 'DELETE FROM call_metrics WHERE call_id = ? AND source = ?').run(callId, source);
}

/**
 * Every source's figures. The transcript's are a pure function of the turns, so they are computed
 * here rather than stored (ingestion stays lean; a definition change applies to old calls too).
 */
export function loadMetrics(db: Db, callId: number, knownTurns?: readonly Turn[]): StoredMetrics {
  const rows = stmt<[number], { source: MetricsSource; metrics: string }>(db, 'SELECT source, metrics FROM call_metrics WHERE call_id = ?').all(callId);
  const bySource = new Map(rows.map((row) => [row.source, row.metrics]));
  const turns = knownTurns ?? listTurns(db, callId);
  return {
    transcript: turns.length > 0 ? transcriptTimingMetrics(turns) : null,
    audio: fromJsonColumn<TimingMetrics>(bySource.get('audio')),
    provider: fromJsonColumn<ProviderFigures>(bySource.get('provider')),
  };
}

/** One source's stored figures (audio: the recording's analysis), or null. */
export function loadSource(db: Db, callId: number, source: MetricsSource): TimingMetrics | null {
  const row = stmt<[number, string], { metrics: string }>(db, 'SELECT metrics FROM call_metrics WHERE call_id = ? AND source = ?').get(callId, source);
  return fromJsonColumn<TimingMetrics>(row?.metrics);
}

/**
 * Copies the best source's headline figures onto the call row (audio over transcript). The
 * caller may hand over transcript figures it just computed, so ingestion never re-reads them.
 */
export function refreshHeadline(db: Db, callId: number, freshTranscript?: TimingMetrics): void {
  const audio = loadSource(db, callId, 'audio');
  const turns = audio || freshTranscript ? [] : listTurns(db, callId);
  const transcript = audio ? null : (freshTranscript ?? (turns.length > 0 ? transcriptTimingMetrics(turns) : null));
  setHeadline(db, callId, audio ?? transcript, audio ? 'audio' : transcript ? 'transcript' : null);
}

export function setHeadline(db: Db, callId: number, best: TimingMetrics | null, source: 'audio' | 'transcript' | null): void {
  stmt(
    db,
    'UPDATE calls SET latency_p50_ms = ?, latency_p90_ms = ?, ttfw_ms = ?, interruption_count = ?, longest_silence_ms = ?, metrics_source = ? WHERE id = ?',
  ).run(
    best?.latency_ms?.p50 ?? null,
    best?.latency_ms?.p90 ?? null,
    best?.ttfw_ms ?? null,
    interruptionCount(best),
    best ? best.silence.longest_ms : null,
    source,
    callId,
  );
  saveReplyLatencies(db, callId, best?.latencies ?? []);
  saveOverlapCounts(db, callId, best);
}
