import { BANDS, type Band, type BandLevels } from '../../src/main/audio/band-levels';

/**
 * Band levels built part by part, for tests of the combined path's edges: `powerAt(k)` is the mean
 * square of part `k`, asked band by band (every part of the first band, then the next), so a seeded
 * random source draws in the same order each run. An 8 kHz channel's 5 ms parts.
 */
export function bandLevelsFrom(parts: number, powerAt: (part: number) => number): BandLevels {
  const levels: Record<Band, Float32Array> = { low: new Float32Array(parts), mid: new Float32Array(parts), high: new Float32Array(parts) };
  const power: Record<Band, Float32Array> = { low: new Float32Array(parts), mid: new Float32Array(parts), high: new Float32Array(parts) };
  for (const band of BANDS) {
    for (let k = 0; k < parts; k++) {
      const value = powerAt(k);
      power[band][k] = value;
      levels[band][k] = 10 * Math.log10(value);
    }
  }
  return { partSamples: 40, sampleRate: 8000, levels, power, parts };
}
