import { PERIOD_PRESETS, useOverview } from './store';

/** Last 24 hours / 7 / 30 / 90 days / All time: one group of toggle buttons. */
export function PeriodPicker() {
  const preset = useOverview((s) => s.preset);
  return (
    <div className="period-picker" role="group" aria-label="Period">
      {PERIOD_PRESETS.map((p) => (
        <button key={p.preset} type="button" className="button small" aria-pressed={preset === p.preset} onClick={() => useOverview.getState().setPreset(p.preset)}>
          {p.label}
        </button>
      ))}
    </div>
  );
}
