import { describe, expect, it } from 'vitest';
import { createSpeechDetector, detectSpeech } from '../../src/main/audio/vad';

const RATE = 16000;

/** A deterministic pseudo-random source (tests must not depend on Math.random). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

interface Burst {
  fromMs: number;
  toMs: number;
  /** RMS level in dBFS. */
  db: number;
}

/** Tone bursts (a 300 Hz sine, RMS as given) over optional white noise (RMS in dBFS). */
function signal(totalMs: number, bursts: Burst[], noiseDb: number | null = null, rate = RATE): Float32Array {
  const samples = new Float32Array(Math.round((totalMs * rate) / 1000));
  for (const burst of bursts) {
    const amplitude = Math.SQRT2 * 10 ** (burst.db / 20);
    const from = Math.round((burst.fromMs * rate) / 1000);
    const to = Math.round((burst.toMs * rate) / 1000);
    for (let i = from; i < to; i++) samples[i] = amplitude * Math.sin((2 * Math.PI * 300 * i) / rate);
  }
  if (noiseDb !== null) {
    const random = seeded(7);
    // uniform noise in [-a, a] has RMS a / sqrt(3)
    const a = Math.sqrt(3) * 10 ** (noiseDb / 20);
    for (let i = 0; i < samples.length; i++) samples[i] = (samples[i] ?? 0) + (2 * random() - 1) * a;
  }
  return samples;
}

describe('detectSpeech', () => {
  it('finds a burst in digital silence to within a few milliseconds', () => {
    const spans = detectSpeech(signal(4000, [{ fromMs: 1000, toMs: 2500, db: -20 }]), RATE);
    expect(spans).toHaveLength(1);
    expect(Math.abs((spans[0]?.start_ms ?? 0) - 1000)).toBeLessThanOrEqual(5);
    expect(Math.abs((spans[0]?.end_ms ?? 0) - 2500)).toBeLessThanOrEqual(5);
  });

  it('finds speech at the very start and end of the recording (the floor starts from the quietest of its first 5 s)', () => {
    const spans = detectSpeech(signal(6000, [{ fromMs: 0, toMs: 2500, db: -25 }, { fromMs: 4000, toMs: 6000, db: -25 }]), RATE);
    expect(spans).toEqual([{ start_ms: 0, end_ms: 2500 }, { start_ms: 4000, end_ms: 6000 }]);
  });

  it('takes a sound that never pauses for the noise floor, not speech', () => {
    expect(detectSpeech(signal(6000, [{ fromMs: 0, toMs: 6000, db: -25 }]), RATE)).toEqual([]);
  });

  it('bridges pauses shorter than the 200 ms hangover and splits at longer ones', () => {
    const bridged = signal(4000, [
      { fromMs: 500, toMs: 1000, db: -20 },
      { fromMs: 1150, toMs: 1600, db: -20 },
    ]);
    expect(detectSpeech(bridged, RATE)).toHaveLength(1);
    const split = signal(4000, [
      { fromMs: 500, toMs: 1000, db: -20 },
      { fromMs: 1260, toMs: 1600, db: -20 },
    ]);
    const spans = detectSpeech(split, RATE);
    expect(spans).toHaveLength(2);
    expect(Math.abs((spans[0]?.end_ms ?? 0) - 1000)).toBeLessThanOrEqual(5);
    expect(Math.abs((spans[1]?.start_ms ?? 0) - 1260)).toBeLessThanOrEqual(5);
  });

  it('drops stretches shorter than 100 ms', () => {
    expect(detectSpeech(signal(2000, [{ fromMs: 500, toMs: 580, db: -20 }]), RATE)).toEqual([]);
    expect(detectSpeech(signal(2000, [{ fromMs: 500, toMs: 630, db: -20 }]), RATE)).toHaveLength(1);
  });

  it('ignores sound under the absolute floor of -50 dBFS, even in digital silence', () => {
    expect(detectSpeech(signal(3000, [{ fromMs: 1000, toMs: 2000, db: -52 }]), RATE)).toEqual([]);
    expect(detectSpeech(signal(3000, [{ fromMs: 1000, toMs: 2000, db: -46 }]), RATE)).toHaveLength(1);
  });

  it('needs 9 dB over the noise floor', () => {
    // white noise at -40 dBFS: 20 ms frames of it vary by about ±0.5 dB, so the floor sits near -40.5
    const loud = detectSpeech(signal(6000, [{ fromMs: 2000, toMs: 3500, db: -27 }], -40), RATE);
    expect(loud).toHaveLength(1);
    expect(Math.abs((loud[0]?.start_ms ?? 0) - 2000)).toBeLessThanOrEqual(10);
    expect(Math.abs((loud[0]?.end_ms ?? 0) - 3500)).toBeLessThanOrEqual(10);
    // a tone 4 dB over the noise's level makes frames about 5.5 dB over it: not speech
    expect(detectSpeech(signal(6000, [{ fromMs: 2000, toMs: 3500, db: -36 }], -40), RATE)).toEqual([]);
    // and the noise alone is never speech
    expect(detectSpeech(signal(6000, [], -40), RATE)).toEqual([]);
  });

  it('gives the same stretches pushed in uneven chunks as all at once', () => {
    const samples = signal(
      8000,
      [
        { fromMs: 300, toMs: 1200, db: -18 },
        { fromMs: 2000, toMs: 2100, db: -30 },
        { fromMs: 4000, toMs: 7000, db: -25 },
      ],
      -55,
    );
    const whole = detectSpeech(samples, RATE);
    const detector = createSpeechDetector(RATE);
    const random = seeded(3);
    for (let at = 0; at < samples.length; ) {
      const size = 1 + Math.floor(random() * 1500);
      detector.push(samples.subarray(at, at + size));
      at += size;
    }
    expect(detector.finish()).toEqual(whole);
    expect(whole).toHaveLength(3);
  });

  it('reads Int16 samples as the same floats', () => {
    const floats = signal(3000, [{ fromMs: 700, toMs: 2200, db: -20 }], -60);
    const ints = Int16Array.from(floats, (value) => Math.round(value * 32768));
    expect(detectSpeech(ints, RATE)).toEqual(detectSpeech(floats, RATE));
  });

  it('times stretches in milliseconds at rates whose 20 ms frame is not a whole number of samples', () => {
    const rate = 11025; // a frame is 220.5 samples: rounded to 221
    const spans = detectSpeech(signal(5000, [{ fromMs: 1500, toMs: 3700, db: -20 }], null, rate), rate);
    expect(spans).toHaveLength(1);
    expect(Math.abs((spans[0]?.start_ms ?? 0) - 1500)).toBeLessThanOrEqual(6);
    expect(Math.abs((spans[0]?.end_ms ?? 0) - 3700)).toBeLessThanOrEqual(6);
  });

  it('refuses samples after finishing', () => {
    const detector = createSpeechDetector(RATE);
    detector.push(new Float32Array(100));
    expect(detector.finish()).toEqual([]);
    expect(() => detector.push(new Float32Array(1))).toThrow(/finished/);
  });
});
