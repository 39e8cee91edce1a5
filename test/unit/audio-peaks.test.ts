import { describe, expect, it } from 'vitest';
import { computePeaks, createPeaksAccumulator } from '../../src/main/audio/peaks';

/** The expected pairs, computed the slow way from the window rule floor(k·r)..floor((k+1)·r). */
function slowPeaks(samples: Float32Array, sampleRate: number, peaksPerSecond: number): number[] {
  const ratio = sampleRate / peaksPerSecond;
  const pairs: number[] = [];
  for (let k = 0; Math.floor(k * ratio) < samples.length; k++) {
    const window = Array.from(samples.subarray(Math.floor(k * ratio), Math.floor((k + 1) * ratio)));
    pairs.push(Math.min(...window), Math.max(...window));
  }
  return pairs;
}

describe('computePeaks', () => {
  it('gives one min/max pair per window of a ramp: its first and last sample', () => {
    const ramp = Float32Array.from({ length: 1000 }, (_, i) => -1 + (2 * i) / 999);
    const [peaks] = computePeaks([ramp], 1000, 10);
    expect(peaks).toHaveLength(20);
    for (let k = 0; k < 10; k++) {
      expect(peaks?.[2 * k]).toBeCloseTo(ramp[100 * k] ?? NaN, 6);
      expect(peaks?.[2 * k + 1]).toBeCloseTo(ramp[100 * k + 99] ?? NaN, 6);
    }
  });

  it('finds the amplitude of a sine in every window, per channel', () => {
    const rate = 16000;
    const left = Float32Array.from({ length: rate }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 100 * i) / rate));
    const right = Float32Array.from({ length: rate }, (_, i) => 0.25 * Math.sin((2 * Math.PI * 100 * i) / rate));
    const peaks = computePeaks([left, right], rate, 50); // 320 samples: two whole periods per window
    expect(peaks).toHaveLength(2);
    expect(peaks[0]).toHaveLength(100);
    for (let k = 0; k < 50; k++) {
      expect(peaks[0]?.[2 * k]).toBeCloseTo(-0.5, 3);
      expect(peaks[0]?.[2 * k + 1]).toBeCloseTo(0.5, 3);
      expect(peaks[1]?.[2 * k]).toBeCloseTo(-0.25, 3);
      expect(peaks[1]?.[2 * k + 1]).toBeCloseTo(0.25, 3);
    }
  });

  it('does not drift when a window is a fractional number of samples, and keeps the short last window', () => {
    const rate = 22050; // 220.5 samples per window at 100 per second
    const samples = Float32Array.from({ length: 22050 + 100 }, (_, i) => Math.sin(i * 0.37) * (1 - i / 30000));
    const [peaks] = computePeaks([samples], rate, 100);
    const expected = slowPeaks(samples, rate, 100);
    expect(expected).toHaveLength(2 * 101);
    expect(Array.from(peaks ?? [])).toEqual(expected.map((value) => Math.fround(value)));
  });

  it('gives the same pairs pushed in uneven blocks as all at once', () => {
    const rate = 8000;
    const left = Float32Array.from({ length: 12345 }, (_, i) => Math.sin(i * 0.011) * Math.cos(i * 0.5));
    const right = Float32Array.from({ length: 12345 }, (_, i) => Math.cos(i * 0.023));
    const whole = computePeaks([left, right], rate, 30);
    const accumulator = createPeaksAccumulator(rate, 30, 2); // length unknown: it grows
    const sizes = [1, 266, 267, 1000, 7, 4000, 6804];
    let at = 0;
    for (const size of sizes) {
      accumulator.push([left.subarray(at, at + size), right.subarray(at, at + size)]);
      at += size;
    }
    expect(at).toBe(12345);
    expect(accumulator.finish()).toEqual(whole);
  });

  it('gives nothing for no samples and refuses a non-positive rate of peaks', () => {
    expect(computePeaks([new Float32Array(0)], 16000, 100)).toEqual([new Float32Array(0)]);
    expect(() => createPeaksAccumulator(16000, 0, 1)).toThrow(/peaksPerSecond/);
  });

  it('gives at most one pair per sample', () => {
    const samples = Float32Array.from([0.1, -0.2, 0.3]);
    const [peaks] = computePeaks([samples], 3, 1000);
    expect(Array.from(peaks ?? [])).toEqual([0.1, 0.1, -0.2, -0.2, 0.3, 0.3].map((value) => Math.fround(value)));
  });
});
