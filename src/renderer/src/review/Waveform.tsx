import { useEffect, useRef, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin, { type Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import TimelinePlugin from 'wavesurfer.js/dist/plugins/timeline.esm.js';
import MinimapPlugin from 'wavesurfer.js/dist/plugins/minimap.esm.js';
import type { GenericPlugin } from 'wavesurfer.js/dist/base-plugin.js';
import type { Turn } from '../../../core/model/call';
import type { CallMedia } from '../../../core/api/types';
import { fetchPeaks, mediaUrls } from '../api';
import { clockEngine, usePlayer } from './player';
import type { Marker } from './markers';
import { lanesOf } from './lanes';
import { useWaveformColors, type WaveformColors } from './theme-colors';

const LONG_CALL_MS = 10 * 60 * 1000;

type Regions = ReturnType<typeof RegionsPlugin.create>;

interface Props {
  callId: number;
  media: CallMedia;
  turns: Turn[];
  markers: Marker[];
  silences: { start_ms: number; end_ms: number }[];
  fallbackDurationMs: number;
}

/**
 * One lane per channel (agent, caller) drawn from the precomputed peaks, so a long recording is
 * interactive at once; the audio streams with Range requests. Turns are shaded by speaker,
 * silences greyed, and markers (interruptions red, slow replies amber) are buttons that seek.
 * Without a recording the same markers sit on a timeline built from the turn times.
 */
export function Waveform({ callId, media, turns, markers, silences, fallbackDurationMs }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [zoom, setZoom] = useState(0);
  const wavesurfer = useRef<WaveSurfer | null>(null);
  const colors = useWaveformColors();
  /** the waveform once its duration is laid out: overlays are placed by time. */
  const [drawn, setDrawn] = useState<Regions | null>(null);

  // The waveform and the player are built once per call and recording (the duration from the
  // turns matters only without one) and theme; the overlays below come and go on their own.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let disposed = false;
    let disposeClock: (() => void) | null = null;
    setStatus('loading');
    void (async () => {
      const peaks = media.audio && media.peaks ? await fetchPeaks(callId) : null;
      if (disposed) return;
      const durationMs = peaks?.durationMs || media.duration_ms || fallbackDurationMs;
      const lanes = lanesOf(peaks?.channels ?? [new Float32Array(2)], media.agent_channel, peaks !== null);
      const channels = lanes.map((lane) => lane.peaks);
      const regions = RegionsPlugin.create();
      const plugins: GenericPlugin[] = [regions, TimelinePlugin.create({ height: 16 })];
      if (durationMs > LONG_CALL_MS) plugins.push(MinimapPlugin.create({ height: 24, waveColor: colors.minimapWave, progressColor: colors.minimapProgress }));
      const ws = WaveSurfer.create({
        container: element,
        height: channels.length > 1 ? 56 : 80,
        waveColor: colors.wave,
        progressColor: colors.progress,
        cursorColor: colors.cursor,
        cursorWidth: 2,
        normalize: true,
        interact: true,
        dragToSeek: true,
        peaks: channels,
        duration: durationMs / 1000,
        // crossorigin: the PII audio preview feeds the element into Web Audio, which needs a CORS-clean source in the desktop app.
        ...(peaks && media.audio ? { url: mediaUrls(callId).audio, backend: 'MediaElement' as const, media: Object.assign(document.createElement('audio'), { crossOrigin: 'anonymous' }) } : {}),
        ...(channels.length > 1
          ? { splitChannels: lanes.map((lane) => ({ waveColor: lane.label === 'Agent' ? colors.wave : colors.callerWave, progressColor: lane.label === 'Agent' ? colors.progress : colors.callerProgress })) }
          : {}),
        plugins,
      });
      wavesurfer.current = ws;
      const player = usePlayer.getState();
      if (peaks && media.audio) {
        player.attach(
          {
            play: () => void ws.play(),
            pause: () => ws.pause(),
            seekMs: (ms) => ws.setTime(ms / 1000),
            setRate: (rate) => ws.setPlaybackRate(rate, true),
            media: ws.getMediaElement() ?? undefined,
          },
          durationMs,
        );
        ws.on('timeupdate', (seconds) => usePlayer.getState().tick(seconds * 1000, ws.isPlaying()));
        ws.on('finish', () => usePlayer.getState().tick(durationMs, false));
      } else {
        const clock = clockEngine(durationMs, (ms, playing) => {
          ws.setTime(ms / 1000);
          usePlayer.getState().tick(ms, playing);
        });
        disposeClock = clock.dispose;
        player.attach(clock, durationMs);
        ws.on('interaction', (seconds) => usePlayer.getState().seek(seconds * 1000));
      }
      ws.on('ready', () => !disposed && setStatus('ready'));
      ws.on('error', () => !disposed && setStatus('error'));
      // peaks and duration are known up front: the waveform is drawn before any audio loads
      ws.once('redrawcomplete', () => !disposed && setStatus('ready'));

      // Regions are placed by the duration, which wavesurfer knows only once the peaks are laid out.
      const laidOut = () => {
        if (!disposed && ws.getDuration() > 0) setDrawn(regions);
      };
      ws.on('ready', laidOut);
      ws.on('redrawcomplete', laidOut);
      ws.on('decode', laidOut);
      regions.on('region-clicked', (region, event) => {
        event.stopPropagation();
        usePlayer.getState().seek(region.start * 1000);
      });
    })().catch(() => !disposed && setStatus('error'));
    return () => {
      disposed = true;
      setDrawn(null);
      disposeClock?.();
      usePlayer.getState().attach(null, 0);
      try {
        wavesurfer.current?.destroy();
      } catch {
        // a waveform torn down while still loading: nothing left to release
      }
      wavesurfer.current = null;
    };
  }, [callId, media, fallbackDurationMs, colors]);

  useOverlay(drawn, colors, turns, drawTurn);
  useOverlay(drawn, colors, silences, drawSilence);
  useOverlay(drawn, colors, markers, drawMarker);

  useEffect(() => {
    if (status === 'ready' && wavesurfer.current) wavesurfer.current.zoom(zoom);
  }, [zoom, status]);

  // the agent's lane is on top, whatever its channel (lanesOf reorders the peaks the same way)
  const lanes = media.peaks && (media.channels ?? 1) > 1 ? ['Agent', 'Caller'] : [media.peaks ? 'Mixed' : 'Turns'];
  return (
    <section className="waveform" aria-label="Waveform" data-status={status} data-lanes={lanes.length}>
      <div className="lanes">
        <div className="lane-labels" aria-hidden="true">
          {lanes.map((lane) => (
            <span key={lane}>{lane}</span>
          ))}
        </div>
        <div ref={container} className="wave" />
      </div>
      <label className="zoom">
        Zoom
        <input type="range" min={0} max={400} step={10} value={zoom} onChange={(e) => setZoom(Number(e.target.value))} aria-label="Zoom" />
      </label>
      {status === 'error' && <p role="alert" className="error">The recording could not be loaded.</p>}
      {!media.audio && <p className="muted small">No recording: markers are placed on the turn times.</p>}
      {media.audio && !media.peaks && <p className="muted small">The recording is not analysed yet: the waveform appears when it is.</p>}
    </section>
  );
}

/** Regions drawn from `items` once the waveform is laid out, redrawn (these alone) when `items` change. */
function useOverlay<T>(regions: Regions | null, colors: WaveformColors, items: readonly T[], draw: (regions: Regions, item: T, colors: WaveformColors) => Region | null): void {
  useEffect(() => {
    if (!regions) return;
    const drawn = items.flatMap((item) => draw(regions, item, colors) ?? []);
    return () => drawn.forEach((region) => region.remove());
  }, [regions, colors, items, draw]);
}

/** A turn shaded by speaker (agent and caller only). */
function drawTurn(regions: Regions, turn: Turn, colors: WaveformColors): Region | null {
  if ((turn.role !== 'agent' && turn.role !== 'user') || turn.start_ms === null || turn.end_ms === null) return null;
  return regions.addRegion({ start: turn.start_ms / 1000, end: turn.end_ms / 1000, color: turn.role === 'agent' ? colors.agentTurn : colors.callerTurn, drag: false, resize: false });
}

function drawSilence(regions: Regions, silence: { start_ms: number; end_ms: number }, colors: WaveformColors): Region {
  return regions.addRegion({ start: silence.start_ms / 1000, end: silence.end_ms / 1000, color: colors.silence, drag: false, resize: false });
}

/** A marker: a labelled point that is a button (Enter or a click seeks to it), above the shading. */
function drawMarker(regions: Regions, marker: Marker, colors: WaveformColors): Region {
  const label = document.createElement('span');
  label.textContent = marker.kind === 'latency' ? `${Math.round(marker.ms)} ms` : '!';
  // wavesurfer draws in a shadow root, where the page's stylesheet does not reach, and a
  // marker region has no width: without these the label wraps ("2405 / ms").
  Object.assign(label.style, { whiteSpace: 'nowrap', display: 'inline-block', fontSize: '10px', fontWeight: '700', padding: '0 3px', borderRadius: '3px', color: colors.markerText, background: marker.kind === 'interruption' ? colors.interruption : colors.latency });
  const region = regions.addRegion({ start: marker.at_ms / 1000, color: marker.kind === 'interruption' ? colors.interruption : colors.latency, content: label, drag: false, resize: false });
  region.element?.setAttribute('role', 'button');
  region.element?.setAttribute('aria-label', marker.label);
  region.element?.setAttribute('tabindex', '0');
  region.element?.classList.add('marker', marker.kind);
  // markers stay above the turn and silence shading whichever layer was drawn last
  if (region.element) region.element.style.zIndex = '1';
  region.element?.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') usePlayer.getState().seek(marker.at_ms);
  });
  return region;
}
