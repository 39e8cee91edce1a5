import { useEffect } from 'react';
import type { SavedView } from '../../../core/api/triage-contract';
import { useCallList } from '../calls/store';
import { isShortcutKey } from '../shortcuts/key-target';
import { toast } from '../shared/toast';
import { activeEntry, applyEntry, entryName, viewEntries } from './apply-view';

/** v / Shift+V: the next / previous saved view ("All calls" first, "Flagged" when listed), said in a message as the sidebar may be hidden. */
export function useViewKeys(views: readonly SavedView[], withFlagged: boolean): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'v' && event.key !== 'V') return;
      // Shift is part of the key here, so the check ignores it (isShortcutKey refuses Ctrl, Alt, Meta)
      if (!isShortcutKey(event)) return;
      event.preventDefault();
      const entries = viewEntries(views, withFlagged);
      const { filter, sort } = useCallList.getState();
      const at = activeEntry(entries, { filter, sort });
      const step = event.key === 'V' ? -1 : 1;
      const next = entries[at < 0 ? (step > 0 ? 0 : entries.length - 1) : (at + step + entries.length) % entries.length];
      if (!next) return;
      applyEntry(next);
      toast(`View: ${entryName(next)}`);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [views, withFlagged]);
}
