import type { FileHandle } from 'node:fs/promises';

/** 16-bit PCM WAV, written block by block: the header's sizes are filled in when the data ends. */

const HEADER_BYTES = 44;
/** RIFF sizes are 32-bit; past this the file would need RF64. */
const MAX_DATA_BYTES = 0xffffffff - HEADER_BYTES;

export function pcm16WavHeader(sampleRate: number, channelCount: number, dataBytes: number): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  const blockAlign = 2 * channelCount;
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(channelCount, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/**
 * Per-channel floats (-1..1) to interleaved int16, clamped. Through an Int16Array (host order:
 * little-endian, which the decoder already requires), several times faster than a DataView.
 */
export function interleavePcm16(block: readonly Float32Array[]): Buffer {
  const channelCount = block.length;
  const frames = block[0]?.length ?? 0;
  const out = new Int16Array(frames * channelCount);
  for (let c = 0; c < channelCount; c++) {
    const channel = block[c];
    if (!channel) continue;
    for (let i = 0, at = c; i < frames; i++, at += channelCount) {
      const value = Math.round((channel[i] ?? 0) * 32768);
      out[at] = value > 32767 ? 32767 : value < -32768 ? -32768 : value;
    }
  }
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

export interface Pcm16WavWriter {
  write(block: readonly Float32Array[]): Promise<void>;
  /** Fills in the header; the handle stays open (the caller owns it). */
  finish(): Promise<{ frames: number; bytes: number }>;
}

export async function pcm16WavWriter(handle: FileHandle, sampleRate: number, channelCount: number): Promise<Pcm16WavWriter> {
  await handle.write(pcm16WavHeader(sampleRate, channelCount, 0), 0, HEADER_BYTES, 0);
  let dataBytes = 0;
  return {
    async write(block) {
      const bytes = interleavePcm16(block);
      if (dataBytes + bytes.length > MAX_DATA_BYTES) throw new Error('the redacted recording would be larger than a WAV file can hold (4 GiB)');
      await handle.write(bytes, 0, bytes.length, HEADER_BYTES + dataBytes);
      dataBytes += bytes.length;
    },
    async finish() {
      await handle.write(pcm16WavHeader(sampleRate, channelCount, dataBytes), 0, HEADER_BYTES, 0);
      return { frames: dataBytes / (2 * channelCount), bytes: HEADER_BYTES + dataBytes };
    },
  };
}
