import { describe, expect, it } from 'vitest';
import { lineQuality, lineFigures } from '../../../src/core/metrics/line-quality';
import { createLineMeter } from '../../../src/main/audio/line-meter';

/** Issue 16: line quality from frame levels; the meter on signals whose levels are known. */

const RATE = 8000;

function tone(ms: number, amplitude: number): Float32Array {
  return Float32Array.from({ length: (RATE * ms) / 1000 }, (_, i) => amplitude * Math.sin((2 * Math.PI * 440 * i) / RATE));
}

/** Square-ish noise at a known RMS: ±rms, signs from a fixed sequence (a square wave's RMS is its amplitude). */
function noise(ms: number, rms: number): Float32Array {
  let state = 7;
  return Float32Array.from({ length: (RATE * ms) / 1000 }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % 2 === 0 ? rms : -rms;
  });
}

const dbfs = (rms: number) => 20 * Math.log10(rms);

function measure(parts: Float32Array[]) {
  const meter = createLineMeter(RATE);
  for (const part of parts) meter.push(part); // in blocks, as the decoder hands them over
  return meter.finish();
}

describe('line quality', () => {
  it('reads the speech level, the noise floor and their difference, in dBFS', () => {
    // 2 s of noise at -50 dBFS, 1 s of a tone at 0.5 amplitude (RMS 0.354: -9.0 dBFS), 2 s of noise
    const frames = measure([noise(2000, 10 ** (-50 / 20)), tone(1000, 0.5), noise(2000, 10 ** (-50 / 20))]);
    expect(frames.levels.length).toBe(250); // 5 s of 20 ms frames
    const quality = lineQuality(frames, [{ start_ms: 2000, end_ms: 3000 }]);
    expect(quality.noise_dbfs).toBeCloseTo(-50, 0);
    expect(quality.speech_dbfs).toBeCloseTo(dbfs(0.5 / Math.SQRT2), 0);
    expect(quality.snr_db).toBeCloseTo((quality.speech_dbfs ?? 0) - (quality.noise_dbfs ?? 0), 5);
    expect(quality.clipping_share).toBe(0);
    expect(quality.dead_air_ms).toBe(0);
  });

  it('counts samples at full scale as clipped, and a muted stretch of 2 s or more as dead air', () => {
    const clipped = Float32Array.from(tone(1000, 1.5), (x) => Math.max(-1, Math.min(1, x)));
    const frames = measure([clipped, new Float32Array(RATE * 3), noise(1000, 0.001), new Float32Array(RATE * 1.5)]);
    const quality = lineQuality(frames, [{ start_ms: 0, end_ms: 1000 }]);
    const atFullScale = clipped.filter((x) => Math.abs(x) >= 0.999).length;
    expect(quality.clipping_share).toBeCloseTo(atFullScale / (RATE * 6.5), 10);
    expect(quality.clipping_share).toBeGreaterThan(0.05); // half the clipped second, over 6.5 s
    expect(quality.dead_air_ms).toBe(3000); // the 1.5 s muted stretch is shorter than dead air
  });

  it('has no speech level without speech, and no noise floor when speech fills the call', () => {
    const frames = measure([tone(1000, 0.2)]);
    expect(lineQuality(frames, [])).toMatchObject({ speech_dbfs: null, snr_db: null });
    expect(lineQuality(frames, [{ start_ms: 0, end_ms: 1000 }])).toMatchObject({ noise_dbfs: null, snr_db: null });
  });

  it("gives the list each speaker's SNR, the worse channel's clipping and the longest dead air", () => {
    const line = (channel: number, speaker: 'agent' | 'user' | null, snr: number | null, clipping: number | null, dead: number) => ({ channel, speaker, speech_dbfs: null, noise_dbfs: null, snr_db: snr, clipping_share: clipping, dead_air_ms: dead });
    expect(lineFigures([line(0, 'user', 18.2, 0.002, 0), line(1, 'agent', 31, 0, 4000)])).toEqual({ agent_snr_db: 31, caller_snr_db: 18.2, clipping_share: 0.002, dead_air_ms: 4000 });
    expect(lineFigures([line(0, null, 20, null, 0)])).toEqual({ agent_snr_db: null, caller_snr_db: null, clipping_share: null, dead_air_ms: 0 });
  });
});
