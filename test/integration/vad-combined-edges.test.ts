import { describe, expect, it } from 'vitest';
import { PART_MS, type BandLevels } from '../../src/main/audio/band-levels';
import { combinedSpans } from '../../src/main/audio/vad-combined';
import { seededRandom } from '../../src/core/model/seeded-random';
import { bandLevelsFrom } from '../support/band-levels';

/*
 * Where the combined path puts a speech stretch's end (docs/METRICS.md "Audio"), on band levels
 * built part by part: steady noise at -50 dBFS (±1 dB), speech at -20 dBFS, and the model's
 * speech probability, which lets go 200 ms after the speech ends as Silero does.
 */
const PARTS = 2000;
const NOISE_DB = -50;

function levelsOf(dbAt: (part: number) => number | null, seed = 7): BandLevels {
  const random = seededRandom(seed);
  return bandLevelsFrom(PARTS, (k) => 10 ** ((dbAt(k) ?? NOISE_DB + (random() * 2 - 1)) / 10));
}

/** The model's probability: speech from `from` to `to` (parts), late by 10 parts at the start and 40 at the end. */
function modelHeard(from: number, to: number): Float32Array {
  return Float32Array.from({ length: PARTS }, (_, k) => (k >= from + 10 && k < to + 40 ? 0.9 : 0.05));
}

describe('the end of a speech stretch on the combined path', () => {
  it('is where the speech ends, not at a noise peak in the stretch the model still calls speech', () => {
    // speech in parts 600-999; one 5 ms noise peak 8 dB over the noise 100 ms after it ends
    const levels = levelsOf((k) => (k >= 600 && k < 1000 ? -20 : k === 1020 ? NOISE_DB + 8 : null));
    const [span] = combinedSpans(levels, modelHeard(600, 1000));
    expect(span?.end_ms).toBeGreaterThanOrEqual(1000 * PART_MS - 10);
    expect(span?.end_ms).toBeLessThanOrEqual(1000 * PART_MS + 10);
  });

  it('keeps a weak last sound after a short dip (a fricative after its vowel)', () => {
    // the vowel ends at part 1000, 30 ms of dip, then 120 ms of "s" 4.5 dB over the noise
    const levels = levelsOf((k) => (k >= 600 && k < 1000 ? -20 : k >= 1006 && k < 1030 ? NOISE_DB + 4.5 : null));
    const [span] = combinedSpans(levels, modelHeard(600, 1030));
    expect(span?.end_ms).toBeGreaterThanOrEqual(1030 * PART_MS - 10);
    expect(span?.end_ms).toBeLessThanOrEqual(1030 * PART_MS + 10);
  });

  it('does not run on over a dip longer than a word\'s closure to a weak sound', () => {
    // 150 ms of noise after the speech, then 40 ms of a weak sound 4.5 dB over it
    const levels = levelsOf((k) => (k >= 600 && k < 1000 ? -20 : k >= 1030 && k < 1038 ? NOISE_DB + 4.5 : null));
    const [span] = combinedSpans(levels, modelHeard(600, 1000));
    expect(span?.end_ms).toBeLessThanOrEqual(1000 * PART_MS + 10);
  });
});
