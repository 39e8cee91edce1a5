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

/**
 * One band over a block: its two sections (coefficients at `c[5 * first ..]`, state at
 * `memory[4 * first ..]`), the squared output summed into `partSums`, one sum per part that ends
 * in the block (`firstEnd` samples in, then every `partSamples`); returns the sum of the part
 * left open at the end. A band per pass keeps its ten coefficients and eight states in
 * registers: the six sections in one loop spilled them and took three times as long.
 */
function runBand(samples: Float32Array, c: Float64Array, memory: Float64Array, first: number, open: number, firstEnd: number, partSamples: number, partSums: Float64Array): number {
  const h = 5 * first;
  const b0 = c[h] ?? 0, b1 = c[h + 1] ?? 0, b2 = c[h + 2] ?? 0, a1 = c[h + 3] ?? 0, a2 = c[h + 4] ?? 0;
  const d0 = c[h + 5] ?? 0, d1 = c[h + 6] ?? 0, d2 = c[h + 7] ?? 0, e1 = c[h + 8] ?? 0, e2 = c[h + 9] ?? 0;
  const m = 4 * first;
  let x1 = memory[m] ?? 0, x2 = memory[m + 1] ?? 0, y1 = memory[m + 2] ?? 0, y2 = memory[m + 3] ?? 0;
  let u1 = memory[m + 4] ?? 0, u2 = memory[m + 5] ?? 0, v1 = memory[m + 6] ?? 0, v2 = memory[m + 7] ?? 0;
  let sum = open;
  let part = 0;
  let nextEnd = firstEnd;
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i] ?? 0;
    const y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    const v = d0 * y + d1 * u1 + d2 * u2 - e1 * v1 - e2 * v2;
    u2 = u1;
    u1 = y;
    v2 = v1;
    v1 = v;
    sum += v * v;
    if (i + 1 === nextEnd) {
      partSums[part++] = sum;
      sum = 0;
      nextEnd += partSamples;
    }
  }
  memory.set([x1, x2, y1, y2, u1, u2, v1, v2], m);
  return sum;
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
  /** per band, the sum of the part still open. */
  const open = new Float64Array(3);
  let inPart = 0;
  let partSums: Float64Array[] = BANDS.map(() => new Float64Array(0));
  const closePart = (low: number, mid: number, high: number, count: number): void => {
    out.low.push(toDb(low / count));
    out.mid.push(toDb(mid / count));
    out.high.push(toDb(high / count));
    power.low.push(Math.max(SILENCE_POWER, low / count));
    power.mid.push(Math.max(SILENCE_POWER, mid / count));
    power.high.push(Math.max(SILENCE_POWER, high / count));
  };
  return {
    push(samples) {
      const firstEnd = partSamples - inPart;
      const ended = samples.length >= firstEnd ? 1 + Math.floor((samples.length - firstEnd) / partSamples) : 0;
      if ((partSums[0]?.length ?? 0) < ended) partSums = BANDS.map(() => new Float64Array(ended));
      BANDS.forEach((_, b) => {
        open[b] = runBand(samples, coefficients, memory, 2 * b, open[b] ?? 0, firstEnd, partSamples, partSums[b] ?? new Float64Array(0));
      });
      const [low, mid, high] = partSums;
      for (let j = 0; j < ended; j++) closePart(low?.[j] ?? 0, mid?.[j] ?? 0, high?.[j] ?? 0, partSamples);
      inPart = (inPart + samples.length) % partSamples;
    },
    finish() {
      if (inPart > 0) closePart(open[0] ?? 0, open[1] ?? 0, open[2] ?? 0, inPart);
      inPart = 0;
      open.fill(0);
      const levels = { low: out.low.values(), mid: out.mid.values(), high: out.high.values() };
      return { partSamples, sampleRate, levels, power: { low: power.low.values(), mid: power.mid.values(), high: power.high.values() }, parts: levels.low.length };
    },
  };
}
