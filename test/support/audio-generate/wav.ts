import { open, readFile } from 'node:fs/promises';
import { readWavLayout, type WavLayout } from '../../../src/main/audio/decode/wav-header';

/** The generator works at one format throughout: 16 kHz, 16-bit signed PCM. */
export const SAMPLE_RATE = 16_000;
export const SAMPLES_PER_MS = SAMPLE_RATE / 1000;

/** A WAV file's layout, read by the app's own WAV reader (it walks past the chunks sox and espeak add). */
export async function wavLayout(path: string): Promise<WavLayout> {
  const handle = await open(path, 'r');
  try {
    return await readWavLayout(handle, (await handle.stat()).size, path);
  } finally {
    await handle.close();
  }
}

/** Little-endian 16-bit samples: a WAV's data chunk, or sox's `-t raw` output. */
export function int16Samples(bytes: Buffer): Int16Array {
  const samples = new Int16Array(Math.floor(bytes.length / 2));
  for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(2 * i);
  return samples;
}

/** The samples of a small mono 16-bit file (rendered utterances, never a whole call). */
export async function readMonoSamples(path: string): Promise<Int16Array> {
  const layout = await wavLayout(path);
  if (layout.channelCount !== 1 || layout.coding !== 'int16') throw new Error(`${path}: expected mono 16-bit PCM`);
  const bytes = await readFile(path);
  return int16Samples(bytes.subarray(layout.dataOffset, layout.dataOffset + 2 * layout.frameCount));
}
