import type { FrameLevels } from '../../core/metrics/line-quality';

/** Full scale, for clipping: a sample this close to ±1 was cut off by the line or the encoder. */
const CLIPPED = 0.999;
/** The level of a frame of digital silence (below any 24-bit noise). */
const SILENCE_DB = -140;

export interface LineMeter {
  push(samples: Float32Array): void;
  finish(): FrameLevels;
}

/**
 * One channel's frame levels (20 ms, RMS dBFS) and clipped samples, taken chunk by chunk in the
 * analysis pass (an hour is 180,000 floats per channel).
 */
export function createLineMeter(sampleRate: number, frameMs = 20): LineMeter {
  const frameSamples = Math.max(1, Math.round((sampleRate * frameMs) / 1000));
  let levels = new Float32Array(1024);
  let count = 0;
  let sum = 0;
  let filled = 0;
  let clipped = 0;
  let samples = 0;
  const close = (frameSum: number, frameCount: number) => {
    if (count === levels.length) {
      const grown = new Float32Array(levels.length * 2);
      grown.set(levels);
      levels = grown;
    }
    const meanSquare = frameSum / frameCount;
    levels[count++] = meanSquare > 0 ? 10 * Math.log10(meanSquare) : SILENCE_DB;
  };
  return {
    push(block) {
      samples += block.length;
      // the running sums on locals: this loop runs over every sample of the call
      let total = sum;
      let inFrame = filled;
      let clips = 0;
      for (let i = 0; i < block.length; i++) {
        const x = block[i] ?? 0;
        if (x >= CLIPPED || x <= -CLIPPED) clips++;
        total += x * x;
        if (++inFrame === frameSamples) {
          close(total, inFrame);
          total = 0;
          inFrame = 0;
        }
      }
      sum = total;
      filled = inFrame;
      clipped += clips;
    },
    finish() {
      if (filled > 0) close(sum, filled);
      sum = 0;
      filled = 0;
      return { levels: levels.subarray(0, count), frameMs, clippedSamples: clipped, samples };
    },
  };
}
