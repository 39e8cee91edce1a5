import { create } from 'zustand';

/**
 * The playhead of the open call. With a recording, wavesurfer drives it; without one, a clock
 * does (so the transcript still follows along and markers still seek). Everything that seeks,
 * plays or reads the time goes through here.
 */
export interface PlayerEngine {
  play(): void;
  pause(): void;
  seekMs(ms: number): void;
  setRate(rate: number): void;
  /** the element playing the recording, when there is one (the PII audio preview routes it). */
  media?: HTMLMediaElement;
}

interface PlayerState {
  currentMs: number;
  durationMs: number;
  playing: boolean;
  rate: number;
  skipSilence: boolean;
  engine: PlayerEngine | null;
  attach(engine: PlayerEngine | null, durationMs: number): void;
  /** the engine reports progress. */
  tick(ms: number, playing: boolean): void;
  seek(ms: number): void;
  toggle(): void;
  setRate(rate: number): void;
  setSkipSilence(skip: boolean): void;
}

export const usePlayer = create<PlayerState>((set, get) => ({
  currentMs: 0,
  durationMs: 0,
  playing: false,
  rate: 1,
  skipSilence: false,
  engine: null,
  attach: (engine, durationMs) => {
    engine?.setRate(get().rate);
    set({ engine, durationMs, currentMs: 0, playing: false });
  },
  tick: (ms, playing) => set({ currentMs: ms, playing }),
  seek: (ms) => {
    const clamped = Math.max(0, Math.min(ms, get().durationMs || ms));
    get().engine?.seekMs(clamped);
    set({ currentMs: clamped });
  },
  toggle: () => {
    const { engine, playing } = get();
    if (!engine) return;
    if (playing) engine.pause();
    else engine.play();
    set({ playing: !playing });
  },
  setRate: (rate) => {
    get().engine?.setRate(rate);
    set({ rate });
  },
  setSkipSilence: (skipSilence) => set({ skipSilence }),
}));

/** A playhead without audio: advances with wall-clock time at the playback rate. */
export function clockEngine(durationMs: number, report: (ms: number, playing: boolean) => void): PlayerEngine & { dispose(): void } {
  let position = 0;
  let rate = 1;
  let frame: number | null = null;
  let last = 0;
  const step = (now: number) => {
    position = Math.min(durationMs, position + (now - last) * rate);
    last = now;
    const ended = position >= durationMs;
    report(position, !ended);
    frame = ended ? null : requestAnimationFrame(step);
  };
  return {
    play() {
      if (frame !== null) return;
      last = performance.now();
      frame = requestAnimationFrame(step);
    },
    pause() {
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
      report(position, false);
    },
    seekMs(ms) {
      position = ms;
      report(position, frame !== null);
    },
    setRate(next) {
      rate = next;
    },
    dispose() {
      if (frame !== null) cancelAnimationFrame(frame);
    },
  };
}
