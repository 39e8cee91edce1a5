import { useEffect } from 'react';
import { neighbourOf, PAGE_SIZE, useCallList } from '../calls/store';
import { cachedCallList, listPageQuery } from '../calls/pages';
import { queryClient } from '../query/client';
import { PAGE_KEYS, usePage } from '../pages/store';
import { toast } from '../shared/toast';
import { isShortcutKey } from './key-target';
import { useLayout } from '../layout/store';

/** Keys of the review screen; without an open call they cannot act, and say so. */
const REVIEW_KEYS = new Set(['s', 'f', 'n', 'p', '[', ']']);

const NO_NEIGHBOUR = {
  empty: 'No calls in the list.',
  first: 'This is the first call in the list.',
  last: 'This is the last call in the list.',
  loading: 'Loading more calls… press again in a moment.',
} as const;

/** j / k: the next or previous call in the list's order; at either end, a message instead. */
function step(direction: 1 | -1): void {
  const state = useCallList.getState();
  const next = neighbourOf({ ...cachedCallList(queryClient), selectedId: state.selectedId }, direction);
  if ('id' in next) {
    state.select(next.id);
    return;
  }
  // read the page the next call is on, for the next press
  if (next.reason === 'loading') void queryClient.prefetchQuery(listPageQuery(Math.floor(next.index / PAGE_SIZE), state.sort, state.filter));
  toast(NO_NEIGHBOUR[next.reason]);
}

/** The app-wide keys: Ctrl+1 / 2 / 3 (Overview, Calls, Compare), Ctrl+E (evaluators), ? (shortcuts), \ (collapse the list), j / k, and review keys with no call open. */
export function useAppKeys(openShortcuts: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'e') {
        event.preventDefault();
        const pages = usePage.getState();
        pages.open(pages.page === 'evaluators' ? 'calls' : 'evaluators');
        return;
      }
      const page = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey ? PAGE_KEYS[event.key] : undefined;
      if (page) {
        event.preventDefault();
        usePage.getState().open(page);
        return;
      }
      if (!isShortcutKey(event)) return;
      if (event.key === '?') {
        openShortcuts();
        return;
      }
      if (usePage.getState().page !== 'calls') return;
      if (event.key === '\\') {
        event.preventDefault();
        useLayout.getState().toggleListCollapsed();
        return;
      }
      if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        step(event.key === 'j' ? 1 : -1);
        return;
      }
      if (REVIEW_KEYS.has(event.key) && useCallList.getState().selectedId === null) {
        event.preventDefault();
        toast('Open a call first: click a row, or press j.');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openShortcuts]);
}
