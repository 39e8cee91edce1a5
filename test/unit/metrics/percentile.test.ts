import { describe, expect, it } from 'vitest';
import { distribution, nearestRank } from '../../../src/core/metrics/percentile';

// 10, 20, ..., 200 in a shuffled order: the k-th smallest is 10 * k
const twenty = [130, 20, 200, 70, 110, 10, 180, 40, 160, 90, 30, 150, 60, 190, 100, 120, 50, 170, 80, 140];

describe('nearestRank: x[ceil(p * n)] of the sorted values, 1-based', () => {
  it('n = 20, p = 0.95 is the 19th value', () => {
    expect(nearestRank(twenty, 0.95)).toBe(190);
  });

  it('n = 20: p50 the 10th, p90 the 18th, p99 the 20th', () => {
    expect([nearestRank(twenty, 0.5), nearestRank(twenty, 0.9), nearestRank(twenty, 0.99)]).toEqual([100, 180, 200]);
  });

  it('n = 2: p50 the 1st (ceil 1.0), p90 and p99 the 2nd', () => {
    expect([nearestRank([900, 300], 0.5), nearestRank([900, 300], 0.9), nearestRank([900, 300], 0.99)]).toEqual([300, 900, 900]);
  });

  it('n = 1: every percentile is the one value', () => {
    expect([0.5, 0.9, 0.95, 0.99].map((p) => nearestRank([42], p))).toEqual([42, 42, 42, 42]);
  });

  it('no values: null', () => {
    expect(nearestRank([], 0.5)).toBeNull();
  });

  it('does not reorder the caller array', () => {
    const values = [3, 1, 2];
    nearestRank(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('distribution', () => {
  it('n = 20', () => {
    expect(distribution(twenty)).toEqual({
      p50: 100, p90: 180, p95: 190, p99: 200, mean: 105, min: 10, max: 200, count: 20, values: twenty,
    });
  });

  it('n = 2 and n = 1', () => {
    expect(distribution([900, 300])).toEqual({ p50: 300, p90: 900, p95: 900, p99: 900, mean: 600, min: 300, max: 900, count: 2, values: [900, 300] });
    expect(distribution([42])).toEqual({ p50: 42, p90: 42, p95: 42, p99: 42, mean: 42, min: 42, max: 42, count: 1, values: [42] });
  });

  it('no values: every figure null, count 0', () => {
    expect(distribution([])).toEqual({ p50: null, p90: null, p95: null, p99: null, mean: null, min: null, max: null, count: 0, values: [] });
  });
});
