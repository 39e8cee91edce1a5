import type { MetricColumn, MetricFilter } from '../../../core/api/types';

export const metricLabels: Record<MetricColumn, string> = {
  latency_p50_ms: 'p50 latency',
  latency_p90_ms: 'p90 latency',
  ttfw_ms: 'TTFW',
  interruption_count: 'interruptions',
  longest_silence_ms: 'longest silence',
};

const unit = (column: MetricColumn) => (column === 'interruption_count' ? '' : ' ms');

/** "p90 latency > 2000 ms" */
export function metricChipText(metric: MetricFilter): string {
  return `${metricLabels[metric.column]} ${metric.op} ${metric.value}${unit(metric.column)}`;
}
