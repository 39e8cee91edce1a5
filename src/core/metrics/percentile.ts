import { maxOf, minOf } from '../model/extremes';

/** Nearest-rank percentile (DESIGN §5): `x[ceil(p * n)]` of the sorted values, 1-based. */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] ?? null;
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
