import { computeFigures, FIGURES, type CallSet, type Figure, type Figures } from './figures';

/**
 * A and B compared: each figure's difference B − A with a bootstrap 95% interval. A resample draws
 * CALLS with replacement (the unit that varies: the replies within a call are not independent),
 * as integer weights per call, and recomputes every figure of A and of B from them.
 */

export interface FigureDifference {
  figure: Figure;
  a: number | null;
  b: number | null;
  /** B − A; null when either is */
  diff: number | null;
  /** (B − A) / A; null when A is null or 0 */
  relative: number | null;
  /** the 2.5 / 97.5 percentiles of the resampled differences; null for `calls` (a count, not an estimate) or with too few resamples where both sides had a value */
  interval: [number, number] | null;
  relative_interval: [number, number] | null;
  /** the interval lies wholly above or below 0 */
  excludes_zero: boolean;
}

export interface BootstrapOptions {
  resamples: number;
  seed: number;
}

import { seededRandom } from '../model/seeded-random';

export { seededRandom };

/** How many times each of `n` calls is drawn in n draws with replacement. */
function drawWeights(n: number, random: () => number, into: Int32Array): Int32Array {
  into.fill(0);
  for (let j = 0; j < n; j++) {
    const i = Math.floor(random() * n);
    into[i] = (into[i] ?? 0) + 1;
  }
  return into;
}

/** Nearest-rank percentile of a sorted array (as the figures: `x[ceil(p*n)]`). */
function rankOf(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1] ?? Number.NaN;
}

/** Fewer resamples with both sides measurable than this share of all: no interval (a figure that is mostly unmeasurable). */
const MIN_VALID_SHARE = 0.9;

/**
 * A comparison run in steps, so a caller on a busy thread (the app's main process: the listener)
 * can yield between them. `step(k)` runs up to k more resamples; `result()` once `done()`.
 */
export function startBootstrap(a: CallSet, b: CallSet, options: BootstrapOptions) {
  const random = seededRandom(options.seed);
  const pointA = computeFigures(a);
  const pointB = computeFigures(b);
  // per figure: the resampled differences (absolute, relative) where both sides had a value
  const samples = Object.fromEntries(
    FIGURES.map((f) => [f, { diffs: new Float64Array(options.resamples), valid: 0, relatives: new Float64Array(options.resamples), relativeValid: 0 }]),
  ) as Record<Figure, { diffs: Float64Array; valid: number; relatives: Float64Array; relativeValid: number }>;
  const weightsA = new Int32Array(a.n);
  const weightsB = new Int32Array(b.n);
  let done = 0;

  function record(fa: Figures, fb: Figures): void {
    for (const figure of FIGURES) {
      const va = fa[figure];
      const vb = fb[figure];
      if (va === null || vb === null) continue;
      const s = samples[figure];
      s.diffs[s.valid++] = vb - va;
      if (va !== 0) s.relatives[s.relativeValid++] = (vb - va) / va;
    }
  }

  function intervalOf(values: Float64Array, count: number): [number, number] | null {
    if (count === 0 || count < MIN_VALID_SHARE * options.resamples) return null;
    const sorted = values.slice(0, count).sort();
    return [rankOf(sorted, 0.025), rankOf(sorted, 0.975)];
  }

  return {
    step(k: number): void {
      // an empty side has nothing to resample: every figure but `calls` is null on it anyway
      if (a.n === 0 || b.n === 0) {
        done = options.resamples;
        return;
      }
      for (const end = Math.min(options.resamples, done + k); done < end; done++) {
        record(computeFigures(a, drawWeights(a.n, random, weightsA)), computeFigures(b, drawWeights(b.n, random, weightsB)));
      }
    },
    done: () => done >= options.resamples,
    progress: () => done / Math.max(1, options.resamples),
    result(): { a: Figures; b: Figures; differences: FigureDifference[] } {
      const differences = FIGURES.map((figure): FigureDifference => {
        const va = pointA[figure];
        const vb = pointB[figure];
        const diff = va === null || vb === null ? null : vb - va;
        const estimated = figure !== 'calls';
        const s = samples[figure];
        const interval = estimated ? intervalOf(s.diffs, s.valid) : null;
        const relativeInterval = estimated ? intervalOf(s.relatives, s.relativeValid) : null;
        return {
          figure,
          a: va,
          b: vb,
          diff,
          relative: diff === null || va === null || va === 0 ? null : diff / va,
          interval,
          relative_interval: relativeInterval,
          excludes_zero: interval !== null && (interval[0] > 0 || interval[1] < 0),
        };
      });
      return { a: pointA, b: pointB, differences };
    },
  };
}

/** The whole comparison at once (the CLI, tests, the bench). */
export function compareCallSets(a: CallSet, b: CallSet, options: BootstrapOptions) {
  const run = startBootstrap(a, b, options);
  run.step(options.resamples);
  return run.result();
}
