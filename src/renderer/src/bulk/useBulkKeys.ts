import { useEffect } from 'react';
import { useCallList } from '../calls/store';
import { usePage } from '../pages/store';
import { isShortcutKey } from '../shortcuts/key-target';
import { toast } from '../shared/toast';
import { callsText } from './actions';
import { useTicks } from './ticks';

/** x ticks or unticks the open call (the selection stays where it is); Escape clears every tick, with Undo. */
export function useBulkKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcutKey(event) || usePage.getState().page !== 'calls') return;
      if (event.key === 'x') {
        event.preventDefault();
        const open = useCallList.getState().selectedId;
        if (open === null) toast('Open a call first: click a row, or press j.');
        else useTicks.getState().toggle(open);
        return;
      }
      // a dialog or an open menu takes Escape for itself
      if (event.key !== 'Escape' || document.querySelector('dialog[open]')) return;
      const { ticked, setTicked, clear } = useTicks.getState();
      if (ticked.size === 0) return;
      const was = [...ticked];
      clear();
      toast(`Cleared the ticks of ${callsText(was.length)}.`, { label: 'Undo', run: () => setTicked(was, true) });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
