import type { OverviewHandlers } from '../../core/api/contract';
import { previousPeriod } from '../../core/overview/period';
import type { Db } from '../store/db';
import { fleetFigures } from '../store/overview-figures';
import { evaluatorSeries, latencyHistogram, overviewSeries } from '../store/overview-plots';
import { agentFigures, endReasons } from '../store/overview-breakdowns';

/** The Overview's reads (issue 15): each part of the page on its own, all over the list filter in a period. */
export function createOverviewHandlers({ db }: { db: Db }): OverviewHandlers {
  return {
    getOverviewTiles: ({ filter, period }) => {
      const before = previousPeriod(period);
      return { current: fleetFigures(db, filter, period), previous: before ? fleetFigures(db, filter, before) : null, previous_period: before };
    },
    getOverviewHistogram: ({ filter, period, scale }) => latencyHistogram(db, filter, period, scale),
    getOverviewSeries: ({ filter, period }) => overviewSeries(db, filter, period),
    getOverviewEvaluatorSeries: ({ filter, period }) => evaluatorSeries(db, filter, period),
    getOverviewEndReasons: ({ filter, period }) => endReasons(db, filter, period),
    getOverviewAgents: ({ filter, period }) => agentFigures(db, filter, period),
  };
}
