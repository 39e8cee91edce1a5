import { openApp } from '../src/main/app';
import type { CallListFilter, CallListQuery, CallSortColumn } from '../src/core/api/types';
import { callSortColumns } from '../src/core/api/types';
import { nearestRank } from '../src/core/metrics/percentile';

const percentile = (values: number[], p: number): number => nearestRank(values, p / 100) ?? Number.NaN;

/**
 * Every list query the Calls screen can issue, timed on the scale store (issue 14): the page the
 * screen waits for (listCalls with count 'bound') and the count it asks apart (countCalls).
 */
export interface QueryFigure {
  name: string;
  pageP50: number;
  pageP95: number;
  countP50: number;
  countP95: number;
  /** the first page after opening the store: the page cache cold for this query's pages. */
  pageFirst: number;
  total: number;
}

const month = { started_after: '2026-06-01T00:00:00.000Z', started_before: '2026-07-01T00:00:00.000Z' };

function cases(calls: number): { name: string; query: Partial<CallListQuery> }[] {
  const filters: [string, CallListFilter][] = [
    ['no filter', {}],
    ['agent', { agent_id: 'agent-7' }],
    ['platform', { provider: 'external' }],
    ['unreviewed', { verdict: 'unreviewed' }],
    ['reviewed: failure', { verdict: 'failure' }],
    ['a month', month],
    ['p90 > 3000 (rare)', { metrics: [{ column: 'latency_p90_ms', op: '>', value: 3000 }] }],
    ['p90 > 99999 (no match)', { metrics: [{ column: 'latency_p90_ms', op: '>', value: 99_999 }] }],
    ['ttfw > 700', { metrics: [{ column: 'ttfw_ms', op: '>', value: 700 }] }],
    ['p50 < 800 (common)', { metrics: [{ column: 'latency_p50_ms', op: '<', value: 800 }] }],
    ['agent + a month', { agent_id: 'agent-3', ...month }],
    ['agent + p90 > 2000', { agent_id: 'agent-3', metrics: [{ column: 'latency_p90_ms', op: '>', value: 2000 }] }],
    ['unreviewed + a month', { verdict: 'unreviewed', ...month }],
    ['search: a word', { q: 'subscription' }],
    ['search: a phrase', { q: '"cancel my subscription"' }],
    ['search: a rare word', { q: 'zyzzyva' }],
    ['search: a call id', { q: `scale-${Math.floor(calls / 2)}` }],
    ['search: a phone number', { q: '+14155550042' }],
    ['search: the number as dialled at home', { q: '(415) 555-0042' }],
    ['search: an end reason', { q: 'assistant-ended-call' }],
    ['end reason (common)', { end_reason: 'customer-ended-call' }],
    ['end reason (no match)', { end_reason: 'voicemail' }],
    ['platform (all)', { platform: 'vapi' }],
    ['platform (no match)', { platform: 'retell' }],
    ['tag (no match)', { tags: ['double-charge'] }],
    ['duration > 20 min (rare)', { min_duration_s: 1200 }],
    ['duration 1-2 min', { min_duration_s: 60, max_duration_s: 120 }],
    ['end reason + agent + unreviewed', { end_reason: 'assistant-ended-call', agent_id: 'agent-3', verdict: 'unreviewed' }],
  ];
  const sorts = callSortColumns.flatMap((column: CallSortColumn) =>
    (['asc', 'desc'] as const).map((direction) => ({ name: `sort ${column} ${direction}`, query: { sort: { column, direction } } })),
  );
  return [
    ...filters.map(([name, filter]) => ({ name, query: { filter } })),
    ...sorts,
    { name: `offset ${Math.floor(calls / 2).toLocaleString('en-US')}`, query: { offset: Math.floor(calls / 2) } },
    { name: `offset ${(calls - 100).toLocaleString('en-US')} (the end)`, query: { offset: calls - 100 } },
  ];
}

function timeMs(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/**
 * Each query's first run is kept apart (`pageFirst`: what an analyst waits for the first time a
 * filter reads pages not yet in the page cache); p50 / p95 are of the `runs` after it.
 */
export async function benchScaleQueries(dataDir: string, calls: number, runs = 20): Promise<QueryFigure[]> {
  const app = openApp({ dataDir });
  try {
    const figures: QueryFigure[] = [];
    for (const { name, query } of cases(calls)) {
      const full: CallListQuery & { count: 'bound' } = { offset: 0, limit: 100, sort: { column: 'started_at', direction: 'desc' }, filter: {}, ...query, count: 'bound' as const };
      const page: number[] = [];
      const count: number[] = [];
      let total = 0;
      const pageFirst = timeMs(() => app.handlers.listCalls(full));
      for (let run = 0; run < runs; run++) {
        page.push(timeMs(() => app.handlers.listCalls(full)));
        count.push(timeMs(() => (total = (app.handlers.countCalls({ filter: full.filter }) as { total: number }).total)));
      }
      figures.push({ name, pageP50: percentile(page, 50), pageP95: percentile(page, 95), countP50: percentile(count, 50), countP95: percentile(count, 95), pageFirst, total });
    }
    return figures;
  } finally {
    app.close();
  }
}
