import { createColumnHelper } from '@tanstack/react-table';
import type { CallListRow, CallSortColumn } from '../../../core/api/types';
import { formatDuration, formatInstant } from '../shared/format';

/** A row slot of the virtual list: the call once its page has loaded. */
export interface CallSlot {
  index: number;
  call: CallListRow | undefined;
}

const column = createColumnHelper<CallSlot>();

/** Which list columns sort in SQL, and by which stored column. */
export const sortColumnOf: Record<string, CallSortColumn | undefined> = {
  started: 'started_at',
  provider: 'provider',
  duration: 'duration_s',
  turns: 'turn_count',
  received: 'created_at',
};

export const callColumns = [
  column.accessor((slot) => slot.call?.started_at ?? null, {
    id: 'started',
    header: 'Started',
    cell: (info) => formatInstant(info.getValue()),
    size: 160,
  }),
  column.accessor((slot) => slot.call?.external_id ?? '', {
    id: 'call',
    header: 'Call',
    cell: (info) => <span className="mono ellipsis" title={info.getValue()}>{info.getValue()}</span>,
    size: 200,
    enableSorting: false,
  }),
  column.accessor((slot) => slot.call?.duration_s ?? null, {
    id: 'duration',
    header: 'Duration',
    cell: (info) => formatDuration(info.getValue()),
    size: 90,
  }),
  column.accessor((slot) => slot.call?.turn_count ?? 0, {
    id: 'turns',
    header: 'Turns',
    size: 70,
  }),
  column.accessor((slot) => slot.call?.verdict ?? null, {
    id: 'verdict',
    header: 'Verdict',
    cell: (info) => {
      const verdict = info.getValue();
      return verdict ? <span className={`verdict ${verdict}`}>{verdict}</span> : <span className="muted">—</span>;
    },
    size: 90,
    enableSorting: false,
  }),
  column.accessor((slot) => slot.call?.provider ?? '', {
    id: 'provider',
    header: 'Provider',
    cell: (info) => {
      const call = info.row.original.call;
      const platform = call && call.platform !== call.provider ? ` · ${call.platform}` : '';
      return <span className="badge">{`${info.getValue()}${platform}`}</span>;
    },
    size: 150,
  }),
  column.accessor((slot) => slot.call?.end_reason ?? null, {
    id: 'end_reason',
    header: 'End reason',
    cell: (info) => <span className="ellipsis">{info.getValue() ?? '—'}</span>,
    size: 170,
    enableSorting: false,
  }),
  column.accessor((slot) => slot.call?.from_number ?? null, {
    id: 'from',
    header: 'From',
    cell: (info) => <span className="mono">{info.getValue() ?? '—'}</span>,
    size: 140,
    enableSorting: false,
  }),
  column.accessor((slot) => slot.call?.created_at ?? null, {
    id: 'received',
    header: 'Received',
    cell: (info) => formatInstant(info.getValue()),
    size: 180,
  }),
];
