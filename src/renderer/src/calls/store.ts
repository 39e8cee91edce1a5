import { create } from 'zustand';
import type { CallListFilter, CallPage, CallSortColumn } from '../../../core/api/types';

/**
 * The call list as the user has set it up: sort and filter (applied in SQL), the rows in view and
 * the open call. The rows themselves are server state, read page by page through the query cache
 * (pages.ts).
 */

/** A listed call with its newest evaluator results (the list's result columns). */
export type CallListItem = CallPage['rows'][number];

export interface CallSort {
  column: CallSortColumn;
  direction: 'asc' | 'desc';
}

export const PAGE_SIZE = 100;

interface CallListState {
  sort: CallSort;
  filter: CallListFilter;
  /** the pages the rows in view span: the list reads these (and keeps a few on each side). */
  viewPages: [number, number];
  /** true once the list has answered: until then nothing is known, not even "empty". */
  answered: boolean;
  selectedId: number | null;
  /** where the filter came from when another page set it ("From Overview: replies 800–850 ms, last 7 days"); a change by hand clears it. */
  origin: { text: string; before: CallListFilter } | null;
  setSort(sort: CallSort): void;
  setFilter(filter: CallListFilter): void;
  /** the list of exactly these calls, set from elsewhere (an Overview bar), saying where from. */
  setFilterFrom(filter: CallListFilter, origin: string, before: CallListFilter): void;
  select(id: number | null): void;
  /** the table shows rows `firstIndex` to `lastIndex`. */
  showRows(firstIndex: number, lastIndex: number): void;
  markAnswered(): void;
}

export const useCallList = create<CallListState>((set, get) => ({
  sort: { column: 'started_at', direction: 'desc' },
  filter: {},
  viewPages: [0, 0],
  answered: false,
  selectedId: null,
  origin: null,
  // a new sort or filter starts at the top, where its first page is
  setSort: (sort) => set({ sort, viewPages: [0, 0] }),
  setFilter: (filter) => set({ filter, viewPages: [0, 0], origin: null }),
  setFilterFrom: (filter, text, before) => set({ filter, viewPages: [0, 0], origin: { text, before }, selectedId: null }),
  select: (selectedId) => set({ selectedId }),
  showRows(firstIndex, lastIndex) {
    const [first, last] = get().viewPages;
    const firstPage = Math.floor(firstIndex / PAGE_SIZE);
    const lastPage = Math.floor(lastIndex / PAGE_SIZE);
    if (first !== firstPage || last !== lastPage) set({ viewPages: [firstPage, lastPage] });
  },
  markAnswered: () => set({ answered: true }),
}));

export function rowAt(pages: Record<number, CallListItem[]>, index: number): CallListItem | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

/** Where the call sits in the list, as far as the loaded pages tell (-1: not among them). */
export function indexOfCall(pages: Record<number, CallListItem[]>, id: number | null): number {
  if (id === null) return -1;
  for (const [page, rows] of Object.entries(pages)) {
    const i = rows.findIndex((row) => row.id === id);
    if (i >= 0) return Number(page) * PAGE_SIZE + i;
  }
  return -1;
}

export type Neighbour = { id: number } | { reason: 'empty' | 'first' | 'last' | 'loading'; index: number };

/** The call `step` rows away from the selected one in the current list order, or why there is none. */
export function neighbourOf(state: { pages: Record<number, CallListItem[]>; selectedId: number | null; total: number | null }, step: 1 | -1): Neighbour {
  if (!state.total) return { reason: 'empty', index: -1 };
  const current = indexOfCall(state.pages, state.selectedId);
  const target = current < 0 ? 0 : current + step;
  if (target < 0) return { reason: 'first', index: target };
  if (target >= state.total) return { reason: 'last', index: target };
  const row = rowAt(state.pages, target);
  return row ? { id: row.id } : { reason: 'loading', index: target };
}
