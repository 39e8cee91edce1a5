import { useEffect } from 'react';
import { onApiEvent } from '../api';
import { useCallList } from './store';

/** Refreshes the list when calls arrive or change; bursts are folded into one refresh. */
export function useLiveCalls(delayMs = 120): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refreshSoon = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void useCallList.getState().refresh();
      }, delayMs);
    };
    const offCalls = onApiEvent('calls.changed', ({ ids, change }) => {
      const state = useCallList.getState();
      if (change === 'deleted' && state.selectedId !== null && ids.includes(state.selectedId)) state.select(null);
      refreshSoon();
    });
    // analysis fills the list's audio figures; a reconnect may have missed any change
    const offAudio = onApiEvent('audio.changed', ({ status }) => {
      if (status === 'done' || status === 'failed') refreshSoon();
    });
    const offResync = onApiEvent('resync', refreshSoon);
    return () => {
      offCalls();
      offAudio();
      offResync();
      if (timer) clearTimeout(timer);
    };
  }, [delayMs]);
}
