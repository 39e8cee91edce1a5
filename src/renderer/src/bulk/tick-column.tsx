import { useEffect, useRef } from 'react';
import { createColumnHelper, type RowData, type Table } from '@tanstack/react-table';
import type { CallSlot } from '../calls/columns';
import { useTicks } from './ticks';
import { clickTick } from './tick-range';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the generic is TanStack's own
  interface TableMeta<TData extends RowData> {
    /** the calls whose rows are on screen now (not the overscan): what the header box ticks. */
    onScreenIds?: readonly number[];
  }
}

const column = createColumnHelper<CallSlot>();

/** A tick box per row. Clicking it does not open the call; Shift+click ticks the range from the last box clicked. */
function TickCell({ slot }: { slot: CallSlot }) {
  const call = slot.call;
  const ticked = useTicks((s) => (call ? s.ticked.has(call.id) : false));
  if (!call) return null;
  return (
    <input
      type="checkbox"
      className="tick"
      aria-label={`Select ${call.external_id}`}
      checked={ticked}
      onClick={(event) => {
        event.stopPropagation();
        void clickTick(call.id, slot.index, event.shiftKey);
      }}
      // the click above changes the state; React wants a handler for a controlled box
      onChange={() => undefined}
    />
  );
}

/** The header's box: ticks (or, when all are ticked, unticks) the rows on screen, and says how many. */
function TickHeader({ table }: { table: Table<CallSlot> }) {
  const ids = table.options.meta?.onScreenIds ?? [];
  const tickedHere = useTicks((s) => ids.filter((id) => s.ticked.has(id)).length);
  const all = ids.length > 0 && tickedHere === ids.length;
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = tickedHere > 0 && !all;
  }, [tickedHere, all]);
  const label = `${all ? 'Untick' : 'Tick'} the ${ids.length} ${ids.length === 1 ? 'call' : 'calls'} on screen`;
  return (
    <input
      ref={box}
      type="checkbox"
      className="tick"
      aria-label={label}
      title={label}
      checked={all}
      disabled={ids.length === 0}
      onChange={() => useTicks.getState().setTicked(ids, !all)}
    />
  );
}

export const tickColumn = column.display({ id: 'select', header: ({ table }) => <TickHeader table={table} />, cell: (info) => <TickCell slot={info.row.original} />, size: 40 });
