/**
 * Voice activity on one channel (docs/METRICS.md "Audio"): 20 ms frames, RMS in dBFS against an
 * adaptive noise floor (a slow-rising, fast-falling minimum tracker); a frame is speech when it is
 * at least 9 dB over the floor and over -50 dBFS; stretches close after a 200 ms hangover and are
 * kept when at least 100 ms long.
 *
 * The detector takes samples chunk by chunk and keeps only levels (per frame, and per 5 ms part
 * of a frame: an hour is 180,000 frames), so the decisions, made in `finish`, can start the noise
 * floor from the quietest frame of the first five seconds instead of guessing it. Frames decide
 * what is speech; a stretch's edges are then placed to the part (see refineEdges), which takes
 * the boundary error from up to a frame to a few milliseconds.
 *
 * Tuned on espeak-ng speech cut where it is audible (|sample| >= 0.5 % of full scale, as the call
 * generator's truth is), clean and with pink noise (test/integration/audio-analysis.test.ts).
 */

export interface SpeechSpan {
  start_ms: number;
  end_ms: number;
}

export interface VadOptions {
  frameMs: number;
  /** a speech frame is at least this far over the noise floor. */
  thresholdDb: number;
  /** and over this absolute level. */
  absoluteFloorDb: number;
  /** a stretch closes after this much non-speech. */
  hangoverMs: number;
  /** shorter stretches are dropped. */
  minSegmentMs: number;
  /**
   * how fast the floor may climb while frames are louder than it: slower keeps weak speech edges
   * over the bar in steady noise, faster stops a rise in the noise passing for speech sooner
   * (at 2 dB/s, a 10 dB step in pink noise passed for speech for under half a second).
   */
  floorRiseDbPerSecond: number;
  /** the share of the way down to a quieter frame the floor falls at once (1 = straight to it). */
  floorFallShare: number;
  /** the floor starts at the quietest frame of this opening stretch. */
  floorStartMs: number;
  /** stretch edges are placed to this resolution within and next to their edge frames. */
  edgeMs: number;
}

export const DEFAULT_VAD_OPTIONS: VadOptions = {
  frameMs: 20,
  thresholdDb: 9,
  absoluteFloorDb: -50,
  hangoverMs: 200,
  minSegmentMs: 100,
  floorRiseDbPerSecond: 2,
  floorFallShare: 1,
  floorStartMs: 5000,
  edgeMs: 5,
};

/** Digital silence has no level; this stands in for it (below any 24-bit noise). */
const SILENCE_DB = -140;

export interface SpeechDetector {
  /** More samples of the channel, in order; Int16 samples are scaled to -1..1. */
  push(samples: Float32Array | Int16Array): void;
  /** The speech stretches of everything pushed (the detector can be pushed to no more). */
  finish(): SpeechSpan[];
}

/** A growable list of numbers. */
export function levelList(): { push(value: number): void; values(): Float32Array } {
  let values = new Float32Array(4096);
  let count = 0;
  return {
    push(value) {
      if (count === values.length) {
        const grown = new Float32Array(values.length * 2);
        grown.set(values);
        values = grown;
      }
      values[count++] = value;
    },
    values: () => values.subarray(0, count),
  };
}

function toDb(meanSquare: number): number {
  return meanSquare > 0 ? Math.max(SILENCE_DB, 10 * Math.log10(meanSquare)) : SILENCE_DB;
}

export function createSpeechDetector(sampleRate: number, options: Partial<VadOptions> = {}): SpeechDetector {
  const settings: VadOptions = { ...DEFAULT_VAD_OPTIONS, ...options };
  const frameLength = Math.max(1, Math.round((sampleRate * settings.frameMs) / 1000));
  const parts = Math.max(1, Math.min(frameLength, Math.round(settings.frameMs / settings.edgeMs)));
  // sample offsets within a frame where each part ends
  const partEnds = Array.from({ length: parts }, (_, k) => Math.round((frameLength * (k + 1)) / parts));
  const frameLevels = levelList();
  const partLevels = levelList();
  let frameSum = 0;
  let partSum = 0;
  let part = 0;
  let inFrame = 0;
  let partStart = 0;
  let totalSamples = 0;
  let finished = false;

  const closePart = (): void => {
    partLevels.push(toDb(partSum / Math.max(1, inFrame - partStart)));
    frameSum += partSum;
    partSum = 0;
    partStart = inFrame;
    part += 1;
  };
  const closeFrame = (): void => {
    frameLevels.push(toDb(frameSum / inFrame));
    frameSum = 0;
    inFrame = 0;
    partStart = 0;
    part = 0;
  };

  return {
    push(samples) {
      if (finished) throw new Error('the speech detector has finished: create another one');
      const scale = samples instanceof Int16Array ? 1 / 32768 : 1;
      let i = 0;
      while (i < samples.length) {
        const end = Math.min(samples.length, i + ((partEnds[part] ?? frameLength) - inFrame));
        let sum = 0;
        for (let j = i; j < end; j++) {
          const value = (samples[j] ?? 0) * scale;
          sum += value * value;
        }
        partSum += sum;
        inFrame += end - i;
        i = end;
        if (inFrame === partEnds[part]) closePart();
        if (inFrame === frameLength) closeFrame();
      }
      totalSamples += samples.length;
    },
    finish() {
      if (!finished && inFrame > 0) {
        // the last, partial frame: its parts so far, padded with silent ones
        if (inFrame > partStart) closePart();
        while (part < parts) {
          partLevels.push(SILENCE_DB);
          part += 1;
        }
        closeFrame();
      }
      finished = true;
      const levels = frameLevels.values();
      const partValues = partLevels.values();
      const bars = floorBars(levels, settings);
      const isSpeech = (level: number, bar: number): boolean => level >= bar && level > settings.absoluteFloorDb;
      const frames = Uint8Array.from(levels, (level, f) => (isSpeech(level, bars[f] ?? Infinity) ? 1 : 0));
      const spans = speechStretches(frames, settings);
      const partMs = (part: number): number => {
        const frame = Math.floor(part / parts);
        const sample = frame * frameLength + (part % parts === 0 ? 0 : (partEnds[(part % parts) - 1] ?? 0));
        return Math.round((Math.min(sample, totalSamples) * 1000) / sampleRate);
      };
      return spans
        .map((span) => refineEdges(span, parts, (part, frame) => isSpeech(partValues[part] ?? SILENCE_DB, bars[frame] ?? Infinity)))
        .map(({ first, end }) => ({ start_ms: partMs(first), end_ms: partMs(end) }))
        .filter((span) => span.end_ms - span.start_ms >= settings.minSegmentMs);
    },
  };
}

/** Per frame, the tracked noise floor plus the threshold: the level a frame must reach to be speech. */
function floorBars(levels: Float32Array, settings: VadOptions): Float32Array {
  const bars = new Float32Array(levels.length);
  const framesToStart = Math.max(1, Math.round(settings.floorStartMs / settings.frameMs));
  let floor = Infinity;
  for (let f = 0; f < Math.min(framesToStart, levels.length); f++) floor = Math.min(floor, levels[f] ?? SILENCE_DB);
  const risePerFrame = (settings.floorRiseDbPerSecond * settings.frameMs) / 1000;
  for (let f = 0; f < levels.length; f++) {
    const level = levels[f] ?? SILENCE_DB;
    // judged against the floor before this frame moves it, so a loud frame does not lift its own bar
    bars[f] = floor + settings.thresholdDb;
    floor = level < floor ? floor + (level - floor) * settings.floorFallShare : Math.min(level, floor + risePerFrame);
  }
  return bars;
}

/** Speech stretches as [first frame, one-past-last frame), gaps shorter than the hangover bridged. */
function speechStretches(flags: Uint8Array, settings: VadOptions): { first: number; end: number }[] {
  const hangoverFrames = Math.max(1, Math.round(settings.hangoverMs / settings.frameMs));
  const spans: { first: number; end: number }[] = [];
  let start = -1;
  let lastSpeech = -1;
  for (let f = 0; f < flags.length; f++) {
    if (!flags[f]) continue;
    if (start >= 0 && f - lastSpeech - 1 >= hangoverFrames) {
      spans.push({ first: start, end: lastSpeech + 1 });
      start = -1;
    }
    if (start < 0) start = f;
    lastSpeech = f;
  }
  if (start >= 0) spans.push({ first: start, end: lastSpeech + 1 });
  return spans;
}

/**
 * A stretch's edges placed to the part (5 ms) instead of the frame, by the same rule applied to
 * parts: the first (last) part of its first (last) frame that would pass that frame's bar, then
 * extended over adjoining passing parts of the frame just outside (whose average did not pass).
 * Returns [first part, one-past-last part).
 */
function refineEdges(
  span: { first: number; end: number },
  parts: number,
  passes: (part: number, barFrame: number) => boolean,
): { first: number; end: number } {
  let first = span.first * parts;
  const firstFrameEnd = first + parts;
  while (first < firstFrameEnd - 1 && !passes(first, span.first)) first++;
  const earliest = Math.max(0, (span.first - 1) * parts);
  while (first > earliest && passes(first - 1, span.first)) first--;
  const lastFrame = span.end - 1;
  let end = span.end * parts;
  const lastFrameStart = end - parts;
  while (end > lastFrameStart + 1 && !passes(end - 1, lastFrame)) end--;
  const latest = (span.end + 1) * parts;
  while (end < latest && passes(end, lastFrame)) end++;
  return { first, end };
}

/** Speech stretches of a whole channel at once. */
export function detectSpeech(samples: Float32Array | Int16Array, sampleRate: number, options: Partial<VadOptions> = {}): SpeechSpan[] {
  const detector = createSpeechDetector(sampleRate, options);
  detector.push(samples);
  return detector.finish();
}
