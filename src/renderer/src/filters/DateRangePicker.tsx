import { useState } from 'react';
import type { CallListFilter } from '../../../core/api/types';
import { datePresets, filterToRange, isDay, rangeToFilter, type DayRange } from './date-range';
import { Popover } from './Popover';

/**
 * Calls started between two local days (both included), or in the last 1 / 7 / 30 days: a preset
 * stays relative (`started_within_days`), so a saved "Last 7 days" view still means it next week.
 */
export function DateRangePicker({ filter, onChange }: { filter: CallListFilter; onChange(filter: CallListFilter): void }) {
  const [open, setOpen] = useState(false);
  const applied = filterToRange(filter);
  const [draft, setDraft] = useState<DayRange>(applied);
  const apply = (range: DayRange) => {
    onChange({ ...filter, ...rangeToFilter(range), started_within_days: undefined });
    setOpen(false);
  };
  const applyLastDays = (days: number) => {
    onChange({ ...filter, started_after: undefined, started_before: undefined, started_within_days: days });
    setOpen(false);
  };
  const invalid = (draft.from !== undefined && !isDay(draft.from)) || (draft.to !== undefined && !isDay(draft.to));
  const reversed = !invalid && draft.from !== undefined && draft.to !== undefined && draft.from > draft.to;
  const isApplied = applied.from !== undefined || applied.to !== undefined;

  return (
    <Popover
      label="Date filter"
      buttonText="Date"
      applied={isApplied}
      open={open}
      onOpenChange={(next) => {
        // each opening starts from what is applied
        if (next) setDraft(applied);
        setOpen(next);
      }}
    >
      <div className="preset-row">
        {datePresets.map((preset) => (
          <button key={preset.label} type="button" className="button small" aria-pressed={filter.started_within_days === preset.days} onClick={() => applyLastDays(preset.days)}>
            {preset.label}
          </button>
        ))}
      </div>
      <form
        className="range-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!invalid && !reversed) apply(draft);
        }}
      >
        <label>
          From
          {/* max: the year field takes four digits, not six */}
          <input type="date" aria-label="From date" min="1900-01-01" max="9999-12-31" value={draft.from ?? ''} onChange={(e) => setDraft({ ...draft, from: e.target.value || undefined })} />
        </label>
        <label>
          To
          <input type="date" aria-label="To date" min="1900-01-01" max="9999-12-31" value={draft.to ?? ''} onChange={(e) => setDraft({ ...draft, to: e.target.value || undefined })} />
        </label>
        {reversed && (
          <p className="error small" role="alert">
            The first day is after the last.
          </p>
        )}
        <div className="popover-actions">
          {isApplied && (
            <button type="button" className="link" onClick={() => apply({})}>
              Any date
            </button>
          )}
          <button type="submit" className="button small primary" disabled={invalid || reversed}>
            Apply
          </button>
        </div>
      </form>
    </Popover>
  );
}
