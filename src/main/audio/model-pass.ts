import { createBandLevelMeter, type BandLevelMeter, type BandLevels } from './band-levels';
import type { AudioBlockReader } from './decode';
import { planModel, type ModelPlan } from './model-plan';
import { resample } from './resample';
import { MODEL_WINDOW_MS, modelRateFor, type SpeechModel } from './speech-model';
import { combinedSpans, plannedProbabilities, type ModelRun } from './vad-combined';
import type { SpeechSpan } from './vad';

/**
 * The speech model's part of an analysis (the combined path of vad-combined.ts): band levels in
 * the first pass over the file, then a plan of where the model must listen, a second pass that
 * keeps only those stretches' samples, one batched model run over all of them, and the spans.
 */
export interface BandMeters {
  meters: BandLevelMeter[];
  push(block: readonly Float32Array[]): void;
}

/** Band meters for the first two channels (the speakers'). */
export function createBandMeters(sampleRate: number, channelCount: number): BandMeters {
  const meters = Array.from({ length: Math.min(2, channelCount) }, () => createBandLevelMeter(sampleRate));
  return {
    meters,
    push(block) {
      meters.forEach((meter, channel) => {
        const samples = block[channel];
        if (samples) meter.push(samples);
      });
    },
  };
}

interface Wanted {
  channel: number;
  /** source samples [from, to). */
  from: number;
  to: number;
  start_ms: number;
  samples: Float32Array;
}

/** Copies the wanted stretches out of a second pass over the recording. */
async function gather(reader: AudioBlockReader, wanted: Wanted[]): Promise<void> {
  const byChannel = [0, 1].map((channel) => wanted.filter((w) => w.channel === channel).sort((a, b) => a.from - b.from));
  const next = [0, 0];
  let offset = 0;
  for await (const block of reader.blocks()) {
    const length = block[0]?.length ?? 0;
    byChannel.forEach((list, channel) => {
      const samples = block[channel];
      if (!samples) return;
      let i = next[channel] ?? 0;
      while (i < list.length && (list[i]?.to ?? 0) <= offset) i++;
      next[channel] = i;
      for (let j = i; j < list.length; j++) {
        const stretch = list[j];
        if (!stretch || stretch.from >= offset + length) break;
        const from = Math.max(stretch.from, offset);
        const to = Math.min(stretch.to, offset + length);
        stretch.samples.set(samples.subarray(from - offset, to - offset), from - stretch.from);
      }
    });
    offset += length;
  }
}

/**
 * Long stretches are read as overlapping chunks of this many windows (30 s), so that an hour in
 * steady noise makes a batch of many rows instead of two very long ones.
 */
const CHUNK_WINDOWS = 938;
/**
 * Each chunk after the first re-reads this many windows (8 s) of the one before: the model learns
 * the background as it goes, and from a fresh state it takes babble for speech for seconds (with
 * chunks of 2 s and 128 ms to settle, babble at -36 dBFS lost 89 of 90 replies; with these, 27).
 */
const SETTLE_WINDOWS = 250;

interface Piece {
  channel: number;
  start_ms: number;
  skipWindows: number;
  samples: Float32Array;
}

function chunks(stretch: Wanted, samples: Float32Array, rate: number): Piece[] {
  const window = (rate * MODEL_WINDOW_MS) / 1000;
  const windows = Math.floor(samples.length / window);
  const pieces: Piece[] = [];
  for (let first = 0; first < windows || first === 0; first += CHUNK_WINDOWS) {
    const from = Math.max(0, first - SETTLE_WINDOWS);
    const to = Math.min(windows, first + CHUNK_WINDOWS);
    pieces.push({ channel: stretch.channel, start_ms: stretch.start_ms + from * MODEL_WINDOW_MS, skipWindows: first - from, samples: samples.subarray(from * window, to * window) });
    if (to >= windows) break;
  }
  return pieces;
}

export interface ModelPassResult {
  spans: SpeechSpan[][];
  /** ms of audio the model listened to, both channels together. */
  heardMs: number;
}

/**
 * The combined spans of channels 0 and 1. `reopen` gives a fresh reader of the same recording for
 * the second pass.
 */
export async function runModelPass(levels: BandLevels[], sampleRate: number, model: SpeechModel, reopen: () => Promise<AudioBlockReader>): Promise<ModelPassResult> {
  const plans: ModelPlan[] = levels.map((channel) => planModel(channel));
  const wanted: Wanted[] = plans.flatMap((plan, channel) =>
    plan.stretches.map((stretch) => {
      const from = Math.floor((stretch.start_ms * sampleRate) / 1000);
      const to = Math.ceil((stretch.end_ms * sampleRate) / 1000);
      return { channel, from, to, start_ms: (from * 1000) / sampleRate, samples: new Float32Array(Math.max(0, to - from)) };
    }),
  );
  if (wanted.length > 0) await gather(await reopen(), wanted);
  const rate = modelRateFor(sampleRate);
  const pieces = wanted.flatMap((w) => chunks(w, resample(w.samples, sampleRate, rate), rate));
  const probabilities = await model.probabilities(
    pieces.map((piece) => piece.samples),
    rate,
  );
  const runs: ModelRun[][] = levels.map(() => []);
  pieces.forEach((piece, i) => {
    // each chunk after the first of its stretch spent its first windows settling: drop them
    const heard = probabilities[i] ?? new Float32Array(0);
    runs[piece.channel]?.push({ start_ms: piece.start_ms + piece.skipWindows * MODEL_WINDOW_MS, window_ms: MODEL_WINDOW_MS, probabilities: heard.subarray(piece.skipWindows) });
  });
  const spans = levels.map((channel, c) => combinedSpans(channel, plannedProbabilities(plans[c]?.kind ?? new Uint8Array(0), runs[c] ?? [])));
  const heardMs = wanted.reduce((total, w) => total + ((w.to - w.from) * 1000) / sampleRate, 0);
  return { spans, heardMs };
}
