import { create } from 'zustand';
import type { CallListFilter, CallPage, CallSortColumn } from '../../../core/api/types';
import { api } from '../api';

/**
 * The call list's state: sort and filter (applied in SQL), the total, and the pages fetched so
 * far. Only the pages the table scrolls over are ever fetched.
 */
export const PAGE_SIZE = 100;

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
  pages: Record<number, CallListItem[]>;
  /** bumps on every sort/filter change so late answers for an old query are dropped. */
  generation: number;
  error: string | null;
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
      const result = await api.listCalls({ offset: page * PAGE_SIZE, limit: PAGE_SIZE, sort, filter });
      if (get().generation !== generation) return;
      set((state) => ({ total: result.total, pages: { ...state.pages, [page]: result.rows }, error: null, ready: true }));
    } catch (error) {
      if (get().generation === generation) set({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      inFlight.delete(key);
    }
  }

  function restart(patch: Partial<CallListState>): void {
    const generation = get().generation + 1;
    set({ ...patch, generation, pages: {}, total: null });
    void fetchPage(0, generation);
  }

  return {
    sort: { column: 'started_at', direction: 'desc' },
    filter: {},
    total: null,
    pages: {},
    generation: 0,
    error: null,
    ready: false,
    selectedId: null,
    setSort: (sort) => restart({ sort }),
    setFilter: (filter) => restart({ filter }),
    select: (selectedId) => set({ selectedId }),
    ensureRange(firstIndex, lastIndex) {
      const { pages, generation } = get();
      for (let page = Math.floor(firstIndex / PAGE_SIZE); page <= Math.floor(lastIndex / PAGE_SIZE); page++) {
        if (!pages[page]) void fetchPage(page, generation);
      }
    },
    async refresh() {
      // Re-read every page on screen so new calls slot into place in SQL order.
      const { pages, generation } = get();
      const loaded = Object.keys(pages).map(Number);
      await Promise.all((loaded.length > 0 ? loaded : [0]).map((page) => fetchPage(page, generation)));
    },
  };
});

export function rowAt(pages: Record<number, CallListItem[]>, index: number): CallListItem | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

export type Neighbour = { id: number } | { reason: 'empty' | 'first' | 'last' | 'loading'; index: number };

/** The call `step` rows away from the selected one in the current list order, or why there is none. */
export function neighbourOf(state: Pick<CallListState, 'pages' | 'selectedId' | 'total'>, step: 1 | -1): Neighbour {
  if (!state.total) return { reason: 'empty', index: -1 };
  let current = -1;
  for (const [page, rows] of Object.entries(state.pages)) {
    const i = rows.findIndex((row) => row.id === state.selectedId);
    if (i >= 0) current = Number(page) * PAGE_SIZE + i;
  }
  const target = current < 0 ? 0 : current + step;
  if (target < 0) return { reason: 'first', index: target };
  if (target >= state.total) return { reason: 'last', index: target };
  const row = rowAt(state.pages, target);
  return row ? { id: row.id } : { reason: 'loading', index: target };
}
