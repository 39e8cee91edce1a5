import type { CompareResult, FigureComparison } from '../../../core/api/compare-contract';
import { useCallList } from '../calls/store';
import { usePage } from '../pages/store';
import { BETTER, FIGURE_LABELS, formatDiff, formatRelative, formatValue } from './format';

/** Opens the Calls list on the calls that drive a difference (the set's filter, narrowed or sorted by the figure). */
function showCalls(driving: FigureComparison['driving']): void {
  const list = useCallList.getState();
  list.setFilter(driving.filter);
  list.setSort(driving.sort);
  list.select(null);
  usePage.getState().open('calls');
}

/** Whether B is better or worse, said only when the interval excludes 0 (else the difference may be noise). */
function verdictOf(d: FigureComparison): 'better' | 'worse' | 'changed' | null {
  if (!d.excludes_zero || d.diff === null) return null;
  const better = BETTER[d.figure];
  if (!better) return 'changed';
  return (d.diff > 0) === (better === 'higher') ? 'better' : 'worse';
}

function Side({ side, figure, value }: { side: 'a' | 'b'; figure: FigureComparison['figure']; value: number | null }) {
  const name = side.toUpperCase();
  return (
    <div>
      <span className={`compare-side ${side}`}>{name}</span>
      <span className="compare-value" aria-label={name}>
        {formatValue(figure, value)}
      </span>
    </div>
  );
}

function Tile({ d }: { d: FigureComparison }) {
  const label = FIGURE_LABELS[d.figure];
  const verdict = verdictOf(d);
  return (
    <section className="compare-tile" role="group" aria-label={label} data-figure={d.figure}>
      <h3>{label}</h3>
      <div className="compare-values">
        <Side side="a" figure={d.figure} value={d.a} />
        <Side side="b" figure={d.figure} value={d.b} />
      </div>
      <p className={`compare-diff ${verdict ?? 'unclear'}`} aria-label="B − A">
        <span className="compare-diff-value">{formatDiff(d.figure, d.diff)}</span>{' '}
        {d.relative !== null && <span className="muted">({formatRelative(d.relative)})</span>}
      </p>
      <p className="compare-interval small" aria-label="95% interval">
        {d.interval ? `95%: [${formatDiff(d.figure, d.interval[0])}, ${formatDiff(d.figure, d.interval[1])}]` : d.figure === 'calls' ? 'a count, not an estimate' : 'no interval: too little to measure'}
      </p>
      <p className="small compare-verdict">{verdict === 'better' ? 'B better' : verdict === 'worse' ? 'B worse' : verdict === 'changed' ? 'B differs' : d.figure === 'calls' || d.diff === null ? '' : 'no clear difference'}</p>
      <button type="button" className="link small" title={d.driving.label} onClick={() => showCalls(d.driving)}>
        Show the calls
      </button>
      <span className="muted small compare-driving">{d.driving.label}</span>
    </section>
  );
}

/** A | B | B − A [95% interval] per figure, side by side. */
export function FigureTiles({ result }: { result: CompareResult }) {
  return (
    <div className="compare-tiles" role="list" aria-label="Figures">
      {result.differences.map((d) => (
        <div role="listitem" key={d.figure}>
          <Tile d={d} />
        </div>
      ))}
    </div>
  );
}
