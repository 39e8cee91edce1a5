import type { ApiParsedInput, OverviewHandlers } from '../../core/api/contract';
import { previousPeriod } from '../../core/overview/period';
import type { Db } from '../store/db';
import { createOverview, type Overview } from '../store/overview';
import type { ReadRunner } from '../reads/read-runner';
import type { OverviewRead } from '../reads/read-messages';
import type { EventBus } from './events';

/** The six reads over one Overview (its snapshot cache): on this thread, or in the read worker. */
export function overviewReads(overview: Overview): OverviewHandlers {
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

/**
 * The Overview's reads (issue 15): each part of the page on its own, all over the list filter in a
 * period. In the read worker when the app has one (a refresh at a million calls takes seconds the
 * listener would otherwise wait), its snapshot cache kept there; else here.
 */
export function createOverviewHandlers({ db, events, runner }: { db: Db; events: EventBus; runner?: ReadRunner | null }): OverviewHandlers {
  if (runner) {
    // a new, changed, reviewed or deleted call changes the figures: the worker drops what it kept
    events.subscribe((name) => {
      if (name === 'calls.changed') runner.forget();
    });
    const inWorker = <M extends OverviewRead>(method: M) => (input: ApiParsedInput<M>) => runner.run(method, input);
    return {
      getOverviewTiles: inWorker('getOverviewTiles'),
      getOverviewHistogram: inWorker('getOverviewHistogram'),
      getOverviewSeries: inWorker('getOverviewSeries'),
      getOverviewEvaluatorSeries: inWorker('getOverviewEvaluatorSeries'),
      getOverviewEndReasons: inWorker('getOverviewEndReasons'),
      getOverviewAgents: inWorker('getOverviewAgents'),
    };
  }
  const overview = createOverview(db);
  events.subscribe((name) => {
    if (name === 'calls.changed') overview.forget();
  });
  return overviewReads(overview);
}
