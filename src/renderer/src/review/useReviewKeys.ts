import { useEffect } from 'react';
import { isShortcutKey } from '../shortcuts/key-target';
import { toast } from '../shared/toast';
import { usePlayer } from './player';
import { seekMarker } from './Controls';
import type { Marker } from './markers';
import { usePiiAudioMode } from './usePiiAudio';

/**
 * The review screen's keys: space, ←/→, [ and ], s/f, n, t, p (j/k and ? live at the app level).
 * They act wherever focus is but in text entry and dialogs; a key that cannot act says why.
 */
export function useReviewKeys(options: { markers: Marker[]; mark(verdict: 'success' | 'failure'): void; focusNote(): void; focusTags(): void }): void {
  const { markers, mark, focusNote, focusTags } = options;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcutKey(event)) return;
      const player = usePlayer.getState();
      switch (event.key) {
        case ' ':
          if (!player.engine) toast('The player is still loading.');
          player.toggle();
          break;
        case 'ArrowLeft':
          player.seek(player.currentMs - 5000);
          break;
        case 'ArrowRight':
          player.seek(player.currentMs + 5000);
          break;
        case '[':
        case ']': {
          const direction = event.key === ']' ? 1 : -1;
          if (!seekMarker(markers, direction)) toast(markers.length === 0 ? 'This call has no markers.' : direction > 0 ? 'No more markers after the playhead.' : 'No marker before the playhead.');
          break;
        }
        case 's':
          mark('success');
          break;
        case 'f':
          mark('failure');
          break;
        case 'n':
          focusNote();
          break;
        case 't':
          focusTags();
          break;
        case 'p':
          usePiiAudioMode.getState().cycle();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [markers, mark, focusNote, focusTags]);
}
