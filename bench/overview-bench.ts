import { openApp } from '../src/main/app';
import type { ApiHandlers } from '../src/core/api/contract';
import type { CallListFilter } from '../src/core/api/types';
import type { OverviewPeriod } from '../src/core/api/overview-contract';
import { nearestRank } from '../src/core/metrics/percentile';

/**
 * Issue 15: the Overview's refresh after a filter change on the scale store: every read of the
 * page (tiles with the previous period, histogram, series, evaluator series, end reasons, agents),
 * one after another as the main process answers them. The scale store's calls end on 2026-11-30,
 * so the periods end there.
 */
export interface OverviewFigure {
  name: string;
  calls: number;
  first: number;
  p50: number;
  p95: number;
  /** each read's share of a warm refresh (ms, p50), to see which one to work on. */
  parts: Record<string, number>;
}

const END = Date.UTC(2026, 10, 30);
const days = (n: number): OverviewPeriod => ({ start: new Date(END - n * 86_400_000).toISOString(), end: new Date(END).toISOString() });

function cases(): { name: string; filter: CallListFilter; period: OverviewPeriod }[] {
  return [
    { name: 'last 30 days, no filter', filter: {}, period: days(30) },
    { name: 'last 30 days + agent', filter: { agent_id: 'agent-7' }, period: days(30) },
    { name: 'last 90 days', filter: {}, period: days(90) },
    { name: 'all time', filter: {}, period: { start: null, end: null } },
  ];
}

function reads(handlers: ApiHandlers, filter: CallListFilter, period: OverviewPeriod): Record<string, () => unknown> {
  const input = { filter, period };
  return {
    tiles: () => handlers.getOverviewTiles(input),
    histogram: () => handlers.getOverviewHistogram({ ...input, scale: 'linear' }),
    series: () => handlers.getOverviewSeries(input),
    evaluators: () => handlers.getOverviewEvaluatorSeries(input),
    end_reasons: () => handlers.getOverviewEndReasons(input),
    agents: () => handlers.getOverviewAgents(input),
  };
}

export async function benchOverview(dataDir: string, runs = 5): Promise<OverviewFigure[]> {
  const app = openApp({ dataDir });
  try {
    const figures: OverviewFigure[] = [];
    for (const { name, filter, period } of cases()) {
      const parts = reads(app.handlers, filter, period);
      // a filter change: nothing of this filter is kept from the run before (the same as a new call arriving)
      const refresh = (): Record<string, number> => {
        app.events.emit('calls.changed', { ids: [], change: 'reviewed' });
        return timed();
      };
      const timed = (): Record<string, number> => Object.fromEntries(Object.entries(parts).map(([part, read]) => {
        const started = performance.now();
        read();
        return [part, performance.now() - started];
      }));
      const total = (times: Record<string, number>) => Object.values(times).reduce((a, b) => a + b, 0);
      const first = total(refresh());
      const warm = Array.from({ length: runs }, refresh);
      const totals = warm.map(total);
      const tiles = (await app.handlers.getOverviewTiles({ filter, period })) as { current: { calls: number } };
      figures.push({
        name,
        calls: tiles.current.calls,
        first,
        p50: nearestRank(totals, 0.5) ?? Number.NaN,
        p95: nearestRank(totals, 0.95) ?? Number.NaN,
        parts: Object.fromEntries(Object.keys(parts).map((part) => [part, nearestRank(warm.map((w) => w[part] ?? 0), 0.5) ?? Number.NaN])),
      });
    }
    return figures;
  } finally {
    app.close();
  }
}
