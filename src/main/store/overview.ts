import type { CallListFilter } from '../../core/api/types';
import type { AgentFigures, EndReasonCount, EvaluatorSeries, FleetFigures, LatencyHistogram, OverviewPeriod, OverviewSeries } from '../../core/api/overview-contract';
import { agentsOf, endReasonsOf, fleetFiguresOf, histogramOf, seriesOf } from '../../core/overview/aggregate';
import { LATENCY_EDGES } from '../../core/overview/bins';
import type { Db } from './db';
import { callSet } from './overview-sql';
import { snapshotCache, type SnapshotParts } from './overview-snapshot';
import { evaluatorSeries, passFail, passFailByAgent } from './overview-evaluations';

/** The Overview's figures over the list filter's calls in a period, each part read on its own from one shared snapshot of the set (the tiles, asked first, take it; the plots find it kept). */
export interface Overview {
  /** `parts: 'figures'`: the tiles alone (the previous period's). */
  figures(filter: CallListFilter, period: OverviewPeriod, parts?: SnapshotParts): FleetFigures;
  histogram(filter: CallListFilter, period: OverviewPeriod, scale: 'linear' | 'log'): LatencyHistogram;
  series(filter: CallListFilter, period: OverviewPeriod): OverviewSeries;
  evaluatorSeries(filter: CallListFilter, period: OverviewPeriod): EvaluatorSeries;
  endReasons(filter: CallListFilter, period: OverviewPeriod): EndReasonCount[];
  agents(filter: CallListFilter, period: OverviewPeriod): AgentFigures[];
  /** the calls changed: figures read before are stale. */
  forget(): void;
}

export function createOverview(db: Db): Overview {
  const snapshots = snapshotCache(db);
  return {
    figures: (filter, period, parts) => fleetFiguresOf(snapshots.get(filter, period, parts), passFail(db, callSet(db, filter, period))),
    histogram: (filter, period, scale) => histogramOf(snapshots.get(filter, period), LATENCY_EDGES[scale], scale),
    series: (filter, period) => seriesOf(snapshots.get(filter, period)),
    evaluatorSeries: (filter, period) => {
      const { bucket, edges } = snapshots.get(filter, period);
      return evaluatorSeries(db, callSet(db, filter, period), bucket, edges);
    },
    endReasons: (filter, period) => endReasonsOf(snapshots.get(filter, period)),
    agents: (filter, period) => agentsOf(snapshots.get(filter, period), passFailByAgent(db, callSet(db, filter, period))),
    forget: () => snapshots.clear(),
  };
}
