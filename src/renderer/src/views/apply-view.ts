import type { CallListFilter } from '../../../core/api/types';
import type { SavedView } from '../../../core/api/triage-contract';
import { useCallList, type CallSort } from '../calls/store';
import { isEmptyFilter, sameView } from './view-match';

/** "All calls", then the saved views in their order: what the sidebar lists and `v` cycles through. */
export type ViewEntry = { kind: 'all' } | { kind: 'saved'; view: SavedView };

export function viewEntries(views: readonly SavedView[]): ViewEntry[] {
  return [{ kind: 'all' }, ...views.map((view) => ({ kind: 'saved' as const, view }))];
}

/**
 * Which entry the list shows now: the first saved view with this filter and sort, else "All
 * calls" when nothing filters; -1 when the list shows no entry (a filter not saved).
 */
export function activeEntry(entries: readonly ViewEntry[], current: { filter: CallListFilter; sort: CallSort }): number {
  const saved = entries.findIndex((e) => e.kind === 'saved' && sameView(e.view, current));
  if (saved >= 0) return saved;
  return isEmptyFilter(current.filter) ? entries.findIndex((e) => e.kind === 'all') : -1;
}

/** Shows an entry: a saved view sets filter and sort; "All calls" drops every filter and the search, keeping the sort. */
export function applyEntry(entry: ViewEntry): void {
  const list = useCallList.getState();
  if (entry.kind === 'all') {
    list.setFilter({});
    return;
  }
  list.setSort(entry.view.sort);
  list.setFilter(entry.view.filter);
}

export const entryName = (entry: ViewEntry): string => (entry.kind === 'all' ? 'All calls' : entry.view.name);
