import type { FileHandle } from 'node:fs/promises';
import type { MPEGDecodedAudio, MPEGDecoder } from 'mpg123-decoder';
import { damagedAudioError, type AudioBlockReader, type DecodedAudio } from './types';

/** Bytes handed to the decoder at a time (about 16 s of a 128 kbit/s file). */
const READ_BYTES = 256 * 1024;

/** An ID3v2 tag's length from its 10-byte header (0 when there is none). */
function id3v2Length(head: Uint8Array): number {
  if (head.length < 10 || head[0] !== 0x49 || head[1] !== 0x44 || head[2] !== 0x33) return 0;
  // the size is "syncsafe": four bytes of seven bits each
  const size = (((head[6] ?? 0) & 0x7f) << 21) | (((head[7] ?? 0) & 0x7f) << 14) | (((head[8] ?? 0) & 0x7f) << 7) | ((head[9] ?? 0) & 0x7f);
  const footer = ((head[5] ?? 0) & 0x10) !== 0 ? 10 : 0;
  return 10 + size + footer;
}

/** The offset of the first plausible MPEG audio frame header in `bytes`, or null. */
function firstFrameAt(bytes: Uint8Array): number | null {
  for (let i = 0; i + 4 <= bytes.length; i++) {
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    if (bytes[i] !== 0xff || (b1 & 0xe0) !== 0xe0) continue;
    const version = (b1 >> 3) & 0x03; // 1 is reserved
    const layer = (b1 >> 1) & 0x03; // 0 is reserved
    const bitrate = b2 >> 4; // 0 (free format) is too rare to trust, 15 is invalid
    const rate = (b2 >> 2) & 0x03; // 3 is reserved
    if (version === 1 || layer === 0 || bitrate === 0 || bitrate === 15 || rate === 3) continue;
    return i;
  }
  return null;
}

/**
 * The channel count of the first plausible MPEG audio frame header in `bytes`, or null. mpg123's
 * wasm build always outputs two channels (a mono file comes out as two identical ones), so this
 * is the only way to know a recording is mono.
 */
export function mpegChannelCount(bytes: Uint8Array): 1 | 2 | null {
  const at = firstFrameAt(bytes);
  if (at === null) return null;
  return (((bytes[at + 3] ?? 0) >> 6) & 0x03) === 3 ? 1 : 2;
}

/**
 * True when the first frame is an encoder's info frame (Xing / Info, which LAME extends with the
 * encoder delay and padding, or Fraunhofer's VBRI): the tag sits after the side information,
 * within the frame's first 40 bytes. With it, mpg123 trims the encoder delay itself.
 */
export function hasEncoderInfoTag(bytes: Uint8Array): boolean {
  const at = firstFrameAt(bytes);
  if (at === null) return false;
  const text = String.fromCharCode(...bytes.subarray(at + 4, at + 44));
  return /Xing|Info|VBRI/.test(text);
}

/**
 * Samples an MP3 encoder puts before the audio when no info tag says how many: LAME's default
 * delay (576 + 529 = 1105). mpg123 already drops the decoder's own 529 samples, so without a tag
 * the decoded speech comes out exactly this late (measured at 8 to 48 kHz on sox-written files:
 * 1105 samples, 69 ms at 16 kHz).
 */
export const UNTAGGED_ENCODER_DELAY = 1105;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  const { bytesRead } = await handle.read(bytes, 0, length, position);
  return bytes.subarray(0, bytesRead);
}

async function createDecoder(): Promise<MPEGDecoder> {
  // mpg123-decoder is an ES module only; a dynamic import keeps it out of the CommonJS require path
  const { MPEGDecoder: Decoder } = await import('mpg123-decoder');
  const decoder = new Decoder();
  await decoder.ready;
  return decoder;
}

export async function openMp3Reader(handle: FileHandle, fileSize: number, fileName: string): Promise<AudioBlockReader> {
  const head = await readAt(handle, 0, 10);
  const tagLength = id3v2Length(head);
  const opening = await readAt(handle, tagLength, 64 * 1024);
  const channelCount = mpegChannelCount(opening) ?? 2;
  let toSkip = hasEncoderInfoTag(opening) ? 0 : UNTAGGED_ENCODER_DELAY;
  const decoder = await createDecoder();
  let position = 0;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    decoder.free();
    await handle.close();
  };
  const decodeNext = async (): Promise<MPEGDecodedAudio | null> => {
    if (position >= fileSize) return null;
    const bytes = await readAt(handle, position, READ_BYTES);
    if (bytes.length === 0) return null;
    position += bytes.length;
    return decoder.decode(bytes);
  };

  // Decode until the first samples: only they tell the sample rate.
  let first: MPEGDecodedAudio | null = null;
  try {
    for (let decoded = await decodeNext(); decoded; decoded = await decodeNext()) {
      if (decoded.samplesDecoded > 0) {
        first = decoded;
        break;
      }
    }
  } catch (error) {
    await close();
    throw error;
  }
  if (!first) {
    await close();
    throw damagedAudioError(fileName, 'no MPEG audio frame in it could be decoded (is it really an MP3?)');
  }
  const sampleRate = first.sampleRate;
  /** The decoded channels, less what is left of the encoder delay (possibly nothing at all). */
  const pick = (decoded: MPEGDecodedAudio): Float32Array[] => {
    const skipped = Math.min(toSkip, decoded.samplesDecoded);
    toSkip -= skipped;
    return decoded.channelData.slice(0, channelCount).map((samples) => samples.subarray(skipped, decoded.samplesDecoded));
  };

  async function* blocks(): AsyncGenerator<readonly Float32Array[], void, undefined> {
    try {
      const opened = first;
      first = null;
      if (opened) {
        const block = pick(opened);
        if ((block[0]?.length ?? 0) > 0) yield block;
      }
      for (let decoded = await decodeNext(); decoded; decoded = await decodeNext()) {
        if (decoded.samplesDecoded === 0) continue;
        const block = pick(decoded);
        if ((block[0]?.length ?? 0) > 0) yield block;
      }
    } finally {
      await close();
    }
  }
  return { info: { container: 'mp3', sampleRate, channelCount, frameCount: null }, blocks, close };
}

export async function decodeMp3(handle: FileHandle, fileSize: number, fileName: string): Promise<DecodedAudio> {
  const reader = await openMp3Reader(handle, fileSize, fileName);
  const { sampleRate, channelCount } = reader.info;
  const pieces: Float32Array[][] = Array.from({ length: channelCount }, () => []);
  let frames = 0;
  for await (const block of reader.blocks()) {
    block.forEach((samples, c) => pieces[c]?.push(samples));
    frames += block[0]?.length ?? 0;
  }
  const channels = pieces.map((list) => {
    const joined = new Float32Array(frames);
    let offset = 0;
    for (const piece of list) {
      joined.set(piece, offset);
      offset += piece.length;
    }
    return joined;
  });
  return { sampleRate, channels, durationMs: (frames * 1000) / sampleRate };
}
