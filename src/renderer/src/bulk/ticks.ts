import { create } from 'zustand';
import { toast } from '../shared/toast';

/** The most calls ticked at once: what one bulk request may name (the API's limit). */
export const MAX_TICKED = 10_000;

interface TicksState {
  /** the ticked calls, by id: kept through scrolling, sorting and filtering. */
  ticked: ReadonlySet<number>;
  /** the call last ticked or unticked by hand: where a shift-click range starts. */
  anchorId: number | null;
  /** ticks (`on`) or unticks these calls; `anchorId` moves the range's start. */
  setTicked(ids: readonly number[], on: boolean, anchorId?: number): void;
  toggle(id: number): void;
  /** forgets calls that are gone (deleted). */
  forget(ids: readonly number[]): void;
  clear(): void;
}

/**
 * The ticked calls (issue 14): the calls a bulk action works on. UI state only: the calls
 * themselves are read through the query cache; a tick is an id, so a million-call list costs nothing.
 */
export const useTicks = create<TicksState>((set, get) => ({
  ticked: new Set(),
  anchorId: null,
  setTicked(ids, on, anchorId) {
    const ticked = new Set(get().ticked);
    for (const id of ids) {
      if (!on) ticked.delete(id);
      else if (ticked.size < MAX_TICKED) ticked.add(id);
      else {
        toast(`At most ${MAX_TICKED.toLocaleString('en-US')} calls can be ticked at once.`);
        break;
      }
    }
    set({ ticked, anchorId: anchorId ?? get().anchorId });
  },
  toggle(id) {
    get().setTicked([id], !get().ticked.has(id), id);
  },
  forget(ids) {
    if (!ids.some((id) => get().ticked.has(id))) return;
    const ticked = new Set(get().ticked);
    for (const id of ids) ticked.delete(id);
    set({ ticked });
  },
  clear: () => set({ ticked: new Set(), anchorId: null }),
}));
