import type { MetricColumn, MetricFilter } from '../../../core/api/types';

export const metricLabels: Record<MetricColumn, string> = {
  latency_p50_ms: 'p50 latency',
  latency_p90_ms: 'p90 latency',
  ttfw_ms: 'TTFW',
  interruption_count: 'interruptions',
  longest_silence_ms: 'longest silence',
  agent_snr_db: 'agent SNR',
  caller_snr_db: 'caller SNR',
  clipping_share: 'clipping share',
  dead_air_ms: 'dead air',
};

const unit = (column: MetricColumn) => (column === 'interruption_count' || column === 'clipping_share' ? '' : column.endsWith('_db') ? ' dB' : ' ms');

/** "p90 latency > 2000 ms" */
export function metricChipText(metric: MetricFilter): string {
  return `${metricLabels[metric.column]} ${metric.op} ${metric.value}${unit(metric.column)}`;
}
