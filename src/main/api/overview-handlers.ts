import type { OverviewHandlers } from '../../core/api/contract';
import { previousPeriod } from '../../core/overview/period';
import type { Db } from '../store/db';
import { createOverview } from '../store/overview';
import type { EventBus } from './events';

/** The Overview's reads (issue 15): each part of the page on its own, all over the list filter in a period. */
export function createOverviewHandlers({ db, events }: { db: Db; events: EventBus }): OverviewHandlers {
  const overview = createOverview(db);
  // a new, changed, reviewed or deleted call changes the figures
  events.subscribe((name) => {
    if (name === 'calls.changed') overview.forget();
  });
  return {
    getOverviewTiles: ({ filter, period }) => {
      const before = previousPeriod(period);
      return { current: overview.figures(filter, period), previous: before ? overview.figures(filter, before, 'figures') : null, previous_period: before };
    },
    getOverviewHistogram: ({ filter, period, scale }) => overview.histogram(filter, period, scale),
    getOverviewSeries: ({ filter, period }) => overview.series(filter, period),
    getOverviewEvaluatorSeries: ({ filter, period }) => overview.evaluatorSeries(filter, period),
    getOverviewEndReasons: ({ filter, period }) => overview.endReasons(filter, period),
    getOverviewAgents: ({ filter, period }) => overview.agents(filter, period),
  };
}
