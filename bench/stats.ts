import { nearestRank } from '../src/core/metrics/percentile';

export interface LatencySummary {
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

export function summarize(latenciesMs: number[], seconds: number): LatencySummary {
  return {
    count: latenciesMs.length,
    seconds,
    perSecond: latenciesMs.length / seconds,
    p50: nearestRank(latenciesMs, 0.5) ?? Number.NaN,
    p99: nearestRank(latenciesMs, 0.99) ?? Number.NaN,
  };
}
