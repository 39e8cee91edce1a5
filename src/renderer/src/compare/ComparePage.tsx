import { useApiMutation, useApiQuery } from '../query/api-query';
import type { SavedView } from '../../../core/api/triage-contract';
import { useCallList } from '../calls/store';
import { useCompare } from './store';
import { resolveSet, SetPicker } from './SetPicker';
import { FigureTiles } from './FigureTiles';
import { DistributionPlot } from './DistributionPlot';
import './compare.css';

const NO_VIEWS: SavedView[] = [];

/** Compare two sets of calls (issue 15): A and B side by side, each difference with its bootstrap 95% interval. */
export function ComparePage() {
  const views = useApiQuery('listViews', {});
  const a = useCompare((s) => s.a);
  const b = useCompare((s) => s.b);
  const listFilter = useCallList((s) => s.filter);
  const run = useApiMutation('compareSets', { onSuccess: (answer) => useCompare.getState().setResult(answer) });
  const setA = resolveSet(a, listFilter);
  const setB = resolveSet(b, listFilter);
  const ready = setA.ok && setB.ok;
  const result = useCompare((s) => s.result);
  return (
    <main className="single compare" aria-label="Compare" aria-busy={run.isPending}>
      <h2>Compare</h2>
      <form
        className="compare-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (setA.ok && setB.ok) run.mutate({ a: setA.input, b: setB.input });
        }}
      >
        <SetPicker side="a" views={views.data ?? NO_VIEWS} />
        <SetPicker side="b" views={views.data ?? NO_VIEWS} />
        <div className="compare-run">
          <button type="submit" className="button primary" disabled={!ready || run.isPending}>
            {run.isPending ? 'Comparing…' : 'Compare'}
          </button>
          <span className="muted small" role="status">
            {run.isPending
              ? 'Resampling calls 1,000 times…'
              : result
                ? `${result.resamples.toLocaleString('en-US')} resamples of calls, seed ${result.seed}, ${result.elapsed_ms.toLocaleString('en-US')} ms`
                : ''}
          </span>
        </div>
      </form>
      {run.error && (
        <p className="error" role="alert">
          Could not compare: {run.error.message}
        </p>
      )}
      {result && (
        <section className="compare-result" aria-label="Comparison">
          <p className="compare-sets small">
            <span className="compare-side a">A</span> {result.a.label} · <span className="compare-side b">B</span> {result.b.label}
          </p>
          <FigureTiles result={result} />
          <DistributionPlot d={result.distribution} />
        </section>
      )}
    </main>
  );
}
