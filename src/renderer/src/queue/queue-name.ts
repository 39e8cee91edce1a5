import type { CallListFilter, MetricColumn } from '../../../core/api/types';
import type { QueueSample } from '../../../core/api/triage-contract';
import { platformLabel } from '../../../core/present/platform-label';

/** A queue's default name, from the view it is taken from and how ("Unreviewed, agent sales: 20 at random"). */

/** The figures a queue can take the worst calls by, as the analyst says them. */
export const worstFigures: { column: Extract<QueueSample, { kind: 'worst' }>['column']; label: string }[] = [
  { column: 'latency_p90_ms', label: 'reply latency p90' },
  { column: 'latency_p50_ms', label: 'reply latency p50' },
  { column: 'ttfw_ms', label: 'time to first word' },
  { column: 'interruption_count', label: 'interruptions' },
  { column: 'longest_silence_ms', label: 'longest silence' },
  { column: 'duration_s', label: 'duration' },
];

const metricNames: Record<MetricColumn, string> = {
  latency_p50_ms: 'p50',
  latency_p90_ms: 'p90',
  ttfw_ms: 'TTFW',
  interruption_count: 'interruptions',
  longest_silence_ms: 'longest silence',
  agent_snr_db: 'agent SNR',
  caller_snr_db: 'caller SNR',
  clipping_share: 'clipping',
  dead_air_ms: 'dead air',
};

const day = (iso: string): string => iso.slice(0, 10);

/** The view's filter in a few words ("All calls" without one). */
export function filterInWords(filter: CallListFilter): string {
  const parts: string[] = [];
  if (filter.verdict) parts.push(filter.verdict === 'unreviewed' ? 'Unreviewed' : filter.verdict === 'success' ? 'Marked success' : 'Marked failure');
  if (filter.q) parts.push(`“${filter.q.trim()}”`);
  if (filter.agent_id) parts.push(`agent ${filter.agent_id}`);
  if (filter.platform) parts.push(platformLabel(filter.platform));
  if (filter.provider) parts.push(`from ${filter.provider}`);
  if (filter.end_reason) parts.push(`ended ${filter.end_reason}`);
  if (filter.status) parts.push(filter.status);
  for (const tag of filter.tags ?? []) parts.push(`#${tag}`);
  for (const metric of filter.metrics ?? []) parts.push(`${metricNames[metric.column]} ${metric.op} ${metric.value}`);
  if (filter.min_duration_s !== undefined) parts.push(`≥ ${filter.min_duration_s} s`);
  if (filter.max_duration_s !== undefined) parts.push(`≤ ${filter.max_duration_s} s`);
  if (filter.started_after && filter.started_before) parts.push(`${day(filter.started_after)} to ${day(filter.started_before)}`);
  else if (filter.started_after) parts.push(`since ${day(filter.started_after)}`);
  else if (filter.started_before) parts.push(`before ${day(filter.started_before)}`);
  if (filter.customer_number) parts.push(filter.customer_number);
  if ((filter.evaluations ?? []).length > 0) parts.push('by evaluator result');
  if (filter.queue_id !== undefined) parts.push('from a queue');
  if (parts.length === 0) return 'All calls';
  const [first = '', ...rest] = parts;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(', ');
}

/** How the calls are taken, in a few words ("20 at random", "the 10 worst by reply latency p90"). */
export function sampleInWords(sample: QueueSample, viewTotal: number | null): string {
  switch (sample.kind) {
    case 'view':
      return viewTotal !== null && sample.n >= viewTotal ? 'every call' : `the first ${sample.n}`;
    case 'random':
      return `${sample.n} at random`;
    case 'per_agent':
      return `${sample.n} per agent`;
    case 'worst':
      return `the ${sample.n} worst by ${worstFigures.find((f) => f.column === sample.column)?.label ?? sample.column}`;
  }
}

export function defaultQueueName(filter: CallListFilter, sample: QueueSample, viewTotal: number | null): string {
  return `${filterInWords(filter)}: ${sampleInWords(sample, viewTotal)}`.slice(0, 100);
}
