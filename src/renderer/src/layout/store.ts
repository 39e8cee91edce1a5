import { create } from 'zustand';
import { z } from 'zod';
import type { ColumnPrefs } from './column-order';

/**
 * How the window is laid out: the list's width and whether it is collapsed, the call pane's open
 * tab, and the list's columns. UI state, kept on this machine (localStorage) across reloads.
 */

export const CALL_TABS = ['metrics', 'overlaps', 'details', 'pii', 'evaluations', 'notes'] as const;
export type CallTab = (typeof CALL_TABS)[number];

const KEY = 'callscope.layout';

// each field falls back on its own: one bad value does not lose the others
const Stored = z.object({
  listWidth: z.number().int().positive().nullable().catch(null),
  listCollapsed: z.boolean().catch(false),
  callTab: z.enum(CALL_TABS).catch('metrics'),
  columns: z.object({ order: z.array(z.string()).catch([]), hidden: z.array(z.string()).catch([]) }).catch({ order: [], hidden: [] }),
});
type Stored = z.infer<typeof Stored>;

function read(): Stored {
  try {
    return Stored.parse(JSON.parse(localStorage.getItem(KEY) ?? '{}'));
  } catch {
    return Stored.parse({});
  }
}

interface LayoutState extends Stored {
  /** the list's width in px, or null for the default that suits the window. */
  setListWidth(width: number | null): void;
  setListCollapsed(collapsed: boolean): void;
  toggleListCollapsed(): void;
  setCallTab(tab: CallTab): void;
  setColumns(columns: ColumnPrefs): void;
}

export const useLayout = create<LayoutState>((set, get) => ({
  ...read(),
  setListWidth: (listWidth) => set({ listWidth, listCollapsed: false }),
  setListCollapsed: (listCollapsed) => set({ listCollapsed }),
  toggleListCollapsed: () => set({ listCollapsed: !get().listCollapsed }),
  setCallTab: (callTab) => set({ callTab }),
  setColumns: (columns) => set({ columns: { order: [...columns.order], hidden: [...columns.hidden] } }),
}));

useLayout.subscribe(({ listWidth, listCollapsed, callTab, columns }) => {
  try {
    localStorage.setItem(KEY, JSON.stringify({ listWidth, listCollapsed, callTab, columns } satisfies Stored));
  } catch {
    // a full or disabled storage loses only the layout, which has its defaults
  }
});
