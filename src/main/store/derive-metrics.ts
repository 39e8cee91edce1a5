import type { CallFacts } from '../../core/model/call';
import { interruptionCount, type TimingMetrics } from '../../core/metrics/compute';
import type { InitialFigures } from './calls';
import { providerLatency } from '../../core/metrics/provider';
import type { Db } from './db';
import { deleteMetrics, refreshHeadline, saveMetrics } from './metrics';
import { saveReplyLatencies } from './reply-latencies';
import { overlapCountsJson } from './overlap-labels';

/**
 * The figures a payload alone gives, kept current at every ingest inside the ingest transaction:
 * the headline columns from the transcript's turn times (the full transcript figures are computed
 * on read), and the platform's own report (source `provider`).
 */
export function deriveMetrics(
  db: Db,
  callId: number,
  call: Pick<CallFacts, 'provider' | 'provider_metrics'>,
  transcript: TimingMetrics | undefined,
  now: string,
  isNew: boolean,
): void {
  const provider = providerLatency(call);
  if (provider) saveMetrics(db, callId, 'provider', { latency_ms: provider }, now);
  else if (!isNew) deleteMetrics(db, callId, 'provider');
  // A new call was inserted with its transcript figures (its reply latencies go beside them); a merge may change them.
  if (isNew && transcript) saveReplyLatencies(db, callId, transcript.latencies);
  if (!isNew && transcript) refreshHeadline(db, callId, transcript);
}

/** The headline columns a new call is inserted with (no recording analysed yet). */
export function initialFigures(turnCount: number, transcript: TimingMetrics): InitialFigures {
  return {
    turn_count: turnCount,
    latency_p50_ms: transcript.latency_ms?.p50 ?? null,
    latency_p90_ms: transcript.latency_ms?.p90 ?? null,
    ttfw_ms: transcript.ttfw_ms,
    interruption_count: interruptionCount(transcript),
    overlap_counts: overlapCountsJson(transcript),
    longest_silence_ms: transcript.silence.longest_ms,
    metrics_source: 'transcript',
  };
}
