import { useEffect } from 'react';
import { usePage } from '../pages/store';
import { toast } from '../shared/toast';
import { isShortcutKey } from '../shortcuts/key-target';
import { openNextUnreviewed } from './navigation';
import { useQueue } from './store';

/** The queue's keys on the calls screen: q starts a queue, Shift+J opens the next unreviewed call of the open one. */
export function useQueueKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcutKey(event) || usePage.getState().page !== 'calls') return;
      if (event.key === 'q') {
        event.preventDefault();
        useQueue.getState().openDialog(true);
      } else if (event.key === 'J') {
        event.preventDefault();
        if (useQueue.getState().active) void openNextUnreviewed();
        else toast('No review queue is open: press q to start one.');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
