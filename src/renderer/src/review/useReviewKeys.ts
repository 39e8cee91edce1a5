import { useEffect } from 'react';
import { isTyping } from '../calls/SearchBox';
import { usePlayer } from './player';
import { seekMarker } from './Controls';
import type { Marker } from './markers';
import { usePiiAudioMode } from './usePiiAudio';

/** The review screen's keys: space, ←/→, [ and ], s/f, n, p. (j/k and ? live at the app level.) */
export function useReviewKeys(options: { markers: Marker[]; mark(verdict: 'success' | 'failure'): void; focusNote(): void }): void {
  const { markers, mark, focusNote } = options;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.metaKey || event.ctrlKey || event.altKey) return;
      const player = usePlayer.getState();
      switch (event.key) {
        case ' ':
          player.toggle();
          break;
        case 'ArrowLeft':
          player.seek(player.currentMs - 5000);
          break;
        case 'ArrowRight':
          player.seek(player.currentMs + 5000);
          break;
        case '[':
          seekMarker(markers, -1);
          break;
        case ']':
          seekMarker(markers, 1);
          break;
        case 's':
          mark('success');
          break;
        case 'f':
          mark('failure');
          break;
        case 'n':
          focusNote();
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
  }, [markers, mark, focusNote]);
}
