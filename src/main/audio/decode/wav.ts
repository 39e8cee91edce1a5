import type { FileHandle } from 'node:fs/promises';
import { deinterleaveSamples } from './pcm';
import { damagedAudioError, type AudioBlockReader, type DecodedAudio } from './types';
import { readWavLayout, type WavLayout } from './wav-header';

/** About 1 MiB per read: large enough that reads cost little, small enough to stay in cache. */
const READ_BYTES = 1 << 20;

function framesPerRead(layout: WavLayout): number {
  return Math.max(1, Math.floor(READ_BYTES / layout.blockAlign));
}

/**
 * The data chunk in frame-aligned pieces. The next read is issued before the current piece is
 * handed out, so the disk and the decoding overlap; two buffers alternate, so a piece is valid
 * until the one after next is read. Each buffer starts its own ArrayBuffer, so typed views on it
 * are aligned.
 */
async function* dataPieces(handle: FileHandle, layout: WavLayout, fileName: string): AsyncGenerator<Uint8Array, void, undefined> {
  const total = layout.frameCount * layout.blockAlign;
  const pieceBytes = framesPerRead(layout) * layout.blockAlign;
  const size = Math.min(pieceBytes, total);
  let next = new Uint8Array(size);
  let spare = new Uint8Array(size);
  const readPiece = async (buffer: Uint8Array, from: number): Promise<Uint8Array> => {
    const length = Math.min(pieceBytes, total - from);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(buffer, filled, length - filled, layout.dataOffset + from + filled);
      if (bytesRead === 0) throw damagedAudioError(fileName, 'the WAV file ended while reading samples (was it truncated while open?)');
      filled += bytesRead;
    }
    return buffer.subarray(0, length);
  };
  let from = 0;
  let pending = total > 0 ? readPiece(next, 0) : null;
  try {
    while (pending) {
      const piece = await pending;
      from += piece.length;
      [next, spare] = [spare, next];
      pending = from < total ? readPiece(next, from) : null;
      yield piece;
    }
  } finally {
    // a consumer that stops early leaves a read in flight: settle it before the file is closed
    await pending?.catch(() => undefined);
  }
}

export async function openWavReader(handle: FileHandle, fileSize: number, fileName: string): Promise<AudioBlockReader> {
  const layout = await readWavLayout(handle, fileSize, fileName);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  async function* blocks(): AsyncGenerator<readonly Float32Array[], void, undefined> {
    const blockFrames = Math.min(framesPerRead(layout), layout.frameCount);
    const block = Array.from({ length: layout.channelCount }, () => new Float32Array(blockFrames));
    try {
      for await (const piece of dataPieces(handle, layout, fileName)) {
        const frames = deinterleaveSamples(piece, layout.coding, block, 0);
        yield frames === block[0]?.length ? block : block.map((channel) => channel.subarray(0, frames));
      }
    } finally {
      await close();
    }
  }
  return {
    info: { container: 'wav', sampleRate: layout.sampleRate, channelCount: layout.channelCount, frameCount: layout.frameCount },
    blocks,
    close,
  };
}

/** Decodes straight into the final per-channel arrays: the file's bytes are never held whole. */
export async function decodeWav(handle: FileHandle, fileSize: number, fileName: string): Promise<DecodedAudio> {
  try {
    const layout = await readWavLayout(handle, fileSize, fileName);
    const channels = Array.from({ length: layout.channelCount }, () => new Float32Array(layout.frameCount));
    let offset = 0;
    for await (const piece of dataPieces(handle, layout, fileName)) {
      offset += deinterleaveSamples(piece, layout.coding, channels, offset);
    }
    return { sampleRate: layout.sampleRate, channels, durationMs: (layout.frameCount * 1000) / layout.sampleRate };
  } finally {
    await handle.close();
  }
}
