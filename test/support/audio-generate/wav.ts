import { open, readFile } from 'node:fs/promises';

/** The generator works at one format throughout: 16 kHz, 16-bit signed PCM. */
export const SAMPLE_RATE = 16_000;
export const SAMPLES_PER_MS = SAMPLE_RATE / 1000;

export interface WavLayout {
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** byte offset of the first sample. */
  dataOffset: number;
  dataBytes: number;
  /** samples per channel. */
  frames: number;
}

/** Walks the RIFF chunks (sox and espeak may write chunks other than fmt and data). */
export function parseWavLayout(head: Buffer): WavLayout {
  if (head.toString('ascii', 0, 4) !== 'RIFF' || head.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
  let offset = 12;
  let format: Omit<WavLayout, 'dataOffset' | 'dataBytes' | 'frames'> | null = null;
  while (offset + 8 <= head.length) {
    const id = head.toString('ascii', offset, offset + 4);
    const size = head.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      format = { channels: head.readUInt16LE(offset + 10), sampleRate: head.readUInt32LE(offset + 12), bitsPerSample: head.readUInt16LE(offset + 22) };
    } else if (id === 'data') {
      if (!format) throw new Error('WAV data chunk before fmt chunk');
      const frameBytes = format.channels * (format.bitsPerSample / 8);
      return { ...format, dataOffset: offset + 8, dataBytes: size, frames: Math.floor(size / frameBytes) };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('WAV without a data chunk in its first bytes');
}

export async function readWavLayout(path: string): Promise<WavLayout> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return parseWavLayout(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * The samples of a whole mono 16-bit WAV held in memory. A streamed WAV (espeak-ng --stdout)
 * announces a huge data size, so the bytes present are what counts.
 */
export function decodeMono16(bytes: Buffer): { samples: Int16Array; sampleRate: number } {
  const layout = parseWavLayout(bytes);
  if (layout.channels !== 1 || layout.bitsPerSample !== 16) throw new Error('expected mono 16-bit PCM');
  const frames = Math.min(layout.frames, Math.floor((bytes.length - layout.dataOffset) / 2));
  const samples = new Int16Array(frames);
  for (let i = 0; i < frames; i++) samples[i] = bytes.readInt16LE(layout.dataOffset + 2 * i);
  return { samples, sampleRate: layout.sampleRate };
}

/** The samples of a small mono 16-bit file (rendered utterances, never a whole call). */
export async function readMonoSamples(path: string): Promise<Int16Array> {
  return decodeMono16(await readFile(path)).samples;
}
