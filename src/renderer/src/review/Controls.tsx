import { formatOffset } from '../shared/format';
import { usePlayer } from './player';
import type { Marker } from './markers';
import { markerAnnouncement } from './problems';
import { toast } from '../shared/toast';
import { PII_AUDIO_MODES, usePiiAudioMode } from './usePiiAudio';

const RATES = [0.5, 0.75, 1, 1.25, 1.5, 2];

/** Play/pause, time, speed, skip silence, previous/next marker. */
export function Controls({ markers }: { markers: Marker[] }) {
  const { playing, currentMs, durationMs, rate, skipSilence, toggle, setRate, setSkipSilence } = usePlayer();
  const { mode: piiAudio, setMode: setPiiAudio } = usePiiAudioMode();
  return (
    <div className="controls" role="toolbar" aria-label="Playback">
      <button type="button" className="button play" onClick={toggle}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <span className="mono time" aria-label="Playback time" data-ms={Math.round(currentMs)}>
        {formatOffset(currentMs)} / {formatOffset(durationMs)}
      </span>
      <label>
        Speed{' '}
        <select aria-label="Playback speed" value={rate} onChange={(e) => setRate(Number(e.target.value))}>
          {RATES.map((r) => (
            <option key={r} value={r}>
              {r}×
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={skipSilence} onChange={(e) => setSkipSilence(e.target.checked)} /> Skip silence
      </label>
      <label title="Mute or bleep the personal data found while playing (p)">
        PII{' '}
        <select aria-label="PII audio" value={piiAudio} onChange={(e) => setPiiAudio(PII_AUDIO_MODES.find((m) => m === e.target.value) ?? 'off')}>
          {PII_AUDIO_MODES.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button small" aria-label="Previous marker" onClick={() => seekMarker(markers, -1)} title="Previous marker ([)">
        ◀ Marker
      </button>
      <button type="button" className="button small" aria-label="Next marker" onClick={() => seekMarker(markers, 1)} title="Next marker (])">
        Marker ▶
      </button>
    </div>
  );
}

/** While playing, "previous" within this long after a marker means the one before it. */
export const PREVIOUS_MARKER_GRACE_MS = 1000;

/**
 * The marker to jump to from the playhead. Going back while playing skips the marker just passed
 * (the playhead has moved on since the last jump, so that marker would always win: the user
 * could never get further back than it).
 */
export function markerTarget(markers: readonly Marker[], currentMs: number, direction: 1 | -1, playing: boolean): Marker | undefined {
  if (direction > 0) return markers.find((m) => m.at_ms > currentMs + 50);
  const slack = playing ? PREVIOUS_MARKER_GRACE_MS : 50;
  return markers.findLast((m) => m.at_ms < currentMs - slack);
}

/** Seeks to the next (or previous) marker from the playhead and says what it is; false when there is none. */
export function seekMarker(markers: readonly Marker[], direction: 1 | -1): boolean {
  const { currentMs, playing, seek } = usePlayer.getState();
  const target = markerTarget(markers, currentMs, direction, playing);
  if (target) {
    seek(target.at_ms);
    toast(markerAnnouncement(target));
  }
  return target !== undefined;
}
