import { useSyncExternalStore } from 'react';

/**
 * The waveform's colours. wavesurfer paints them on a canvas and in a shadow root, where a
 * stylesheet's var() cannot reach, so they are read from the theme's tokens (theme/tokens.css)
 * on the document element and read again when the theme changes.
 */
export interface WaveformColors {
  wave: string;
  progress: string;
  callerWave: string;
  callerProgress: string;
  cursor: string;
  minimapWave: string;
  minimapProgress: string;
  agentTurn: string;
  callerTurn: string;
  silence: string;
  interruption: string;
  latency: string;
  markerText: string;
}

function readColors(): WaveformColors {
  const style = getComputedStyle(document.documentElement);
  const token = (name: `--${string}`) => style.getPropertyValue(name).trim();
  return {
    wave: token('--wave'),
    progress: token('--wave-progress'),
    callerWave: token('--wave-caller'),
    callerProgress: token('--wave-caller-progress'),
    cursor: token('--wave-cursor'),
    minimapWave: token('--wave-minimap'),
    minimapProgress: token('--wave-minimap-progress'),
    agentTurn: token('--wave-agent-turn'),
    callerTurn: token('--wave-caller-turn'),
    silence: token('--wave-silence'),
    interruption: token('--marker-interruption'),
    latency: token('--marker-latency'),
    markerText: token('--marker-text'),
  };
}

let current: WaveformColors | null = null;
const listeners = new Set<() => void>();
let observer: MutationObserver | null = null;

/** Keeps the last colours while they are unchanged, so a theme switch that leaves them alone redraws nothing. */
function refresh(): void {
  const next = readColors();
  if (current && JSON.stringify(current) === JSON.stringify(next)) return;
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!observer) {
    // the theme toggle switches themes through data-theme on the document element
    observer = new MutationObserver(refresh);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    refresh(); // the theme may have changed while nothing listened
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    observer?.disconnect();
    observer = null;
  };
}

const snapshot = () => (current ??= readColors());

/** The waveform's colours under the current theme; a new object only when a theme change changes them. */
export function useWaveformColors(): WaveformColors {
  return useSyncExternalStore(subscribe, snapshot);
}
