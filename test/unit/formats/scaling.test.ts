import { describe, expect, it } from 'vitest';
import { detectFormat, normalizeAny, supportedProviders } from '../../../src/core/formats/registry';
import { transcriptTimingMetrics } from '../../../src/core/metrics/compute';
import { scaledShapes } from '../../support/scaled-payloads';

/**
 * Issue 17 item 1: every normalizer is linear in its input. For each format, payloads of size n and
 * 8n are normalized (format detection, the normalizer and the headline figures ingestion computes);
 * linear work takes about 8 times as long, n log n a little more, quadratic work 64 times. The
 * test fails above 20. Robust on a busy shared machine: CPU time of this process rather than wall
 * time, the fastest of interleaved runs (other work only ever adds
 * time), and up to three attempts (noise rarely strikes three times; a square always does).
 */
const RATIO_LIMIT = 20;
const ATTEMPTS = 3;
/** n doubles until normalizing it takes this long, so timer noise is small against the work. */
const MIN_BASE_MS = 6;
const MAX_BASE_N = 8_000;

/** Detection, the format's normalizer and the headline figures; the size limits are left out, so 8n may exceed them. */
function ingestWork(payload: unknown): number {
  const detection = detectFormat(payload);
  if (!detection) throw new Error('no format claims the payload');
  const { turns } = detection.module.normalize(payload);
  transcriptTimingMetrics(turns, { countWords: false });
  return turns.length;
}

function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

function timedMs(payload: unknown): number {
  const started = cpuMs();
  ingestWork(payload);
  return cpuMs() - started;
}

const fastest = (values: number[]) => Math.min(...values);

/** The fastest of `runs` interleaved runs of each payload. */
function measure(small: unknown, large: unknown, runs: number): { small: number; large: number } {
  const times = { small: [] as number[], large: [] as number[] };
  for (let i = 0; i < runs; i++) {
    times.small.push(timedMs(small));
    times.large.push(timedMs(large));
  }
  return { small: fastest(times.small), large: fastest(times.large) };
}

describe('normalizer scaling (n vs 8n)', () => {
  it('has a scaled payload for every supported format', () => {
    expect(new Set(scaledShapes.map((s) => s.provider))).toEqual(new Set(supportedProviders));
  });

  it.each(scaledShapes.map((s) => [s.name, s] as const))('%s: linear', (_name, shape) => {
    expect(normalizeAny(shape.build(4)).call.provider).toBe(shape.provider);
    let n = shape.minN ?? 500;
    let base = shape.build(n);
    for (let i = 0; i < 4; i++) ingestWork(base); // the JIT settles before anything is timed
    while (n < MAX_BASE_N && fastest([timedMs(base), timedMs(base)]) < MIN_BASE_MS) {
      n *= 2;
      base = shape.build(n);
    }
    const large = shape.build(8 * n);
    ingestWork(large);
    const seen: string[] = [];
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const { small, large: big } = measure(base, large, 3);
      seen.push(`${small.toFixed(1)} ms vs ${big.toFixed(1)} ms (x${(big / small).toFixed(1)})`);
      if (big / small < RATIO_LIMIT) return;
    }
    expect.fail(`${shape.name}: n=${n} vs 8n, every attempt over x${RATIO_LIMIT}: ${seen.join('; ')}`);
  });
});
