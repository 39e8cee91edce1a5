import { create } from 'zustand';

/** The screens of the main area: the fleet's Overview, the Calls list, Compare (two sets), the Evaluators page. */
export type Page = 'overview' | 'calls' | 'compare' | 'evaluators';

interface PageState {
  page: Page;
  open(page: Page): void;
}

/** Which screen is shown. The app opens on Calls, the screen an analyst works in. */
export const usePage = create<PageState>((set) => ({
  page: 'calls',
  open: (page) => set({ page }),
}));

/** Ctrl+1 / Ctrl+2 / Ctrl+3 open these, in the order of the page tabs. */
export const PAGE_KEYS: Readonly<Record<string, Page>> = { '1': 'overview', '2': 'calls', '3': 'compare' };
