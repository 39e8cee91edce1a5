import { OVERLAP_CLASSES, type OverlapClass } from '../../../core/metrics/overlap-verdicts';
import { useApiQuery } from '../query/api-query';
import { usePlayer } from '../review/player';
import { formatMs, formatOffset } from '../shared/format';
import { CLASS_NAMES, countsText } from './classes';
import { labelOverlap, type Overlap } from './label';
import { useOverlapSelection } from './store';

const percent = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 100)}%`);

/** How the automatic classes agree with every label stored so far (all calls). */
function Agreement() {
  const { data } = useApiQuery('getOverlapAgreement', {});
  if (!data || data.n === 0) return <p className="muted small">No overlap labelled yet: confirm (c) or change (1-4) a class to measure the automatic classes.</p>;
  return (
    <p className="muted small" aria-label="Overlap label agreement">
      Automatic class agrees with {data.agree} of {data.n} labels ({percent(data.accuracy)}), Cohen&apos;s κ {data.kappa === null ? '—' : data.kappa.toFixed(2)}.
    </p>
  );
}

/**
 * Issue 16: the call's overlaps with their class, onset, the agent's yield time and the evidence;
 * a click plays from the overlap; Confirm or another class stores the reviewer's label.
 */
export function OverlapsPanel({ callId, overlaps }: { callId: number; overlaps: readonly Overlap[] }) {
  const selectedAt = useOverlapSelection((s) => s.selectedAt);
  const counts = Object.fromEntries(OVERLAP_CLASSES.map((c) => [c, overlaps.filter((o) => (o.confirmed_class ?? o.class) === c).length]));
  return (
    <section className="overlaps" aria-label="Overlaps">
      <p className="small">{overlaps.length === 0 ? 'No overlaps in this call.' : countsText(counts)}</p>
      {overlaps.length > 0 && (
        <ol className="overlap-list" aria-label="Overlap list">
          {overlaps.map((overlap) => {
            const shown: OverlapClass = overlap.confirmed_class ?? overlap.class;
            const selected = selectedAt === overlap.at_ms;
            return (
              <li key={overlap.at_ms} className={`overlap ${shown}${selected ? ' selected' : ''}`} aria-current={selected ? 'true' : undefined} aria-label={`${CLASS_NAMES[shown]} at ${formatOffset(overlap.at_ms)}`}>
                <button
                  type="button"
                  className="link mono"
                  title="Play from here"
                  onClick={() => {
                    useOverlapSelection.getState().select(overlap.at_ms);
                    usePlayer.getState().seek(overlap.at_ms);
                  }}
                >
                  {formatOffset(overlap.at_ms)}
                </button>{' '}
                <span className={`overlap-class ${shown}`}>{CLASS_NAMES[shown]}</span>
                {overlap.confirmed_class ? (
                  <span className="muted small"> · confirmed{overlap.confirmed_class !== overlap.class ? ` (given ${CLASS_NAMES[overlap.class]})` : ''}</span>
                ) : (
                  <span className="muted small"> · automatic</span>
                )}
                <span className="muted small"> · yield {formatMs(overlap.yield_ms)}</span>
                <div className="muted small">{overlap.evidence}</div>
                <div className="overlap-actions">
                  <button type="button" className="button small" onClick={() => labelOverlap(callId, overlap, overlap.class)} disabled={overlap.confirmed_class === overlap.class}>
                    Confirm
                  </button>
                  <label className="small">
                    Class{' '}
                    <select value={shown} onChange={(event) => {
                        const chosen = OVERLAP_CLASSES.find((c) => c === event.target.value);
                        if (chosen) labelOverlap(callId, overlap, chosen);
                      }}>
                      {OVERLAP_CLASSES.map((c) => (
                        <option key={c} value={c}>
                          {CLASS_NAMES[c]}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <Agreement />
    </section>
  );
}
