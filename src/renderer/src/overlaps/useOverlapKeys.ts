import { useEffect } from 'react';
import { flushSync } from 'react-dom';
import { isShortcutKey } from '../shortcuts/key-target';
import { toast } from '../shared/toast';
import { usePlayer } from '../review/player';
import { useLayout } from '../layout/store';
import { CLASS_KEYS } from './classes';
import { labelOverlap, type Overlap } from './label';
import { useOverlapSelection } from './store';

/** The first overlap after the playhead (o), or the last before it (Shift+O). */
function neighbour(overlaps: readonly Overlap[], fromMs: number, direction: 1 | -1): Overlap | undefined {
  return direction > 0 ? overlaps.find((o) => o.at_ms > fromMs + 1) : [...overlaps].reverse().find((o) => o.at_ms < fromMs - 1);
}

/**
 * Issue 16's keys on the review screen: o / Shift+O go to the next / previous overlap (the
 * Overlaps tab opens, the playhead moves there); c confirms its class; 1-4 set barge-in,
 * backchannel, agent talk-over, false cut-off.
 */
export function useOverlapKeys(callId: number, overlaps: readonly Overlap[]): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcutKey(event)) return;
      const selection = useOverlapSelection.getState();
      if (event.key === 'o' || event.key === 'O') {
        event.preventDefault();
        const from = selection.selectedAt ?? usePlayer.getState().currentMs;
        const next = neighbour(overlaps, from, event.key === 'o' ? 1 : -1);
        if (!next) {
          toast(overlaps.length === 0 ? 'This call has no overlaps.' : event.key === 'o' ? 'No more overlaps after this one.' : 'No overlap before this one.');
          return;
        }
        flushSync(() => useLayout.getState().setCallTab('overlaps'));
        selection.select(next.at_ms);
        usePlayer.getState().seek(next.at_ms);
        return;
      }
      const label = event.key === 'c' ? 'confirm' : CLASS_KEYS.get(event.key);
      if (!label) return;
      event.preventDefault();
      const overlap = overlaps.find((o) => o.at_ms === selection.selectedAt);
      if (!overlap) {
        toast(overlaps.length === 0 ? 'This call has no overlaps.' : 'Go to an overlap first: press o.');
        return;
      }
      labelOverlap(callId, overlap, label === 'confirm' ? overlap.class : label);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [callId, overlaps]);
}
