import { create } from 'zustand';
import type { SavedView } from '../../../core/api/triage-contract';

const HIDDEN_KEY = 'callscope.saved-views-hidden';

/** The saved-views sidebar as the user left it: shown or hidden (kept across restarts), and the view just deleted (for Undo). */
interface SavedViewsState {
  hidden: boolean;
  /** the view deleted last, until it is put back or another goes */
  deleted: SavedView | null;
  setHidden(hidden: boolean): void;
  setDeleted(view: SavedView | null): void;
}

export const useSavedViews = create<SavedViewsState>((set) => ({
  hidden: localStorage.getItem(HIDDEN_KEY) === 'true',
  deleted: null,
  setHidden(hidden) {
    localStorage.setItem(HIDDEN_KEY, String(hidden));
    set({ hidden });
  },
  setDeleted: (deleted) => set({ deleted }),
}));
