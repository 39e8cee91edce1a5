import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createBandLevelMeter, PART_MS } from '../../src/main/audio/band-levels';
import { seededRandom } from '../../src/core/model/seeded-random';

/* The band levels of the combined path, read block by block as the decoder gives them. */

function tone(samples: number, sampleRate: number): Float32Array {
  const random = seededRandom(3);
  // 300 Hz, 1.5 kHz, 3 kHz and a little noise
  return Float32Array.from({ length: samples }, (_, i) => 0.2 * Math.sin((2 * Math.PI * 300 * i) / sampleRate) + 0.05 * Math.sin((2 * Math.PI * 1500 * i) / sampleRate) + 0.01 * Math.sin((2 * Math.PI * 3000 * i) / sampleRate) + 0.001 * (random() - 0.5));
}

describe('band levels', () => {
  it('are the same however the samples are split into blocks', () => {
    const sampleRate = 8000;
    const samples = tone(sampleRate * 2 + 17, sampleRate);
    const whole = createBandLevelMeter(sampleRate);
    whole.push(samples);
    const expected = whole.finish();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 40 }), (sizes) => {
        const meter = createBandLevelMeter(sampleRate);
        let at = 0;
        for (let i = 0; at < samples.length; i++) {
          const size = sizes[i % sizes.length] ?? 1;
          meter.push(samples.subarray(at, at + size));
          at += size;
        }
        const got = meter.finish();
        expect(got.parts).toBe(expected.parts);
        expect(Array.from(got.levels.mid)).toEqual(Array.from(expected.levels.mid));
        expect(Array.from(got.power.high)).toEqual(Array.from(expected.power.high));
      }),
      { numRuns: 30 },
    );
  });

  it.each([
    { hz: 300, band: 'low' },
    { hz: 1500, band: 'mid' },
    { hz: 5000, band: 'high' },
  ] as const)('put a $hz Hz tone in the $band band at its level, one level per 5 ms part', ({ hz, band }) => {
    const sampleRate = 16000;
    const meter = createBandLevelMeter(sampleRate);
    // amplitude 0.2: -17 dBFS RMS
    meter.push(Float32Array.from({ length: sampleRate }, (_, i) => 0.2 * Math.sin((2 * Math.PI * hz * i) / sampleRate)));
    const { levels, parts } = meter.finish();
    expect(parts).toBe(1000 / PART_MS);
    const middle = parts / 2;
    expect(levels[band][middle]).toBeGreaterThan(-19);
    expect(levels[band][middle]).toBeLessThan(-16.5);
    for (const other of (['low', 'mid', 'high'] as const).filter((b) => b !== band)) expect(levels[other][middle]).toBeLessThan((levels[band][middle] ?? 0) - 6);
  });
});
