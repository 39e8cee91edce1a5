import { describe, expect, it } from 'vitest';
import { PART_MS, type BandLevels } from '../../src/main/audio/band-levels';
import { combinedSpans, DEFAULT_COMBINED_OPTIONS } from '../../src/main/audio/vad-combined';
import { noiseMeanPower, tailEnd } from '../../src/main/audio/vad-tail';
import { seededRandom } from '../../src/core/model/seeded-random';
import { bandLevelsFrom } from '../support/band-levels';

/*
 * A weak last syllable fading into the line's noise (vad-tail.ts). The noise here is what a 5 ms
 * part of band-passed noise is: its power scatters like a chi-squared with ten degrees of freedom
 * (a band about 1 kHz wide), so single parts run 3-4 dB over the mean, as on a real line.
 */
const PARTS = 2000;
const NOISE_POWER = 10 ** (-45 / 10);
const FREEDOM = 10;

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
}

/** Band levels: chi-squared noise plus `speechPower(part)` times the noise's mean power. */
function levelsOf(speechPower: (part: number) => number, seed: number, noisePower = NOISE_POWER): BandLevels {
  const random = seededRandom(seed);
  return bandLevelsFrom(PARTS, (k) => {
    let squares = 0;
    for (let d = 0; d < FREEDOM; d++) squares += gaussian(random) ** 2;
    return Math.max(1e-14, noisePower * (squares / FREEDOM) + speechPower(k) * NOISE_POWER);
  });
}

/** The model's probability: speech from `from` to `to` (parts), late by 10 parts at the start; it lets go at `offAt`. */
function modelHeard(from: number, offAt: number): Float32Array {
  return Float32Array.from({ length: PARTS }, (_, k) => (k >= from + 10 && k < offAt ? 0.9 : 0.05));
}

/** The parts the combined path would measure the noise on: all but those in [from, to). */
const outside = (from: number, to: number): number[] => Array.from({ length: PARTS }, (_, k) => k).filter((k) => k < from || k >= to);
const everyPart = outside(0, 0);
/** The combined path's absolute floor, under which the noise's mean is never taken. */
const FLOOR_DB = DEFAULT_COMBINED_OPTIONS.absoluteDb;

describe('the weak tail of a speech end', () => {
  it('runs on to where a tail at the noise\'s own level ends', () => {
    // a vowel 30 dB over the noise ends at part 1000; 100 ms of tail as strong as the noise follows
    const errors = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => {
      const levels = levelsOf((k) => (k >= 600 && k < 1000 ? 1000 : k >= 1000 && k < 1020 ? 1 : 0), seed);
      const noise = noiseMeanPower(levels, outside(580, 1040));
      return (tailEnd(levels, noise, 1000, 1040, FLOOR_DB) - 1020) * PART_MS;
    });
    for (const error of errors) expect(Math.abs(error)).toBeLessThanOrEqual(25);
  });

  it('seldom moves an end over noise alone', () => {
    const moved = Array.from({ length: 200 }, (_, i) => {
      const levels = levelsOf((k) => (k >= 600 && k < 1000 ? 1000 : 0), 100 + i);
      const noise = noiseMeanPower(levels, outside(580, 1000));
      return tailEnd(levels, noise, 1000, 1040, FLOOR_DB) - 1000;
    });
    expect(moved.filter((parts) => parts * PART_MS > 10).length).toBeLessThanOrEqual(4);
  });

  it('leaves a clean end alone: on digital silence the floor is the reference', () => {
    const levels = levelsOf((k) => (k >= 600 && k < 1000 ? 1000 : 0), 9, 1e-14);
    const noise = noiseMeanPower(levels, outside(580, 1000));
    expect(tailEnd(levels, noise, 1000, 1040, FLOOR_DB)).toBe(1000);
  });

  it('takes no reference from noise that comes and goes like a room of voices (babble)', () => {
    // steady noise, then the same with a syllable 9 dB up in one 50 ms stretch of three
    const steady = levelsOf(() => 0, 21);
    const babble = levelsOf((k) => (Math.floor(k / 10) % 3 === 0 ? 7 : 0), 21);
    expect(noiseMeanPower(steady, everyPart).every((p) => p > 0)).toBe(true);
    expect(noiseMeanPower(babble, everyPart).every(Number.isNaN)).toBe(true);
  });

  it('has no reference without noise to measure, and then moves nothing', () => {
    const levels = levelsOf((k) => (k >= 1000 && k < 1020 ? 1 : 0), 3);
    expect(noiseMeanPower(levels, []).every(Number.isNaN)).toBe(true);
    expect(noiseMeanPower(levels, everyPart).every((p) => p > 0)).toBe(true);
    expect(tailEnd(levels, [Number.NaN, Number.NaN, Number.NaN], 1000, 1040, FLOOR_DB)).toBe(1000);
  });

  it('is where the combined path ends a reply whose last syllable fades into the noise', () => {
    // after the vowel, 120 ms of a last syllable 1.5 dB under the noise's mean power (the line shows
    // it 2.3 dB over the noise alone); part by part, most of it was lost
    const ends = [11, 12, 13, 14, 15, 16].map((seed) => {
      const levels = levelsOf((k) => (k >= 600 && k < 1000 ? 1000 : k >= 1000 && k < 1024 ? 0.7 : 0), seed);
      return combinedSpans(levels, modelHeard(600, 1040))[0]?.end_ms ?? 0;
    });
    for (const end of ends) expect(end).toBeGreaterThanOrEqual(1016 * PART_MS);
    for (const end of ends) expect(end).toBeLessThanOrEqual(1030 * PART_MS);
  });
});
