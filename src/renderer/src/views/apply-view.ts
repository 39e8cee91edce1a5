import type { CallListFilter } from '../../../core/api/types';
import type { SavedView } from '../../../core/api/triage-contract';
import { useCallList, type CallSort } from '../calls/store';
import { filterKey, isEmptyFilter, sameView } from './view-match';

/**
 * "All calls", "Flagged" (the calls a watch rule flagged: listed once a rule watches or a call is
 * flagged), then the saved views in their order: what the sidebar lists and `v` cycles through.
 */
export type ViewEntry = { kind: 'all' } | { kind: 'flagged' } | { kind: 'saved'; view: SavedView };

/** The built-in Flagged view's filter. */
export const FLAGGED_FILTER: CallListFilter = { flagged: true };

export function viewEntries(views: readonly SavedView[], withFlagged = false): ViewEntry[] {
  return [{ kind: 'all' }, ...(withFlagged ? [{ kind: 'flagged' as const }] : []), ...views.map((view) => ({ kind: 'saved' as const, view }))];
}

/**
 * Which entry the list shows now: the first saved view with this filter and sort, else "All
 * calls" when nothing filters; -1 when the list shows no entry (a filter not saved).
 */
export function activeEntry(entries: readonly ViewEntry[], current: { filter: CallListFilter; sort: CallSort }): number {
  const saved = entries.findIndex((e) => e.kind === 'saved' && sameView(e.view, current));
  if (saved >= 0) return saved;
  if (filterKey(current.filter) === filterKey(FLAGGED_FILTER)) {
    const flagged = entries.findIndex((e) => e.kind === 'flagged');
    if (flagged >= 0) return flagged;
  }
  return isEmptyFilter(current.filter) ? entries.findIndex((e) => e.kind === 'all') : -1;
}

/**
 * Shows an entry: a saved view sets filter and sort; "All calls" drops every filter and the search,
 * keeping the sort; "Flagged" lists the flagged calls (the sidebar marks their flags seen).
 */
export function applyEntry(entry: ViewEntry): void {
  const list = useCallList.getState();
  if (entry.kind === 'all' || entry.kind === 'flagged') {
    list.setFilter(entry.kind === 'all' ? {} : FLAGGED_FILTER);
    return;
  }
  list.setSort(entry.view.sort);
  list.setFilter(entry.view.filter);
}

export const entryName = (entry: ViewEntry): string => (entry.kind === 'all' ? 'All calls' : entry.kind === 'flagged' ? 'Flagged' : entry.view.name);
