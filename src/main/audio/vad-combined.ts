import { BANDS, PART_MS, type BandLevels } from './band-levels';
import type { SpeechSpan } from './vad';
import { noiseMeanPower, tailEnd } from './vad-tail';

/**
 * The combined voice-activity path (docs/METRICS.md "Audio"): the speech model decides what is
 * speech and what is noise, the band levels place each edge to the 5 ms part.
 *
 * 1. Speech cores: model windows with a speech probability of at least 0.5, held while it stays
 *    over 0.35, gaps under the 200 ms hangover bridged. The model is late at both edges (its
 *    windows are 32 ms and it needs evidence before it commits), but it is rarely fooled by noise,
 *    babble included.
 * 2. Edges: the noise around each edge is measured where the model hears no speech (per band,
 *    the 90th percentile of 15 ms levels within two seconds); a part is active when any band is
 *    `marginDb` over its noise. The start moves back from the model's onset over active parts,
 *    the end back from the model's offset to the last part `anchorDb` over the bar (noise peaks in
 *    the model's late stretch pass the bar, seldom that), each within `searchMs`; then the end
 *    runs on over active parts, across dips of up to `bridgeMs` where a run of active parts
 *    follows (a fricative after its vowel, a stop released after its closure).
 */
export interface ModelRun {
  /** where the first window starts, ms. */
  start_ms: number;
  window_ms: number;
  probabilities: Float32Array;
}

export interface CombinedOptions {
  onThreshold: number;
  offThreshold: number;
  hangoverMs: number;
  minSegmentMs: number;
  marginDb: number;
  searchMs: number;
  noiseContextMs: number;
  /**
   * no band is active below this level (dBFS per 5 ms part), however quiet the noise: above µ-law's
   * idle hiss (its smallest step is -78 dBFS), under the last syllable of a caller 20 dB quieter
   * than the agent on a quiet line (at -62, such callers' replies were measured 130 ms long at p95).
   */
  absoluteDb: number;
  /** how far past the model's offset an end may run on over active parts. */
  extendEndMs: number;
  /** an end runs on over a dip this long where `bridgeRunParts` active parts in a row follow it. */
  bridgeMs: number;
  bridgeRunParts: number;
  /** an end is searched back from the model's offset to a part this far over the bar first. */
  anchorDb: number;
  /** how far past the end found part by part a weak tail is looked for (vad-tail.ts). */
  tailSearchMs: number;
}

export const DEFAULT_COMBINED_OPTIONS: CombinedOptions = {
  onThreshold: 0.5,
  offThreshold: 0.35,
  hangoverMs: 200,
  minSegmentMs: 100,
  marginDb: 1.5,
  searchMs: 400,
  noiseContextMs: 2000,
  absoluteDb: -74,
  extendEndMs: 400,
  bridgeMs: 40,
  bridgeRunParts: 3,
  anchorDb: 3,
  tailSearchMs: 200,
};

/** The last part of the first run of `run` active parts starting in [from, to), or -1. */
function activeRunWithin(from: number, to: number, run: number, active: (k: number) => boolean): number {
  let length = 0;
  for (let j = from; j < to + run - 1; j++) {
    if (!active(j)) {
      if (j >= to) return -1;
      length = 0;
      continue;
    }
    length++;
    if (length >= run) return j;
  }
  return -1;
}

/** Per part, the model's probability (NaN where it did not run). */
export function probabilityByPart(runs: readonly ModelRun[], parts: number): Float32Array {
  const byPart = new Float32Array(parts).fill(Number.NaN);
  for (const run of runs) {
    const windows = run.probabilities;
    for (let w = 0; w < windows.length; w++) {
      const from = Math.max(0, Math.floor((run.start_ms + w * run.window_ms) / PART_MS));
      const to = Math.min(parts, Math.floor((run.start_ms + (w + 1) * run.window_ms) / PART_MS));
      byPart.fill(windows[w] ?? 0, from, to);
    }
  }
  return byPart;
}

/** 15 ms levels (this part and its neighbours, power-averaged) per band. */
function smoothed(levels: BandLevels): Float32Array[] {
  return BANDS.map((band) => {
    const power = levels.power[band];
    const n = power.length;
    const out = new Float32Array(n);
    for (let k = 0; k < n; k++) {
      const sum = (power[Math.max(0, k - 1)] ?? 0) + (power[k] ?? 0) + (power[Math.min(n - 1, k + 1)] ?? 0);
      out[k] = 10 * Math.log10(sum / 3 + 1e-14);
    }
    return out;
  });
}

/** Speech cores in parts [first, end) from the model's probabilities. */
function cores(byPart: Float32Array, options: CombinedOptions): { first: number; end: number }[] {
  const spans: { first: number; end: number }[] = [];
  let start = -1;
  for (let k = 0; k <= byPart.length; k++) {
    const p = k < byPart.length ? (byPart[k] ?? Number.NaN) : Number.NaN;
    if (start < 0 && p >= options.onThreshold) start = k;
    else if (start >= 0 && !(p >= options.offThreshold)) {
      spans.push({ first: start, end: k });
      start = -1;
    }
  }
  const hangover = Math.round(options.hangoverMs / PART_MS);
  const merged: { first: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.first - last.end < hangover) last.end = span.end;
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * The parts near `at` that are noise: within `noiseContextMs`, outside the speech cores, where the
 * model hears no speech. Both the bars (`noiseNear`) and the tail's reference (vad-tail.ts) are
 * measured on them.
 */
function noisePartsNear(speech: Uint8Array, byPart: Float32Array, at: number, options: CombinedOptions): Int32Array {
  const reach = Math.round(options.noiseContextMs / PART_MS);
  const from = Math.max(0, at - reach);
  const to = Math.min(speech.length, at + reach);
  const parts = new Int32Array(Math.max(0, to - from));
  let count = 0;
  for (let k = from; k < to; k++) if (!speech[k] && (byPart[k] ?? 1) < 0.2) parts[count++] = k;
  return parts.subarray(0, count);
}

/** Per band, the 90th percentile of the smoothed levels of the noise parts; NaN where there are none. */
function noiseNear(bands: Float32Array[], noise: Int32Array): number[] {
  const values = new Float32Array(noise.length);
  return bands.map((levels) => {
    if (noise.length === 0) return Number.NaN;
    noise.forEach((k, i) => {
      values[i] = levels[k] ?? 0;
    });
    // a typed array sorts by value, without a comparator call per pair
    const heard = values.sort();
    return heard[Math.min(noise.length - 1, Math.floor(0.9 * noise.length))] ?? Number.NaN;
  });
}

/**
 * Per band, the level a part must pass to be more than noise: `marginDb` + `overDb` over it,
 * never under the absolute floor (which stands in where no noise was heard nearby).
 */
function barsOver(noise: readonly number[], options: CombinedOptions, overDb = 0): number[] {
  return noise.map((level) => (Number.isNaN(level) ? options.absoluteDb : Math.max(level + options.marginDb + overDb, options.absoluteDb)));
}

/**
 * Per part, the speech probability of a planned analysis (model-plan.ts): the model's where it
 * listened; plainly silent parts 0; plainly loud parts 1, unless the model heard the opening of
 * their stretch and found no speech in it (then the whole loud stretch is noise).
 */
export function plannedProbabilities(kind: Uint8Array, runs: readonly ModelRun[]): Float32Array {
  const heard = probabilityByPart(runs, kind.length);
  const byPart = new Float32Array(kind.length);
  let k = 0;
  while (k < kind.length) {
    if (kind[k] !== 1) {
      const p = heard[k] ?? Number.NaN;
      byPart[k] = Number.isNaN(p) ? (kind[k] === 2 ? 0.5 : 0) : p;
      k++;
      continue;
    }
    let end = k;
    let sampled = false;
    let speech = false;
    while (end < kind.length && kind[end] === 1) {
      const p = heard[end] ?? Number.NaN;
      if (!Number.isNaN(p)) {
        sampled = true;
        if (p >= DEFAULT_COMBINED_OPTIONS.onThreshold) speech = true;
      }
      end++;
    }
    const value = !sampled || speech ? 1 : 0;
    for (let j = k; j < end; j++) {
      const p = heard[j] ?? Number.NaN;
      byPart[j] = value === 1 ? Math.max(Number.isNaN(p) ? 1 : p, DEFAULT_COMBINED_OPTIONS.onThreshold) : 0;
    }
    k = end;
  }
  return byPart;
}

export function combinedSpans(levels: BandLevels, byPart: Float32Array, options: Partial<CombinedOptions> = {}): SpeechSpan[] {
  const settings = { ...DEFAULT_COMBINED_OPTIONS, ...options };
  const bands = smoothed(levels);
  const found = cores(byPart, settings);
  const speech = new Uint8Array(levels.parts);
  for (const core of found) speech.fill(1, core.first, core.end);
  const search = Math.round(settings.searchMs / PART_MS);
  const bridge = Math.round(settings.bridgeMs / PART_MS);
  const active = (k: number, bars: number[]): boolean => bands.some((band, b) => (band[k] ?? -200) >= (bars[b] ?? Infinity));

  const spans: SpeechSpan[] = [];
  let previousEnd = 0;
  found.forEach((core, index) => {
    const startBars = barsOver(noiseNear(bands, noisePartsNear(speech, byPart, core.first, settings)), settings);
    // start: from the first active part near the onset, back over active parts (one quiet part allowed)
    let first = core.first;
    const pivotLimit = Math.min(core.end, core.first + 20);
    let pivot = -1;
    for (let k = core.first; k < pivotLimit; k++) if (active(k, startBars)) { pivot = k; break; }
    if (pivot >= 0) {
      first = pivot;
      const earliest = Math.max(previousEnd, core.first - search);
      while (first > earliest && (active(first - 1, startBars) || (first - 2 >= earliest && active(first - 2, startBars)))) first -= active(first - 1, startBars) ? 1 : 2;
    }
    // end: the last active part near where the model let go (it lets go late, or early where the
    // plan took a weak tail for silence), then on over active parts (one quiet part allowed, and
    // dips of up to `bridgeMs`)
    const endNoiseParts = noisePartsNear(speech, byPart, core.end, settings);
    const endNoise = noiseNear(bands, endNoiseParts);
    const endBars = barsOver(endNoise, settings);
    let end = core.end;
    const floorEnd = Math.max(first + 1, core.end - search);
    // the last part clearly over the noise (a noise peak in the model's late stretch is often just
    // over the bar, speech before its end seldom only that), else the last one over it at all
    // (8 kHz µ-law, pink -45 dBFS: p95 error 73 -> 33 ms over 210 replies)
    const anchorBars = barsOver(endNoise, settings, settings.anchorDb);
    const lastFrom = Math.min(levels.parts - 1, core.end + 4);
    let k = lastFrom;
    while (k >= floorEnd && !active(k, anchorBars)) k--;
    if (k < floorEnd) for (k = lastFrom; k >= floorEnd && !active(k, endBars); ) k--;
    if (k >= floorEnd) {
      const latest = Math.min(levels.parts, core.end + Math.round(settings.extendEndMs / PART_MS), found[index + 1]?.first ?? Infinity);
      for (;;) {
        while (k + 1 < latest && (active(k + 1, endBars) || (k + 2 < latest && active(k + 2, endBars)))) k += active(k + 1, endBars) ? 1 : 2;
        // a word's last sounds may come after a dip (a fricative after its vowel, a stop's release
        // after its closure): go on where a run of active parts follows within `bridgeMs`
        const next = activeRunWithin(k + 1, Math.min(latest, k + 1 + bridge), settings.bridgeRunParts, (j) => active(j, endBars));
        if (next < 0 || next >= latest) break;
        k = next;
      }
      end = k + 1;
    }
    // a smoothed level is active one part before (after) the part whose energy it carries
    if (pivot >= 0) first = Math.min(first + 1, end - 1);
    if (end < core.end) end = Math.max(first + 1, end - 1);
    // a last syllable fading into the noise: evidence summed over parts (vad-tail.ts)
    const tailLimit = Math.min(end + Math.round(settings.tailSearchMs / PART_MS), core.end + Math.round(settings.extendEndMs / PART_MS), found[index + 1]?.first ?? Infinity);
    end = tailEnd(levels, noiseMeanPower(levels, endNoiseParts), end, tailLimit, settings.absoluteDb);
    previousEnd = end;
    spans.push({ start_ms: first * PART_MS, end_ms: end * PART_MS });
  });
  return spans.filter((span) => span.end_ms - span.start_ms >= settings.minSegmentMs);
}
