import type { FleetFigures } from '../../../core/api/overview-contract';

/** How the Overview writes its figures, and which way of each is better. */

export type FigureName = keyof FleetFigures;

export const FIGURES: readonly { name: FigureName; label: string; kind: 'count' | 'rate' | 'ms' | 'mean'; better: 'up' | 'down' | null }[] = [
  { name: 'calls', label: 'Calls', kind: 'count', better: null },
  { name: 'reviewed_share', label: 'Reviewed', kind: 'rate', better: 'up' },
  { name: 'success_rate', label: 'Success (manual)', kind: 'rate', better: 'up' },
  { name: 'failure_rate', label: 'Failure (manual)', kind: 'rate', better: 'down' },
  { name: 'eval_pass_rate', label: 'Evaluator pass rate', kind: 'rate', better: 'up' },
  { name: 'latency_p50_ms', label: 'Reply latency p50', kind: 'ms', better: 'down' },
  { name: 'latency_p90_ms', label: 'Reply latency p90', kind: 'ms', better: 'down' },
  { name: 'ttfw_p50_ms', label: 'Time to first word', kind: 'ms', better: 'down' },
  { name: 'interruptions_per_call', label: 'Interruptions per call', kind: 'mean', better: 'down' },
];

export function formatFigure(value: number | null, kind: 'count' | 'rate' | 'ms' | 'mean'): string {
  if (value === null) return '—';
  switch (kind) {
    case 'count':
      return value.toLocaleString('en-US');
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'ms':
      return `${Math.round(value).toLocaleString('en-US')} ms`;
    case 'mean':
      return value.toFixed(2);
  }
}

/** The change against the previous period: percentage points for rates, per cent otherwise; null when either side is unknown. */
export function formatChange(now: number | null, before: number | null, kind: 'count' | 'rate' | 'ms' | 'mean'): { text: string; sign: -1 | 0 | 1 } | null {
  if (now === null || before === null) return null;
  const sign = now > before ? 1 : now < before ? -1 : 0;
  if (kind === 'rate') return { text: `${sign > 0 ? '+' : ''}${((now - before) * 100).toFixed(1)} pp`, sign };
  if (before === 0) return sign === 0 ? { text: '0%', sign } : { text: 'new', sign };
  const percent = ((now - before) / before) * 100;
  return { text: `${percent > 0 ? '+' : ''}${percent.toFixed(percent !== 0 && Math.abs(percent) < 10 ? 1 : 0)}%`, sign };
}

export function msRange(min: number, max: number | null): string {
  return max === null ? `${min.toLocaleString('en-US')} ms or more` : `${min.toLocaleString('en-US')}–${max.toLocaleString('en-US')} ms`;
}

export function bucketLabel(start: string, bucket: 'hour' | 'day'): string {
  const date = new Date(start);
  return bucket === 'hour'
    ? date.toLocaleString('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
}
