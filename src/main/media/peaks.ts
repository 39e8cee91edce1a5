import { readFile } from 'node:fs/promises';

/**
 * The worker stores min/max float pairs per window, channel after channel. The waveform draws one
 * magnitude per window, so the UI gets `max(|min|, |max|)`: half the bytes, drawn the same.
 */
export async function readPeakMagnitudes(path: string, channels: number): Promise<Buffer> {
  const raw = await readFile(path);
  const pairs = new Float32Array(raw.buffer, raw.byteOffset, Math.floor(raw.byteLength / 4));
  const out = new Float32Array(Math.floor(pairs.length / 2));
  for (let i = 0; i < out.length; i++) out[i] = Math.max(Math.abs(pairs[2 * i] ?? 0), Math.abs(pairs[2 * i + 1] ?? 0));
  // per channel the same count, so the renderer can split the buffer evenly
  const perChannel = Math.floor(out.length / Math.max(1, channels));
  return Buffer.from(out.buffer, 0, perChannel * Math.max(1, channels) * 4);
}
