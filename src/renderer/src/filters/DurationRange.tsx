import { useState } from 'react';
import type { CallListFilter } from '../../../core/api/types';
import { Popover } from './Popover';

const seconds = (text: string): number | undefined => {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : undefined;
};

/** Calls at least and / or at most so many seconds long (both bounds included). */
export function DurationRange({ filter, onChange }: { filter: CallListFilter; onChange(filter: CallListFilter): void }) {
  const [open, setOpen] = useState(false);
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const low = seconds(min);
  const high = seconds(max);
  const reversed = low !== undefined && high !== undefined && low > high;
  const badText = (min.trim() !== '' && low === undefined) || (max.trim() !== '' && high === undefined);
  const applied = filter.min_duration_s !== undefined || filter.max_duration_s !== undefined;

  return (
    <Popover
      label="Duration filter"
      buttonText="Duration"
      applied={applied}
      open={open}
      onOpenChange={(next) => {
        if (next) {
          setMin(filter.min_duration_s?.toString() ?? '');
          setMax(filter.max_duration_s?.toString() ?? '');
        }
        setOpen(next);
      }}
    >
      <form
        className="range-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (reversed || badText) return;
          onChange({ ...filter, min_duration_s: low, max_duration_s: high });
          setOpen(false);
        }}
      >
        <label>
          At least
          <input type="number" min="0" step="1" inputMode="numeric" aria-label="Minimum duration in seconds" value={min} onChange={(e) => setMin(e.target.value)} />
          <span className="muted">s</span>
        </label>
        <label>
          At most
          <input type="number" min="0" step="1" inputMode="numeric" aria-label="Maximum duration in seconds" value={max} onChange={(e) => setMax(e.target.value)} />
          <span className="muted">s</span>
        </label>
        {reversed && (
          <p className="error small" role="alert">
            The shortest is longer than the longest.
          </p>
        )}
        <div className="popover-actions">
          <button type="submit" className="button small primary" disabled={reversed || badText}>
            Apply
          </button>
        </div>
      </form>
    </Popover>
  );
}
