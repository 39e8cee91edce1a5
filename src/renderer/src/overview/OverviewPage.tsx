import { useCallList } from '../calls/store';
import { FilterBar } from '../filters/FilterBar';
import { useApiQuery } from '../query/api-query';
import { ErrorBoundary } from '../shared/ErrorBoundary';
import { AgentTable } from './AgentTable';
import { EndReasons } from './EndReasons';
import { EvaluatorRates } from './EvaluatorRates';
import { LatencyHistogram } from './LatencyHistogram';
import { PeriodPicker } from './PeriodPicker';
import { Tiles } from './Tiles';
import { TimeSeries } from './TimeSeries';
import { usePeriod } from './usePeriod';
import './overview.css';

/**
 * The fleet's Overview (issue 15): tiles, plots and the per-agent table over the Calls list's
 * filter and a period. The tiles are read first and on their own; each plot loads by itself.
 */
export function OverviewPage() {
  const filter = useCallList((s) => s.filter);
  const { period, label } = usePeriod();
  const tiles = useApiQuery('getOverviewTiles', { filter, period });
  const props = { filter, period, periodLabel: label };
  const empty = tiles.data?.current.calls === 0;
  return (
    <main className="single overview" aria-label="Overview">
      <div className="overview-head">
        <h2>Overview</h2>
        <PeriodPicker />
        {tiles.data?.previous_period && <span className="muted">Changes against the {label.toLowerCase().replace('last ', 'previous ')}</span>}
      </div>
      <FilterBar />
      {tiles.error && (
        <p role="alert" className="error">
          {tiles.error.message}
        </p>
      )}
      <Tiles tiles={tiles.data} />
      {empty ? (
        <p className="muted overview-empty">No calls in this period{Object.keys(filter).length > 0 ? ' under this filter' : ''}. Pick a longer period, or send calls to the listener.</p>
      ) : (
        <div className="overview-plots">
          <ErrorBoundary label="histogram">
            <LatencyHistogram {...props} />
          </ErrorBoundary>
          <ErrorBoundary label="series">
            <TimeSeries {...props} />
          </ErrorBoundary>
          <ErrorBoundary label="end reasons">
            <EndReasons {...props} />
          </ErrorBoundary>
          <ErrorBoundary label="evaluator rates">
            <EvaluatorRates {...props} />
          </ErrorBoundary>
          <ErrorBoundary label="agents">
            <AgentTable {...props} />
          </ErrorBoundary>
        </div>
      )}
    </main>
  );
}
