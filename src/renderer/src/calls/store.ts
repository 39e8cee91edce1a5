import { create } from 'zustand';
import type { CallListFilter, CallPage, CallSortColumn } from '../../../core/api/types';
import { api } from '../api';

/**
 * The call list's state: sort and filter (applied in SQL), the total, and the pages fetched so
 * far. Only the pages the table scrolls over are ever fetched.
 */
export const PAGE_SIZE = 100;
/** Pages kept on each side of the rows in view; farther ones are dropped (and re-fetched if scrolled back to). */
export const KEPT_PAGES_AROUND_VIEW = 5;

/** A listed call with its newest evaluator results (the list's result columns). */
export type CallListItem = CallPage['rows'][number];

export interface CallSort {
  column: CallSortColumn;
  direction: 'asc' | 'desc';
}

interface CallListState {
  sort: CallSort;
  filter: CallListFilter;
  total: number | null;
  /** false while `total` is only a lower bound (the count is still on its way) */
  totalExact: boolean;
  pages: Record<number, CallListItem[]>;
  /** bumps on every sort/filter change so late answers for an old query are dropped. */
  generation: number;
  error: string | null;
  /** the pages the rows in view span (a refresh re-reads these) */
  viewPages: [number, number];
  /** false until the first page of the first query answered: until then nothing is known, not even "empty". */
  ready: boolean;
  selectedId: number | null;
  setSort(sort: CallSort): void;
  setFilter(filter: CallListFilter): void;
  select(id: number | null): void;
  ensureRange(firstIndex: number, lastIndex: number): void;
  refresh(): Promise<void>;
}

const inFlight = new Set<string>();

export const useCallList = create<CallListState>((set, get) => {
  async function fetchPage(page: number, generation: number): Promise<void> {
    const key = `${generation}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    try {
      const { sort, filter } = get();
      // The page does not wait for the count: a count scans every match, a page only its rows.
      const result = await api.listCalls({ offset: page * PAGE_SIZE, limit: PAGE_SIZE, sort, filter, count: 'bound' });
      if (get().generation !== generation) return;
      set((state) => ({
        ...(result.total_exact ? { total: result.total, totalExact: true } : state.totalExact ? {} : { total: Math.max(state.total ?? 0, result.total) }),
        pages: { ...state.pages, [page]: result.rows },
        error: null,
        ready: true,
      }));
    } catch (error) {
      if (get().generation === generation) set({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      inFlight.delete(key);
    }
  }

  /** Counts the matches in the background; a count asked while one runs is asked again after it. */
  let counting: { generation: number; again: boolean } | null = null;
  async function fetchCount(generation: number): Promise<void> {
    if (counting && counting.generation === generation) {
      counting.again = true;
      return;
    }
    counting = { generation, again: false };
    try {
      const { total } = await api.countCalls({ filter: get().filter });
      if (get().generation === generation) set({ total, totalExact: true });
    } catch (error) {
      if (get().generation === generation) set({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      const again = counting?.generation === generation && counting.again;
      counting = null;
      if (again && get().generation === generation) void fetchCount(generation);
    }
  }

  function restart(patch: Partial<CallListState>): void {
    const generation = get().generation + 1;
    set({ ...patch, generation, pages: {}, total: null, totalExact: false });
    void fetchPage(0, generation);
    void fetchCount(generation);
  }

  return {
    sort: { column: 'started_at', direction: 'desc' },
    filter: {},
    total: null,
    totalExact: false,
    pages: {},
    generation: 0,
    error: null,
    ready: false,
    selectedId: null,
    viewPages: [0, 0],
    setSort: (sort) => restart({ sort }),
    setFilter: (filter) => restart({ filter }),
    select: (selectedId) => set({ selectedId }),
    ensureRange(firstIndex, lastIndex) {
      const { pages, generation } = get();
      const firstPage = Math.floor(firstIndex / PAGE_SIZE);
      const lastPage = Math.floor(lastIndex / PAGE_SIZE);
      if (get().viewPages[0] !== firstPage || get().viewPages[1] !== lastPage) set({ viewPages: [firstPage, lastPage] });
      for (let page = firstPage; page <= lastPage; page++) {
        if (!pages[page]) void fetchPage(page, generation);
      }
      // Memory follows the view, not the store: pages far from it go (a jump fetches by position).
      const far = Object.keys(pages).map(Number).filter((page) => page < firstPage - KEPT_PAGES_AROUND_VIEW || page > lastPage + KEPT_PAGES_AROUND_VIEW);
      if (far.length > 0) {
        set((state) => ({ pages: Object.fromEntries(Object.entries(state.pages).filter(([page]) => !far.includes(Number(page)))) }));
      }
    },
    async refresh() {
      // Re-read the pages in view so new calls slot into place in SQL order; the kept pages beyond
      // the view may have shifted, so they go and are fetched again if scrolled to.
      const { viewPages: [firstPage, lastPage], generation } = get();
      set((state) => ({ pages: Object.fromEntries(Object.entries(state.pages).filter(([page]) => Number(page) >= firstPage && Number(page) <= lastPage)) }));
      const inView = Array.from({ length: lastPage - firstPage + 1 }, (_, i) => firstPage + i);
      await Promise.all([...inView.map((page) => fetchPage(page, generation)), fetchCount(generation)]);
    },
  };
});

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
export function neighbourOf(state: Pick<CallListState, 'pages' | 'selectedId' | 'total'>, step: 1 | -1): Neighbour {
  if (!state.total) return { reason: 'empty', index: -1 };
  const current = indexOfCall(state.pages, state.selectedId);
  const target = current < 0 ? 0 : current + step;
  if (target < 0) return { reason: 'first', index: target };
  if (target >= state.total) return { reason: 'last', index: target };
  const row = rowAt(state.pages, target);
  return row ? { id: row.id } : { reason: 'loading', index: target };
}
