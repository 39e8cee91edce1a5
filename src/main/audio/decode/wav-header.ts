import type { FileHandle } from 'node:fs/promises';
import { damagedAudioError, unsupportedAudioError } from './types';

/** How one sample is stored in a WAV data chunk. */
export type WavSampleCoding = 'uint8' | 'int16' | 'int24' | 'int32' | 'float32' | 'float64' | 'mulaw' | 'alaw';

export interface WavLayout {
  coding: WavSampleCoding;
  sampleRate: number;
  channelCount: number;
  /** bytes per frame (one sample of every channel). */
  blockAlign: number;
  /** file offset of the first sample byte. */
  dataOffset: number;
  /** whole frames in the data chunk (a trailing partial frame is ignored). */
  frameCount: number;
}

const FORMAT_PCM = 0x0001;
const FORMAT_FLOAT = 0x0003;
const FORMAT_ALAW = 0x0006;
const FORMAT_MULAW = 0x0007;
const FORMAT_EXTENSIBLE = 0xfffe;

const FORMAT_NAMES: Record<number, string> = {
  0x0002: 'Microsoft ADPCM',
  0x0011: 'IMA ADPCM',
  0x0031: 'GSM 6.10',
  0x0050: 'MPEG',
  0x0055: 'MP3',
};

/** A data chunk size written by recorders that could not seek back to fill it in. */
const UNKNOWN_SIZE = 0xffffffff;

function fourCC(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

interface FmtFields {
  coding: WavSampleCoding;
  sampleRate: number;
  channelCount: number;
  blockAlign: number;
}

/** Reads the `fmt ` chunk body; the sample width is taken from blockAlign (the container size). */
export function parseFmtChunk(body: Uint8Array, fileName: string): FmtFields {
  if (body.length < 16) throw damagedAudioError(fileName, `the WAV fmt chunk is ${body.length} bytes, shorter than 16`);
  const fields = view(body);
  let formatTag = fields.getUint16(0, true);
  const channelCount = fields.getUint16(2, true);
  const sampleRate = fields.getUint32(4, true);
  const blockAlign = fields.getUint16(12, true);
  const bitsPerSample = fields.getUint16(14, true);
  if (formatTag === FORMAT_EXTENSIBLE) {
    // WAVE_FORMAT_EXTENSIBLE: the real format tag is the first two bytes of the SubFormat GUID.
    if (body.length < 26) throw damagedAudioError(fileName, 'the WAV fmt chunk says WAVE_FORMAT_EXTENSIBLE but has no SubFormat');
    formatTag = fields.getUint16(24, true);
  }
  if (channelCount === 0) throw damagedAudioError(fileName, 'the WAV header says 0 channels');
  if (sampleRate === 0) throw damagedAudioError(fileName, 'the WAV header says a sample rate of 0');
  if (blockAlign === 0 || blockAlign % channelCount !== 0) {
    throw damagedAudioError(fileName, `the WAV header's block size (${blockAlign}) does not fit ${channelCount} channels`);
  }
  const bytesPerSample = blockAlign / channelCount;
  const coding = sampleCoding(formatTag, bytesPerSample);
  if (coding === null) {
    const name = FORMAT_NAMES[formatTag] ?? `format 0x${formatTag.toString(16).padStart(4, '0')}`;
    throw unsupportedAudioError(fileName, `the WAV holds ${name} samples (${bitsPerSample}-bit)`);
  }
  return { coding, sampleRate, channelCount, blockAlign };
}

function sampleCoding(formatTag: number, bytesPerSample: number): WavSampleCoding | null {
  if (formatTag === FORMAT_PCM) {
    // Samples narrower than their container (e.g. 20 bits in 3 bytes) are left-justified, so
    // scaling by the container width is right.
    const byWidth: Record<number, WavSampleCoding> = { 1: 'uint8', 2: 'int16', 3: 'int24', 4: 'int32' };
    return byWidth[bytesPerSample] ?? null;
  }
  if (formatTag === FORMAT_FLOAT) return bytesPerSample === 4 ? 'float32' : bytesPerSample === 8 ? 'float64' : null;
  if (formatTag === FORMAT_MULAW && bytesPerSample === 1) return 'mulaw';
  if (formatTag === FORMAT_ALAW && bytesPerSample === 1) return 'alaw';
  return null;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(bytes, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return bytes.subarray(0, filled);
}

/**
 * Walks the RIFF chunks up to `data` with small positioned reads (metadata chunks before the
 * samples, however large, are skipped, not read).
 */
export async function readWavLayout(handle: FileHandle, fileSize: number, fileName: string): Promise<WavLayout> {
  const riff = await readAt(handle, 0, 12);
  const kind = fourCC(riff, 0);
  if (kind === 'RF64') throw unsupportedAudioError(fileName, 'it is an RF64 WAV (the 64-bit variant for files over 4 GiB)');
  if (kind === 'RIFX') throw unsupportedAudioError(fileName, 'it is a big-endian (RIFX) WAV');
  if (riff.length < 12 || kind !== 'RIFF' || fourCC(riff, 8) !== 'WAVE') {
    throw unsupportedAudioError(fileName, 'it has no RIFF/WAVE header, so it is not a WAV file');
  }
  let fmt: FmtFields | null = null;
  let position = 12;
  for (;;) {
    const header = await readAt(handle, position, 8);
    if (header.length < 8) {
      throw damagedAudioError(fileName, fmt ? 'the WAV has no data chunk: the file is truncated' : 'the WAV has no fmt chunk: the file is truncated');
    }
    const id = fourCC(header, 0);
    const size = view(header).getUint32(4, true);
    const bodyAt = position + 8;
    if (id === 'fmt ') {
      const body = await readAt(handle, bodyAt, Math.min(size, 64));
      if (body.length < Math.min(size, 16)) throw damagedAudioError(fileName, 'the WAV fmt chunk is cut off: the file is truncated');
      fmt = parseFmtChunk(body, fileName);
    } else if (id === 'data') {
      if (!fmt) throw damagedAudioError(fileName, 'the WAV data chunk comes before any fmt chunk');
      return { ...fmt, dataOffset: bodyAt, frameCount: Math.floor(dataBytes(size, bodyAt, fileSize, fileName) / fmt.blockAlign) };
    }
    position = bodyAt + size + (size % 2); // chunks are padded to an even length
  }
}

function dataBytes(declared: number, dataOffset: number, fileSize: number, fileName: string): number {
  const present = Math.max(0, fileSize - dataOffset);
  // 0 and 0xFFFFFFFF are what streaming writers leave when they cannot rewrite the header:
  // the samples run to the end of the file.
  if (declared === UNKNOWN_SIZE || (declared === 0 && present > 0)) return present;
  if (declared > present) {
    throw damagedAudioError(fileName, `the WAV data chunk declares ${declared} bytes but the file holds ${present}: the file is truncated`);
  }
  return declared;
}
