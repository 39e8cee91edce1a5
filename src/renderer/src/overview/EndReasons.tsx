import type { EndReasonCount } from '../../../core/api/overview-contract';
import { useApiQuery } from '../query/api-query';
import type { PlotProps } from './plot-props';
import { PlotFigure } from './PlotFigure';
import { openCalls } from './open-calls';

const NONE = '(none)';

/** Calls by end reason as bars (buttons: a click lists that reason's calls). A handful of bars: plain HTML, no canvas needed. */
export function EndReasons({ filter, period, periodLabel }: PlotProps) {
  const { data, isPending } = useApiQuery('getOverviewEndReasons', { filter, period });
  const reasons = data ?? [];
  const most = Math.max(1, ...reasons.map((r) => r.calls));
  const open = (r: EndReasonCount) => r.end_reason !== null && openCalls(filter, period, { end_reason: r.end_reason }, `end reason ${r.end_reason}`, periodLabel);
  return (
    <PlotFigure
      title="End reasons"
      busy={isPending}
      empty={reasons.length === 0}
      columns={[{ header: 'End reason', cell: (r: EndReasonCount) => r.end_reason ?? NONE }, { header: 'Calls', cell: (r: EndReasonCount) => r.calls.toLocaleString('en-US') }]}
      rows={reasons}
    >
      <ul className="hbars">
        {reasons.slice(0, 12).map((r) => (
          <li key={r.end_reason ?? NONE}>
            <button type="button" className="hbar" disabled={r.end_reason === null} onClick={() => open(r)} aria-label={`${r.end_reason ?? NONE}: ${r.calls} calls`}>
              <span className="hbar-label">{r.end_reason ?? NONE}</span>
              <span className="hbar-track">
                <span className="hbar-fill" style={{ width: `${(r.calls / most) * 100}%` }} />
              </span>
              <span className="hbar-value">{r.calls.toLocaleString('en-US')}</span>
            </button>
          </li>
        ))}
      </ul>
    </PlotFigure>
  );
}
