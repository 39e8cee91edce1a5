import { useEffect } from 'react';
import { create } from 'zustand';
import { spanAt, type MaskSpan } from '../../../core/redaction/mask-spans';
import { usePlayer } from './player';

/**
 * The PII audio preview: while the recording plays, the spans of the findings are muted or
 * covered by a 1 kHz beep. The media element is routed through a GainNode whose changes are
 * scheduled on the AudioContext clock for the spans ahead (so they land on time however busy the
 * page is), and an OscillatorNode's own gain opens over the same spans for the beep. The schedule
 * is rebuilt whenever the playhead jumps, playback starts or stops, or the rate changes.
 */
export const PII_AUDIO_MODES = ['off', 'bleep', 'mute'] as const;
export type PiiAudioMode = (typeof PII_AUDIO_MODES)[number];

interface PiiAudioState {
  mode: PiiAudioMode;
  setMode(mode: PiiAudioMode): void;
  /** off → bleep → mute → off (the `p` key). */
  cycle(): void;
}

export const usePiiAudioMode = create<PiiAudioState>((set, get) => ({
  mode: 'off',
  setMode: (mode) => set({ mode }),
  cycle: () => set({ mode: PII_AUDIO_MODES[(PII_AUDIO_MODES.indexOf(get().mode) + 1) % PII_AUDIO_MODES.length] ?? 'off' }),
}));

const BEEP_HZ = 1000;
/** about -12 dBFS, as in the exported WAV. */
const BEEP_LEVEL = 0.25;
/** ramps, so a gain change does not click. */
const RAMP_S = 0.008;

interface Graph {
  context: AudioContext;
  speech: GainNode;
  beep: GainNode;
}

/** An element can be routed into Web Audio only once: its graph is kept with it. */
const graphs = new WeakMap<HTMLMediaElement, Graph>();

function graphFor(media: HTMLMediaElement): Graph {
  const existing = graphs.get(media);
  if (existing) return existing;
  const context = new AudioContext();
  const speech = context.createGain();
  context.createMediaElementSource(media).connect(speech).connect(context.destination);
  const beep = context.createGain();
  beep.gain.value = 0;
  const oscillator = context.createOscillator();
  oscillator.frequency.value = BEEP_HZ;
  oscillator.connect(beep).connect(context.destination);
  oscillator.start();
  const graph = { context, speech, beep };
  graphs.set(media, graph);
  return graph;
}

/** Holds `param` at `from` until `at`, then ramps to `to` (or sets it at once when `at` is now). */
function rampAt(param: AudioParam, from: number, to: number, at: number, now: number): void {
  if (at <= now) {
    param.setValueAtTime(to, now);
    return;
  }
  param.setValueAtTime(from, Math.max(now, at - RAMP_S));
  param.linearRampToValueAtTime(to, at);
}

function schedule(graph: Graph, media: HTMLMediaElement, spans: readonly MaskSpan[], mode: PiiAudioMode): void {
  const { context, speech, beep } = graph;
  const now = context.currentTime;
  speech.gain.cancelScheduledValues(now);
  beep.gain.cancelScheduledValues(now);
  speech.gain.setValueAtTime(1, now);
  beep.gain.setValueAtTime(0, now);
  if (mode === 'off' || media.paused) return;
  const positionMs = media.currentTime * 1000;
  const rate = media.playbackRate || 1;
  const at = (ms: number): number => now + (ms - positionMs) / 1000 / rate;
  for (const span of spans) {
    if (span.end_ms <= positionMs) continue;
    rampAt(speech.gain, 1, 0, at(span.start_ms), now);
    rampAt(speech.gain, 0, 1, at(span.end_ms), now);
    if (mode === 'bleep') {
      rampAt(beep.gain, 0, BEEP_LEVEL, at(span.start_ms), now);
      rampAt(beep.gain, BEEP_LEVEL, 0, at(span.end_ms), now);
    }
  }
}

/**
 * Keeps the preview's schedule in step with the player for the spans given (sorted, merged), and
 * says whether the playhead is in a covered span now ('active'), outside ('idle'), or the
 * preview is off.
 */
export function usePiiAudio(spans: readonly MaskSpan[]): 'off' | 'active' | 'idle' {
  const mode = usePiiAudioMode((s) => s.mode);
  const inside = usePlayer((s) => spanAt(spans, s.currentMs) !== null);
  const media = usePlayer((s) => s.engine?.media ?? null);
  useEffect(() => {
    // the graph is made only once the preview is wanted: until then the element plays as it is
    if (!media || (mode === 'off' && !graphs.has(media))) return;
    const graph = graphFor(media);
    const update = () => {
      if (!media.paused && graph.context.state === 'suspended') void graph.context.resume();
      schedule(graph, media, spans, mode);
    };
    update();
    const events = ['play', 'playing', 'pause', 'seeked', 'ratechange'] as const;
    for (const event of events) media.addEventListener(event, update);
    return () => {
      for (const event of events) media.removeEventListener(event, update);
      schedule(graph, media, spans, 'off');
    };
  }, [media, mode, spans]);
  return mode === 'off' ? 'off' : inside ? 'active' : 'idle';
}
