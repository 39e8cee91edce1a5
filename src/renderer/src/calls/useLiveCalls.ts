import { useEffect } from 'react';
import { onApiEvent } from '../api';
import { useCallList } from './store';

/** Refreshes the list when calls arrive or change; bursts are folded into one refresh. */
export function useLiveCalls(delayMs = 120): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = onApiEvent('calls.changed', ({ ids, change }) => {
      const state = useCallList.getState();
      if (change === 'deleted' && state.selectedId !== null && ids.includes(state.selectedId)) state.select(null);
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void useCallList.getState().refresh();
      }, delayMs);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [delayMs]);
}
