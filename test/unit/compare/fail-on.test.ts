import { describe, expect, it } from 'vitest';
import { checkThreshold, parseThreshold, ThresholdError } from '../../../src/core/compare/fail-on';
import type { FigureDifference } from '../../../src/core/compare/bootstrap';

const p90 = (a: number | null, b: number | null): FigureDifference[] => [
  { figure: 'latency_p90_ms', a, b, diff: a === null || b === null ? null : b - a, relative: a === null || b === null || a === 0 ? null : (b - a) / a, interval: null, relative_interval: null, excludes_zero: false },
];

describe('--fail-on thresholds', () => {
  it('reads relative and absolute, up and down', () => {
    expect(parseThreshold('latency_p90_ms:+10%')).toEqual({ text: 'latency_p90_ms:+10%', figure: 'latency_p90_ms', direction: 'up', amount: 10, relative: true });
    expect(parseThreshold('success_rate:-0.05')).toMatchObject({ figure: 'success_rate', direction: 'down', amount: 0.05, relative: false });
  });

  it.each([
    ['latency_p99_ms:+10%', /unknown figure "latency_p99_ms" \(figures: calls, reviewed_share/],
    ['latency_p90_ms:10%', /write figure:\+N%/],
    ['latency_p90_ms', /write figure:\+N%/],
    ['latency_p90_ms:+ten%', /write figure:\+N%/],
  ])('%s is refused', (text, message) => {
    expect(() => parseThreshold(text)).toThrow(ThresholdError);
    expect(() => parseThreshold(text)).toThrow(message);
  });

  it('crosses only past the threshold, in its direction', () => {
    const up10 = parseThreshold('latency_p90_ms:+10%');
    expect(checkThreshold(up10, p90(1000, 1101))).toMatchObject({ crossed: true });
    expect(checkThreshold(up10, p90(1000, 1100)).crossed).toBe(false);
    expect(checkThreshold(up10, p90(1000, 500)).crossed).toBe(false);
    const down200 = parseThreshold('latency_p90_ms:-200');
    expect(checkThreshold(down200, p90(1000, 799))).toEqual({ threshold: 'latency_p90_ms:-200', figure: 'latency_p90_ms', observed: -201, crossed: true });
    expect(checkThreshold(down200, p90(1000, 800)).crossed).toBe(false);
  });

  it('a figure that cannot be measured crosses nothing', () => {
    expect(checkThreshold(parseThreshold('latency_p90_ms:+1'), p90(null, 1000))).toMatchObject({ observed: null, crossed: false });
    expect(checkThreshold(parseThreshold('latency_p90_ms:+1%'), p90(0, 1000))).toMatchObject({ observed: null, crossed: false });
  });
});
