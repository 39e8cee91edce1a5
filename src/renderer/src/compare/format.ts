import type { Figure } from '../../../core/compare/figures';

/** How the Compare page names and writes each fleet figure. */

export const FIGURE_LABELS: Readonly<Record<Figure, string>> = {
  calls: 'Calls',
  reviewed_share: 'Reviewed',
  success_rate: 'Success rate',
  failure_rate: 'Failure rate',
  eval_pass_rate: 'Evaluator pass rate',
  latency_p50_ms: 'Reply latency p50',
  latency_p90_ms: 'Reply latency p90',
  latency_p95_ms: 'Reply latency p95',
  ttfw_p50_ms: 'Time to first word p50',
  interruptions_per_call: 'Interruptions per call',
};

/** Which way is better for B: colour says so only when the interval excludes 0. */
export const BETTER: Readonly<Record<Figure, 'higher' | 'lower' | null>> = {
  calls: null,
  reviewed_share: 'higher',
  success_rate: 'higher',
  failure_rate: 'lower',
  eval_pass_rate: 'higher',
  latency_p50_ms: 'lower',
  latency_p90_ms: 'lower',
  latency_p95_ms: 'lower',
  ttfw_p50_ms: 'lower',
  interruptions_per_call: 'lower',
};

const isShare = (figure: Figure) => figure.endsWith('_rate') || figure === 'reviewed_share';
const number = (v: number, digits = 0) => v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A figure's value: "1,234 ms", "45.0%", "0.82". */
export function formatValue(figure: Figure, v: number | null): string {
  if (v === null) return '–';
  if (figure.endsWith('_ms')) return `${number(v)} ms`;
  if (isShare(figure)) return `${number(v * 100, 1)}%`;
  if (figure === 'calls') return number(v);
  return number(v, 2);
}

/** A difference: "+300 ms", "−4.2 pts" (a share's difference is in percentage points). */
export function formatDiff(figure: Figure, v: number | null): string {
  if (v === null) return '–';
  const sign = v > 0 ? '+' : v < 0 ? '−' : '±';
  const a = Math.abs(v);
  if (figure.endsWith('_ms')) return `${sign}${number(a)} ms`;
  if (isShare(figure)) return `${sign}${number(a * 100, 1)} pts`;
  if (figure === 'calls') return `${sign}${number(a)}`;
  return `${sign}${number(a, 2)}`;
}

export function formatRelative(v: number | null): string {
  if (v === null) return '';
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${number(Math.abs(v) * 100, 1)}%`;
}
