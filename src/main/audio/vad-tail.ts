import { BANDS, type BandLevels } from './band-levels';

/**
 * A speech end's weak tail, found by accumulating evidence over parts rather than judging each
 * part alone (docs/METRICS.md "Audio"). A reply's last syllable often fades into the line's noise:
 * at 8 kHz under pink noise at -36 dBFS, its last 60-130 ms are only 0 to +3 dB over the noise, so
 * no single 5 ms part is reliably over a bar set above the noise's own peaks, and the end was
 * placed that much early. A one-sided CUSUM (Page's test) per band sums, part by part, how far the
 * power is over `ratio` times the noise's mean power: speech at the noise's level adds about 0.7 a
 * part, noise alone takes away 0.3 on average, so the sum peaks where the speech ends. The end
 * moves to that peak when the sum reached `evidence` (over noise alone, one end in 200 moved, by
 * 25 ms: vad-tail.test.ts). On a clean line the noise's mean is floored at the combined path's
 * absolute floor, so a strong end stays where it was; in babble the test is not run
 * (`noiseMeanPower`).
 */
export interface TailOptions {
  /** power over this many times the noise's mean power counts for the tail. */
  ratio: number;
  /** the sum a tail must reach to move the end. */
  evidence: number;
  /** the sum may fall this far under its peak before the search stops. */
  giveUp: number;
  /** the noise is steady enough for the test when its 50 ms sums spread no more than this. */
  steadyDb: number;
}

export const DEFAULT_TAIL_OPTIONS: TailOptions = { ratio: 1.3, evidence: 2.5, giveUp: 4, steadyDb: 2 };

/** Parts of noise summed together to judge how steady it is: 50 ms. */
const STEADY_PARTS = 10;

/**
 * Per band, the mean power of the noise parts (indices), leaving out those over four times their
 * median (a click or a breath in the noise must not raise the reference); NaN where there are none,
 * or where the noise is not steady: where its sums over 50 ms of noise parts spread more than
 * `steadyDb` from their median to their 90th percentile. Pink noise or hiss spreads about 1 dB;
 * babble, a room of voices whose syllables come and go, several: there a tail cannot be told from
 * the next voice in the room.
 */
export function noiseMeanPower(levels: BandLevels, noise: ArrayLike<number>, steadyDb = DEFAULT_TAIL_OPTIONS.steadyDb): number[] {
  const values = new Float32Array(noise.length);
  const sums = new Float32Array(Math.floor(noise.length / STEADY_PARTS));
  return BANDS.map((band) => {
    if (noise.length === 0) return Number.NaN;
    const power = levels.power[band];
    for (let i = 0; i < noise.length; i++) values[i] = power[noise[i] ?? 0] ?? 0;
    if (sums.length >= 4) {
      sums.fill(0);
      values.forEach((value, i) => {
        const group = Math.floor(i / STEADY_PARTS);
        if (group < sums.length) sums[group] = (sums[group] ?? 0) + value;
      });
      sums.sort();
      const spread = 10 * Math.log10((sums[Math.floor(0.9 * sums.length)] ?? 0) / (sums[Math.floor(sums.length / 2)] ?? 1));
      if (!(spread <= steadyDb)) return Number.NaN;
    }
    const sorted = values.slice().sort();
    const cap = 4 * (sorted[Math.floor(sorted.length / 2)] ?? 0);
    let sum = 0;
    let count = 0;
    for (const value of sorted) {
      if (value > cap) break;
      sum += value;
      count++;
    }
    return count > 0 ? sum / count : Number.NaN;
  });
}

/**
 * The part where one band's evidence peaks, walking on from `from` up to `limit` (exclusive);
 * null where the evidence never reaches `options.evidence`.
 */
function evidencePeak(power: Float32Array, reference: number, from: number, limit: number, options: TailOptions): number | null {
  let sum = 0;
  let peak = 0;
  let peakAt = from;
  for (let k = from; k < limit; k++) {
    sum += (power[k] ?? 0) / reference - 1;
    if (sum > peak) {
      peak = sum;
      peakAt = k;
    } else if (sum < peak - options.giveUp) break;
  }
  return peak >= options.evidence ? peakAt : null;
}

/**
 * The end (a part index, exclusive) of the tail that runs on from `end`, searched up to `limit`;
 * `end` itself where no band shows one. The noise's mean power is never taken under `floorDb`
 * (dBFS per 5 ms part).
 */
export function tailEnd(levels: BandLevels, noise: readonly number[], end: number, limit: number, floorDb: number, options: TailOptions = DEFAULT_TAIL_OPTIONS): number {
  const floor = 10 ** (floorDb / 10);
  let latest = end;
  BANDS.forEach((band, b) => {
    const reference = options.ratio * Math.max(noise[b] ?? Number.NaN, floor);
    if (Number.isNaN(reference)) return;
    const peak = evidencePeak(levels.power[band], reference, end, Math.min(limit, levels.parts), options);
    if (peak !== null) latest = Math.max(latest, peak + 1);
  });
  return latest;
}
