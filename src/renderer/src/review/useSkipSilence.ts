import { useEffect } from 'react';
import { usePlayer } from './player';

/** While playing with "skip silence" on, a playhead entering a long silence jumps to its end. */
export function useSkipSilence(silences: readonly { start_ms: number; end_ms: number }[]): void {
  useEffect(
    () =>
      usePlayer.subscribe((state, previous) => {
        if (!state.playing || !state.skipSilence || state.currentMs === previous.currentMs) return;
        const inside = silences.find((s) => state.currentMs >= s.start_ms + 150 && state.currentMs < s.end_ms - 300);
        if (inside) state.seek(inside.end_ms - 300);
      }),
    [silences],
  );
}
