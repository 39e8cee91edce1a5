import { create } from 'zustand';
import { callSortColumns, type CallListFilter } from '../../../core/api/types';
import type { Verdict } from '../../../core/model/call';
import { useCallList, type CallSort } from '../calls/store';

/**
 * The review queue being worked (UI state; the queues themselves are server state, read through
 * getQueue / listQueues). While a queue is open the list is filtered to its calls (filter
 * `queue_id`), so the list, j / k, the count, search and the CSV export all work on the queue; the
 * view from before is put back on leaving. The open queue and the "go on" choice are remembered
 * (localStorage), so a reload or a restart comes back into the queue where it was left.
 */

const ACTIVE_KEY = 'callscope.queue.active';
const ADVANCE_KEY = 'callscope.queue.advance';

export interface ActiveQueue {
  id: number;
  name: string;
  /** the queue's own order (the list's sort when it opens). */
  sort: CallSort;
  /** the list's filter and sort before the queue opened: what leaving it puts back. */
  before: { filter: CallListFilter; sort: CallSort };
}

/** The call a verdict just moved the queue on from: one Undo away, without going back to it. */
export interface LeftCall {
  callId: number;
  /** its place in the queue, 1-based ("call 6"). */
  position: number;
  previous: Verdict | null;
  verdict: Verdict;
}

export interface Mark {
  reviewed: boolean;
  /** when it was written (Date.now()) */
  at: number;
}

/** Longer than any refresh of the queue's read takes to follow a write. */
const MARK_MS = 30_000;

interface QueueState {
  active: ActiveQueue | null;
  /** "After a verdict, go to the next unreviewed call" (on unless turned off; remembered). */
  advance: boolean;
  left: LeftCall | null;
  /**
   * Verdicts written here that the queue's read may not show yet (its refresh follows the write's
   * event): call id -> reviewed. Dropped once the read agrees (or after MARK_MS, should another
   * window have changed the call meanwhile), so "next unreviewed" never picks a call just marked,
   * however fast the keys come.
   */
  marked: ReadonlyMap<number, Mark>;
  dialogOpen: boolean;
  enter(queue: { id: number; name: string; sort: CallSort }): void;
  leave(): void;
  setAdvance(advance: boolean): void;
  setLeft(left: LeftCall | null): void;
  mark(callId: number, reviewed: boolean): void;
  settle(reviewed: ReadonlyMap<number, boolean>): void;
  openDialog(open: boolean): void;
}

function readActive(): ActiveQueue | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(ACTIVE_KEY) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null || !('id' in parsed) || typeof parsed.id !== 'number') return null;
    const name = 'name' in parsed && typeof parsed.name === 'string' ? parsed.name : `Queue ${parsed.id}`;
    const fallback = useCallList.getState().sort;
    const sort = 'sort' in parsed && isSort(parsed.sort) ? parsed.sort : fallback;
    const before = 'before' in parsed && isView(parsed.before) ? parsed.before : { filter: {}, sort: fallback };
    return { id: parsed.id, name, sort, before };
  } catch {
    return null;
  }
}

function isSort(value: unknown): value is CallSort {
  if (typeof value !== 'object' || value === null || !('column' in value) || !('direction' in value)) return false;
  return callSortColumns.some((column) => column === value.column) && (value.direction === 'asc' || value.direction === 'desc');
}

function isView(value: unknown): value is ActiveQueue['before'] {
  return typeof value === 'object' && value !== null && 'filter' in value && typeof value.filter === 'object' && value.filter !== null && 'sort' in value && isSort(value.sort);
}

function keepActive(active: ActiveQueue | null): void {
  if (active) localStorage.setItem(ACTIVE_KEY, JSON.stringify(active));
  else localStorage.removeItem(ACTIVE_KEY);
}

export const useQueue = create<QueueState>((set, get) => ({
  active: readActive(),
  advance: localStorage.getItem(ADVANCE_KEY) !== 'off',
  left: null,
  marked: new Map(),
  dialogOpen: false,
  enter({ id, name, sort }) {
    const list = useCallList.getState();
    // a queue started from inside another keeps the view from before the first
    const before = get().active?.before ?? { filter: list.filter, sort: list.sort };
    const active = { id, name, sort, before };
    keepActive(active);
    set({ active, left: null, marked: new Map() });
    list.setSort(sort);
    list.setFilter({ queue_id: id });
  },
  leave() {
    const active = get().active;
    keepActive(null);
    set({ active: null, left: null, marked: new Map() });
    if (!active) return;
    const list = useCallList.getState();
    list.setSort(active.before.sort);
    list.setFilter(active.before.filter);
  },
  setAdvance(advance) {
    localStorage.setItem(ADVANCE_KEY, advance ? 'on' : 'off');
    set({ advance });
  },
  setLeft: (left) => set({ left }),
  mark: (callId, reviewed) => set({ marked: new Map(get().marked).set(callId, { reviewed, at: Date.now() }) }),
  settle(reviewed) {
    const marked = get().marked;
    const since = Date.now() - MARK_MS;
    const waiting = [...marked].filter(([callId, mark]) => reviewed.get(callId) !== mark.reviewed && mark.at > since);
    if (waiting.length < marked.size) set({ marked: new Map(waiting) });
  },
  openDialog: (dialogOpen) => set({ dialogOpen }),
}));

/** A queue left open last time opens again with its calls listed (before the first rows are read, so the whole list never flashes up). */
function resumeLastSession(): void {
  const active = useQueue.getState().active;
  if (active) useCallList.setState({ filter: { queue_id: active.id }, sort: active.sort });
}
resumeLastSession();
