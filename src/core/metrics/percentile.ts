import { maxOf, minOf } from '../model/extremes';

/** The nearest rank (DESIGN §5), 1-based: `ceil(p * n)`, kept within 1..n. */
export function rankOf(p: number, n: number): number {
  return Math.min(n, Math.max(1, Math.ceil(p * n)));
}

/** Nearest-rank percentile of values already ascending (a typed array sorted once serves many). */
export function nearestRankOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  return sorted.length === 0 ? null : (sorted[rankOf(p, sorted.length) - 1] ?? null);
}

/** Nearest-rank percentile (DESIGN §5): `x[ceil(p * n)]` of the sorted values, 1-based. */
export function nearestRank(values: readonly number[], p: number): number | null {
  return nearestRankOfSorted([...values].sort((a, b) => a - b), p);
}

export interface Distribution {
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  mean: number | null;
  min: number | null;
  max: number | null;
  count: number;
  values: number[];
}

export function distribution(values: readonly number[]): Distribution {
  const count = values.length;
  return {
    p50: nearestRank(values, 0.5),
    p90: nearestRank(values, 0.9),
    p95: nearestRank(values, 0.95),
    p99: nearestRank(values, 0.99),
    mean: count === 0 ? null : values.reduce((a, b) => a + b, 0) / count,
    min: minOf(values),
    max: maxOf(values),
    count,
    values: [...values],
  };
}
