import { BANDS, PART_MS, SILENCE_DB, SILENCE_POWER, type BandLevels } from './band-levels';

/**
 * Where the speech model must listen (vad-combined.ts), so that an hour-long call costs seconds:
 * not where a part is plainly silent (every band under its noise floor + `quietDb`, or under
 * `absoluteDb`), nor inside plainly loud speech (a band `loudDb` over its floor and over
 * `loudAbsoluteDb`), except for a sample of each loud stretch's opening, so the model still decides
 * whether it is speech (a door, a cough or a click can be loud). Everything else, the edges and
 * the low-SNR stretches where noise and speech look alike, the model reads whole.
 */
export interface PlanOptions {
  quietDb: number;
  absoluteDb: number;
  loudDb: number;
  loudAbsoluteDb: number;
  /** how much of each loud stretch's opening the model hears. */
  sampleMs: number;
  /** judge quiet on 20 ms levels (fewer parts for the model in steady noise) rather than 5 ms ones. */
  quietOnFrames: boolean;
  /** loud parts closer than this belong to one loud stretch (whose opening the model hears). */
  reopenMs: number;
  /** the model starts this long before each stretch to settle its state. */
  warmupMs: number;
  /** stretches closer than this are read as one. */
  joinMs: number;
}

export const DEFAULT_PLAN_OPTIONS: PlanOptions = {
  quietDb: 9,
  quietOnFrames: true,
  absoluteDb: -62,
  loudDb: 20,
  loudAbsoluteDb: -45,
  sampleMs: 256,
  reopenMs: 0,
  warmupMs: 128,
  joinMs: 160,
};

export interface ModelPlan {
  /** stretches the model reads, ms, sorted and disjoint (warm-up included). */
  stretches: { start_ms: number; end_ms: number }[];
  /** per part: 0 plainly silent, 1 plainly loud, 2 the model decides. */
  kind: Uint8Array;
}

/** Per band, a noise floor per part: the quietest 20 ms level seen, rising 2 dB/s while louder. */
export function bandFloors(levels: BandLevels): Float32Array[] {
  const framePower = 4; // parts per 20 ms frame
  const risePerPart = (2 * PART_MS) / 1000;
  return BANDS.map((band) => {
    const source = levels.power[band];
    const floors = new Float32Array(source.length);
    // the floor starts from the quietest 20 ms of the first five seconds
    const frameDb = (k: number): number => {
      let sum = 0;
      let n = 0;
      for (let j = k; j < Math.min(source.length, k + framePower); j++, n++) sum += source[j] ?? SILENCE_POWER;
      return n > 0 && sum > 0 ? 10 * Math.log10(sum / n) : SILENCE_DB;
    };
    let floor = Infinity;
    for (let k = 0; k < Math.min(source.length, 1000); k += framePower) floor = Math.min(floor, frameDb(k));
    for (let k = 0; k < source.length; k += framePower) {
      const level = frameDb(k);
      for (let j = k; j < Math.min(source.length, k + framePower); j++) floors[j] = floor;
      floor = level < floor ? level : Math.min(level, floor + risePerPart * framePower);
    }
    return floors;
  });
}

export function planModel(levels: BandLevels, options: Partial<PlanOptions> = {}): ModelPlan {
  const settings = { ...DEFAULT_PLAN_OPTIONS, ...options };
  const floors = bandFloors(levels);
  const bands = BANDS.map((band) => levels.levels[band]);
  // 20 ms levels centred on each part: noise judged on single 5 ms parts would look like speech half the time
  const frames = BANDS.map((band) => {
    const power = levels.power[band];
    const n = power.length;
    const frame = new Float32Array(n);
    for (let k = 0; k < n; k++) {
      const sum = (power[Math.max(0, k - 2)] ?? 0) + (power[Math.max(0, k - 1)] ?? 0) + (power[k] ?? 0) + (power[Math.min(n - 1, k + 1)] ?? 0);
      frame[k] = sum > 0 ? 10 * Math.log10(sum / 4) : SILENCE_DB;
    }
    return frame;
  });
  const kind = new Uint8Array(levels.parts);
  for (let k = 0; k < levels.parts; k++) {
    let quiet = true;
    let loud = false;
    for (let b = 0; b < bands.length; b++) {
      const level = bands[b]?.[k] ?? SILENCE_DB;
      const floor = floors[b]?.[k] ?? SILENCE_DB;
      const frame = frames[b]?.[k] ?? SILENCE_DB;
      if ((settings.quietOnFrames ? frame : level) >= floor + settings.quietDb && level >= settings.absoluteDb) quiet = false;
      if (level >= floor + settings.loudDb && level >= settings.loudAbsoluteDb) loud = true;
    }
    kind[k] = loud ? 1 : quiet ? 0 : 2;
  }
  const sampleParts = Math.round(settings.sampleMs / PART_MS);
  const wanted = Uint8Array.from(kind, (value) => (value === 2 ? 1 : 0));
  // the opening of each loud stretch: loud parts less than `reopenMs` apart are one stretch
  const reopen = Math.round(settings.reopenMs / PART_MS);
  let lastLoud = -Infinity;
  for (let k = 0; k < levels.parts; k++) {
    if (kind[k] !== 1) continue;
    if (k - lastLoud > reopen) wanted.fill(1, k, Math.min(levels.parts, k + sampleParts));
    lastLoud = k;
  }
  const warmup = Math.round(settings.warmupMs / PART_MS);
  const join = Math.round(settings.joinMs / PART_MS);
  const stretches: { start_ms: number; end_ms: number }[] = [];
  let start = -1;
  let lastWanted = -Infinity;
  for (let k = 0; k <= levels.parts; k++) {
    const on = k < levels.parts && wanted[k] === 1;
    if (on) {
      if (start >= 0 && k - lastWanted > join) {
        stretches.push({ start_ms: Math.max(0, start - warmup) * PART_MS, end_ms: (lastWanted + 1) * PART_MS });
        start = -1;
      }
      if (start < 0) start = k;
      lastWanted = k;
    }
  }
  if (start >= 0) stretches.push({ start_ms: Math.max(0, start - warmup) * PART_MS, end_ms: (lastWanted + 1) * PART_MS });
  // warm-ups may reach back into the previous stretch: merge those
  const merged: { start_ms: number; end_ms: number }[] = [];
  for (const stretch of stretches) {
    const last = merged[merged.length - 1];
    if (last && stretch.start_ms <= last.end_ms) last.end_ms = Math.max(last.end_ms, stretch.end_ms);
    else merged.push({ ...stretch });
  }
  return { stretches: merged, kind };
}
