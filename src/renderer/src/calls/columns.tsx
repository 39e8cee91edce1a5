import { createColumnHelper } from '@tanstack/react-table';
import type { CallSortColumn } from '../../../core/api/types';
import type { CallListItem } from './store';
import { formatDb, formatDuration, formatInstant, formatMs, formatShare, instantTitle } from '../shared/format';
import { useSlowReplyMs } from '../settings/useSlowReplyMs';
import { platformLabel } from '../../../core/present/platform-label';
import { countsText } from '../overlaps/classes';

/** A row slot of the virtual list: the call once its page has loaded. */
export interface CallSlot {
  index: number;
  call: CallListItem | undefined;
}

const column = createColumnHelper<CallSlot>();

const LONG_SILENCE_MS = 3000;

/** A figure in amber when over its threshold. */
function Slow({ ms, over }: { ms: number | null; over: number }) {
  return <span className={ms !== null && ms > over ? 'slow' : undefined}>{formatMs(ms)}</span>;
}

/** A reply time, in amber when over the Settings' slow-reply threshold. */
function SlowReply({ ms }: { ms: number | null }) {
  return <Slow ms={ms} over={useSlowReplyMs()} />;
}

/** A call as people recognise it: its agent, the first words of its caller, and its id. */
function CallCell({ call }: { call: CallListItem | undefined }) {
  if (!call) return null;
  const agent = call.agent_id ?? 'no agent';
  const title = [`${agent} · ${call.external_id}`, call.caller_opening ? `caller: ${call.caller_opening}` : 'the caller never spoke'].join('\n');
  return (
    <span className="call-cell ellipsis" title={title}>
      <span className="call-agent">{agent}</span>
      {call.caller_opening && <span className="call-opening"> “{call.caller_opening}”</span>}
      <span className="call-id mono"> {call.external_id}</span>
    </span>
  );
}

/** The column that takes the width the others leave: the call's name and first words. */
export const FLEX_COLUMN = 'call';

/** Which list columns sort in SQL, and by which stored column. */
export const sortColumnOf: Record<string, CallSortColumn | undefined> = {
  latency_p50_ms: 'latency_p50_ms',
  latency_p90_ms: 'latency_p90_ms',
  ttfw_ms: 'ttfw_ms',
  interruption_count: 'interruption_count',
  longest_silence_ms: 'longest_silence_ms',
  agent_snr_db: 'agent_snr_db',
  caller_snr_db: 'caller_snr_db',
  clipping_share: 'clipping_share',
  dead_air_ms: 'dead_air_ms',
  started: 'started_at',
  duration: 'duration_s',
  turns: 'turn_count',
  received: 'created_at',
};

/**
 * The list's columns in their default order: what a reviewer scans first (when, which call, how
 * long, how slow, the verdict, how it ended) fits a list pane of 700 px; evaluators' result
 * columns follow (evaluators/list-columns.tsx), then the rest, reached by scrolling sideways or
 * rearranged in the column chooser. `size` is a width in px; the Call column takes what is left
 * over (FLEX_COLUMN), never less than its size.
 */
export const callColumns = [
  column.accessor((slot) => slot.call?.started_at ?? null, {
    id: 'started',
    header: 'Started',
    cell: (info) => <span title={instantTitle(info.getValue())}>{formatInstant(info.getValue(), 'minute')}</span>,
    size: 130,
  }),
  column.accessor((slot) => slot.call?.external_id ?? '', {
    id: 'call',
    header: 'Call',
    cell: (info) => <CallCell call={info.row.original.call} />,
    size: 150,
    enableSorting: false,
  }),
  column.accessor((slot) => slot.call?.duration_s ?? null, {
    id: 'duration',
    header: 'Duration',
    cell: (info) => formatDuration(info.getValue()),
    size: 84,
  }),
  column.accessor((slot) => slot.call?.latency_p90_ms ?? null, {
    id: 'latency_p90_ms',
    header: 'p90 latency',
    cell: (info) => <SlowReply ms={info.getValue()} />,
    size: 96,
  }),
  column.accessor((slot) => slot.call?.verdict ?? null, {
    id: 'verdict',
    header: 'Verdict',
    cell: (info) => {
      const verdict = info.getValue();
      return verdict ? <span className={`verdict ${verdict}`}>{verdict}</span> : <span className="muted">—</span>;
    },
    size: 66,
    enableSorting: false,
  }),
  column.accessor((slot) => slot.call?.end_reason ?? null, {
    id: 'end_reason',
    header: 'End reason',
    cell: (info) => <span className="ellipsis" title={info.getValue() ?? undefined}>{info.getValue() ?? '—'}</span>,
    size: 120,
    enableSorting: false,
  }),
  column.accessor((slot) => slot.call?.latency_p50_ms ?? null, {
    id: 'latency_p50_ms',
    header: 'p50 latency',
    cell: (info) => <SlowReply ms={info.getValue()} />,
    size: 96,
  }),
  column.accessor((slot) => slot.call?.ttfw_ms ?? null, {
    id: 'ttfw_ms',
    header: 'TTFW',
    cell: (info) => formatMs(info.getValue()),
    size: 64,
  }),
  column.accessor((slot) => slot.call?.turn_count ?? 0, {
    id: 'turns',
    header: 'Turns',
    size: 60,
  }),
  column.accessor((slot) => slot.call?.interruption_count ?? null, {
    id: 'interruption_count',
    header: 'Interruptions',
    cell: (info) => info.getValue() ?? '—',
    size: 104,
  }),
  column.accessor((slot) => slot.call?.overlap_counts ?? null, {
    id: 'overlaps',
    header: 'Overlaps',
    cell: (info) => {
      const counts = info.getValue();
      const text = countsText(counts);
      return counts ? <span className="ellipsis" title={text || 'no overlaps'}>{text || '—'}</span> : <span className="muted">—</span>;
    },
    size: 160,
    enableSorting: false,
  }),
  column.accessor((slot) => slot.call?.longest_silence_ms ?? null, {
    id: 'longest_silence_ms',
    header: 'Longest silence',
    cell: (info) => <Slow ms={info.getValue()} over={LONG_SILENCE_MS} />,
    size: 116,
  }),
  // line quality from the recording (issue 16): "—" until it is analysed
  column.accessor((slot) => slot.call?.agent_snr_db ?? null, { id: 'agent_snr_db', header: 'Agent SNR', cell: (info) => formatDb(info.getValue()), size: 92 }),
  column.accessor((slot) => slot.call?.caller_snr_db ?? null, { id: 'caller_snr_db', header: 'Caller SNR', cell: (info) => formatDb(info.getValue()), size: 96 }),
  column.accessor((slot) => slot.call?.clipping_share ?? null, { id: 'clipping_share', header: 'Clipping', cell: (info) => formatShare(info.getValue()), size: 80 }),
  column.accessor((slot) => slot.call?.dead_air_ms ?? null, { id: 'dead_air_ms', header: 'Dead air', cell: (info) => formatMs(info.getValue()), size: 80 }),
  column.accessor((slot) => slot.call?.tags ?? [], {
    id: 'tags',
    header: 'Tags',
    cell: (info) => {
      const tags = info.getValue();
      return tags.length > 0 ? <span className="ellipsis" title={tags.join(', ')}>{tags.map((tag) => <span key={tag} className="tag">{tag}</span>)}</span> : <span className="muted">—</span>;
    },
    size: 140,
    enableSorting: false,
  }),
  column.accessor((slot) => slot.call?.provider ?? '', {
    id: 'provider',
    header: 'Platform',
    // the platform as users know it: a Vapi call sent through the seed-000 route is a Vapi call
    cell: (info) => {
      const call = info.row.original.call;
      return call ? <span className="badge" title={call.provider !== call.platform ? `sent as ${call.provider}` : undefined}>{platformLabel(call.platform)}</span> : null;
    },
    size: 90,
    // a sort by platform would be by the route it came in on (provider), which is not what the
    // column shows; with a handful of platforms the platform filter is the way to see one
    enableSorting: false,
  }),
  column.accessor((slot) => slot.call?.from_number ?? null, {
    id: 'from',
    header: 'From',
    cell: (info) => <span className="mono">{info.getValue() ?? '—'}</span>,
    size: 120,
    enableSorting: false,
  }),
  column.accessor((slot) => slot.call?.created_at ?? null, {
    id: 'received',
    header: 'Received',
    cell: (info) => <span title={instantTitle(info.getValue())}>{formatInstant(info.getValue())}</span>,
    size: 150,
  }),
];
