import type { CallFacts, Turn } from '../../core/model/call';
import { transcriptTimingMetrics } from '../../core/metrics/compute';
import { providerLatency } from '../../core/metrics/provider';
import type { Db } from './db';
import { deleteMetrics, refreshHeadline, saveMetrics } from './metrics';

/**
 * The figures a payload alone gives (source `transcript` from its turn times, `provider` as the
 * platform reported them), kept current at every ingest inside the ingest transaction.
 */
export function deriveMetrics(db: Db, callId: number, call: Pick<CallFacts, 'provider' | 'provider_metrics'>, turns: readonly Turn[] | null, now: string): void {
  if (turns) saveMetrics(db, callId, 'transcript', transcriptTimingMetrics(turns), now);
  const provider = providerLatency(call);
  if (provider) saveMetrics(db, callId, 'provider', { latency_ms: provider }, now);
  else deleteMetrics(db, callId, 'provider');
  refreshHeadline(db, callId);
}
