/**
 * Waveform peaks in wavesurfer.js's precomputed-peaks style: per channel one Float32Array of
 * interleaved [min, max] pairs, one pair per window of sampleRate / peaksPerSecond samples (the
 * last window may be shorter). Window k covers samples [floor(k·r), floor((k+1)·r)) with
 * r = sampleRate / peaksPerSecond, so fractional ratios (22050 / 100) do not drift.
 */

export interface PeaksAccumulator {
  /** The next block of samples, one array per channel, all of the same length. */
  push(block: readonly Float32Array[]): void;
  /** The pairs so far, per channel, trimmed to the windows seen. */
  finish(): Float32Array[];
}

/**
 * `expectedFrames`, when known (WAV), sizes the output once; otherwise (MP3) it grows by doubling.
 */
export function createPeaksAccumulator(
  sampleRate: number,
  peaksPerSecond: number,
  channelCount: number,
  expectedFrames: number | null = null,
): PeaksAccumulator {
  if (!(peaksPerSecond > 0)) throw new Error(`peaksPerSecond must be positive, got ${peaksPerSecond}`);
  // at most one window per sample
  const windowsPerSecond = Math.min(peaksPerSecond, sampleRate);
  const ratio = sampleRate / windowsPerSecond;
  const windowEnd = (window: number): number => Math.floor((window + 1) * ratio);
  const initialWindows = expectedFrames === null ? 1024 : Math.max(1, Math.ceil(expectedFrames / ratio));
  let pairs = Array.from({ length: channelCount }, () => new Float32Array(2 * initialWindows));
  const running = Array.from({ length: channelCount }, () => ({ min: Infinity, max: -Infinity }));
  let window = 0; // the window being filled
  let end = windowEnd(0); // its exclusive end, as a frame index
  let frame = 0; // frames pushed so far
  let open = false; // whether the current window has samples

  const store = (): void => {
    if (2 * window + 2 > (pairs[0]?.length ?? 0)) {
      pairs = pairs.map((old) => {
        const grown = new Float32Array(old.length * 2);
        grown.set(old);
        return grown;
      });
    }
    running.forEach((extent, c) => {
      const out = pairs[c];
      if (!out) return;
      out[2 * window] = extent.min;
      out[2 * window + 1] = extent.max;
      extent.min = Infinity;
      extent.max = -Infinity;
    });
    window += 1;
    end = windowEnd(window);
    open = false;
  };

  return {
    push(block) {
      const length = block[0]?.length ?? 0;
      let i = 0;
      while (i < length) {
        const stop = Math.min(length, i + (end - frame));
        for (let c = 0; c < channelCount; c++) {
          const samples = block[c];
          const extent = running[c];
          if (!samples || !extent) continue;
          let min = extent.min;
          let max = extent.max;
          for (let j = i; j < stop; j++) {
            const value = samples[j] ?? 0;
            if (value < min) min = value;
            if (value > max) max = value;
          }
          extent.min = min;
          extent.max = max;
        }
        frame += stop - i;
        i = stop;
        open = true;
        if (frame === end) store();
      }
    },
    finish() {
      if (open) store();
      return pairs.map((out) => (out.length === 2 * window ? out : out.slice(0, 2 * window)));
    },
  };
}

/** Peaks of whole channels at once. */
export function computePeaks(channels: readonly Float32Array[], sampleRate: number, peaksPerSecond: number): Float32Array[] {
  const accumulator = createPeaksAccumulator(sampleRate, peaksPerSecond, channels.length, channels[0]?.length ?? 0);
  accumulator.push(channels);
  return accumulator.finish();
}
