import { levelList } from './vad';

/**
 * Levels of one channel in three speech bands, per 5 ms part, for the combined voice-activity
 * path (vad-combined.ts). Noise is rarely flat across the spectrum: pink noise and hum sit low,
 * hiss high, while speech has voicing (low), formants (middle) and fricatives (high). Judging each
 * band against its own noise floor finds speech edges that a broadband level misses: an "s" whose
 * energy is all above 2.5 kHz is 20 dB over a pink noise floor there while it is under it overall.
 *
 * Each band is a second-order section pair (RBJ biquads), run sample by sample; their group delay
 * is under a millisecond, far below the 5 ms part.
 */
export const PART_MS = 5;
export const BANDS = ['low', 'mid', 'high'] as const;
export type Band = (typeof BANDS)[number];

/** Band edges in Hz; the high band stops short of the Nyquist frequency. */
const LOW: [number, number] = [150, 900];
const MID: [number, number] = [900, 2500];
const HIGH_FROM = 2500;

/** RBJ biquad coefficients, normalised: [b0, b1, b2, a1, a2]. */
function biquad(kind: 'lowpass' | 'highpass', hz: number, sampleRate: number): Float64Array {
  const w = (2 * Math.PI * Math.min(hz, 0.45 * sampleRate)) / sampleRate;
  const alpha = Math.sin(w) / (2 * Math.SQRT1_2);
  const cos = Math.cos(w);
  const a0 = 1 + alpha;
  const [b0, b1, b2] = kind === 'lowpass' ? [(1 - cos) / 2, 1 - cos, (1 - cos) / 2] : [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2];
  return Float64Array.of(b0 / a0, b1 / a0, b2 / a0, (-2 * cos) / a0, (1 - alpha) / a0);
}

/** Digital silence has no level; this stands in for it. */
export const SILENCE_DB = -140;

/** The mean square of `SILENCE_DB`. */
export const SILENCE_POWER = 10 ** (SILENCE_DB / 10);

function toDb(meanSquare: number): number {
  return meanSquare > 0 ? Math.max(SILENCE_DB, 10 * Math.log10(meanSquare)) : SILENCE_DB;
}

export interface BandLevels {
  /** samples per part. */
  partSamples: number;
  sampleRate: number;
  /** per band, one level (dBFS) per part. */
  levels: Record<Band, Float32Array>;
  /**
   * per band, the same levels as mean squares (never under `SILENCE_POWER`), for the sums of
   * neighbouring parts that the plan and the edges take (an hour is 720,000 parts per band:
   * converting back from dB each time cost more than the filters).
   */
  power: Record<Band, Float32Array>;
  parts: number;
}

export interface BandLevelMeter {
  push(samples: Float32Array): void;
  finish(): BandLevels;
}

export function createBandLevelMeter(sampleRate: number): BandLevelMeter {
  const partSamples = Math.max(1, Math.round((sampleRate * PART_MS) / 1000));
  // six sections: high-pass then low-pass for each band, in BANDS order
  const sections = [
    biquad('highpass', LOW[0], sampleRate),
    biquad('lowpass', LOW[1], sampleRate),
    biquad('highpass', MID[0], sampleRate),
    biquad('lowpass', MID[1], sampleRate),
    biquad('highpass', HIGH_FROM, sampleRate),
    biquad('lowpass', 0.45 * sampleRate, sampleRate),
  ];
  const coefficients = new Float64Array(30);
  sections.forEach((section, i) => coefficients.set(section, 5 * i));
  /** per section: x1, x2, y1, y2 (kept between pushes). */
  const memory = new Float64Array(24);
  const out: Record<Band, ReturnType<typeof levelList>> = { low: levelList(), mid: levelList(), high: levelList() };
  const power: Record<Band, ReturnType<typeof levelList>> = { low: levelList(), mid: levelList(), high: levelList() };
  const sums = new Float64Array(3);
  let inPart = 0;
  const closePart = (count: number): void => {
    BANDS.forEach((band, b) => {
      const meanSquare = (sums[b] ?? 0) / count;
      out[band].push(toDb(meanSquare));
      power[band].push(Math.max(SILENCE_POWER, meanSquare));
    });
    sums.fill(0);
  };
  return {
    push(samples) {
      // the six sections unrolled on locals: this loop runs over every sample of the call
      const c = coefficients;
      const b00 = c[0] ?? 0, b10 = c[1] ?? 0, b20 = c[2] ?? 0, a10 = c[3] ?? 0, a20 = c[4] ?? 0;
      const b01 = c[5] ?? 0, b11 = c[6] ?? 0, b21 = c[7] ?? 0, a11 = c[8] ?? 0, a21 = c[9] ?? 0;
      const b02 = c[10] ?? 0, b12 = c[11] ?? 0, b22 = c[12] ?? 0, a12 = c[13] ?? 0, a22 = c[14] ?? 0;
      const b03 = c[15] ?? 0, b13 = c[16] ?? 0, b23 = c[17] ?? 0, a13 = c[18] ?? 0, a23 = c[19] ?? 0;
      const b04 = c[20] ?? 0, b14 = c[21] ?? 0, b24 = c[22] ?? 0, a14 = c[23] ?? 0, a24 = c[24] ?? 0;
      const b05 = c[25] ?? 0, b15 = c[26] ?? 0, b25 = c[27] ?? 0, a15 = c[28] ?? 0, a25 = c[29] ?? 0;
      let x10 = memory[0] ?? 0, x20 = memory[1] ?? 0, y10 = memory[2] ?? 0, y20 = memory[3] ?? 0;
      let x11 = memory[4] ?? 0, x21 = memory[5] ?? 0, y11 = memory[6] ?? 0, y21 = memory[7] ?? 0;
      let x12 = memory[8] ?? 0, x22 = memory[9] ?? 0, y12 = memory[10] ?? 0, y22 = memory[11] ?? 0;
      let x13 = memory[12] ?? 0, x23 = memory[13] ?? 0, y13 = memory[14] ?? 0, y23 = memory[15] ?? 0;
      let x14 = memory[16] ?? 0, x24 = memory[17] ?? 0, y14 = memory[18] ?? 0, y24 = memory[19] ?? 0;
      let x15 = memory[20] ?? 0, x25 = memory[21] ?? 0, y15 = memory[22] ?? 0, y25 = memory[23] ?? 0;
      let sumLow = sums[0] ?? 0;
      let sumMid = sums[1] ?? 0;
      let sumHigh = sums[2] ?? 0;
      for (let i = 0; i < samples.length; i++) {
        const x = samples[i] ?? 0;
        const y0 = b00 * x + b10 * x10 + b20 * x20 - a10 * y10 - a20 * y20;
        x20 = x10;
        x10 = x;
        y20 = y10;
        y10 = y0;
        const y1 = b01 * y0 + b11 * x11 + b21 * x21 - a11 * y11 - a21 * y21;
        x21 = x11;
        x11 = y0;
        y21 = y11;
        y11 = y1;
        const y2 = b02 * x + b12 * x12 + b22 * x22 - a12 * y12 - a22 * y22;
        x22 = x12;
        x12 = x;
        y22 = y12;
        y12 = y2;
        const y3 = b03 * y2 + b13 * x13 + b23 * x23 - a13 * y13 - a23 * y23;
        x23 = x13;
        x13 = y2;
        y23 = y13;
        y13 = y3;
        const y4 = b04 * x + b14 * x14 + b24 * x24 - a14 * y14 - a24 * y24;
        x24 = x14;
        x14 = x;
        y24 = y14;
        y14 = y4;
        const y5 = b05 * y4 + b15 * x15 + b25 * x25 - a15 * y15 - a25 * y25;
        x25 = x15;
        x15 = y4;
        y25 = y15;
        y15 = y5;
        sumLow += y1 * y1;
        sumMid += y3 * y3;
        sumHigh += y5 * y5;
        if (++inPart === partSamples) {
          sums[0] = sumLow;
          sums[1] = sumMid;
          sums[2] = sumHigh;
          closePart(partSamples);
          sumLow = 0;
          sumMid = 0;
          sumHigh = 0;
          inPart = 0;
        }
      }
      sums[0] = sumLow;
      sums[1] = sumMid;
      sums[2] = sumHigh;
      memory.set([x10, x20, y10, y20, x11, x21, y11, y21, x12, x22, y12, y22, x13, x23, y13, y23, x14, x24, y14, y24, x15, x25, y15, y25]);
    },
    finish() {
      if (inPart > 0) closePart(inPart);
      inPart = 0;
      const levels = { low: out.low.values(), mid: out.mid.values(), high: out.high.values() };
      return { partSamples, sampleRate, levels, power: { low: power.low.values(), mid: power.mid.values(), high: power.high.values() }, parts: levels.low.length };
    },
  };
}
