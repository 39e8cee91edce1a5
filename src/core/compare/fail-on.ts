import { FIGURES, isFigure, type Figure } from './figures';
import type { FigureDifference } from './bootstrap';

/**
 * CI thresholds (`--fail-on`): `latency_p90_ms:+10%` is crossed when B exceeds A by more than 10%,
 * `success_rate:-5%` when B falls more than 5% below A, `latency_p90_ms:+200` / `success_rate:-0.02`
 * the same in the figure's own unit. Judged on the point difference B − A.
 */

export interface Threshold {
  /** as given */
  text: string;
  figure: Figure;
  direction: 'up' | 'down';
  amount: number;
  relative: boolean;
}

export class ThresholdError extends Error {}

export function parseThreshold(text: string): Threshold {
  const match = /^([a-z0-9_]+):([+-])(\d+(?:\.\d+)?)(%?)$/.exec(text.trim());
  if (!match) throw new ThresholdError(`--fail-on "${text}": write figure:+N%, figure:-N%, figure:+N or figure:-N (e.g. latency_p90_ms:+10%)`);
  const [, figure = '', sign, amount = '0', percent] = match;
  if (!isFigure(figure)) throw new ThresholdError(`--fail-on "${text}": unknown figure "${figure}" (figures: ${FIGURES.join(', ')})`);
  return { text: text.trim(), figure, direction: sign === '+' ? 'up' : 'down', amount: Number(amount), relative: percent === '%' };
}

export interface ThresholdCheck {
  threshold: string;
  figure: Figure;
  /** B − A, in the threshold's terms (a percentage for a relative one); null when it cannot be measured */
  observed: number | null;
  crossed: boolean;
}

/** Whether B − A goes past the threshold; a difference that cannot be measured (a null figure, A = 0 for a %) crosses nothing. */
export function checkThreshold(threshold: Threshold, differences: readonly FigureDifference[]): ThresholdCheck {
  const d = differences.find((x) => x.figure === threshold.figure);
  const observed = !d ? null : threshold.relative ? (d.relative === null ? null : d.relative * 100) : d.diff;
  const crossed = observed !== null && (threshold.direction === 'up' ? observed > threshold.amount : observed < -threshold.amount);
  return { threshold: threshold.text, figure: threshold.figure, observed, crossed };
}
