import type { WavSampleCoding } from './wav-header';

/**
 * Interleaved WAV sample bytes to per-channel floats, through typed-array views on the bytes (no
 * DataView per sample, which is several times slower on hour-long files).
 */

const hostIsLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const BYTES_PER_SAMPLE: Record<WavSampleCoding, number> = {
  uint8: 1,
  int16: 2,
  int24: 3,
  int32: 4,
  float32: 4,
  float64: 8,
  mulaw: 1,
  alaw: 1,
};

/** G.711 µ-law byte to a linear sample in -1..1. */
function mulawToFloat(byte: number): number {
  const u = ~byte & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = ((((u & 0x0f) << 3) + 0x84) << exponent) - 0x84;
  return (u & 0x80 ? -magnitude : magnitude) / 32768;
}

/** G.711 A-law byte to a linear sample in -1..1. */
function alawToFloat(byte: number): number {
  const a = byte ^ 0x55;
  const exponent = (a >> 4) & 0x07;
  const mantissa = a & 0x0f;
  const magnitude = exponent === 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
  return (a & 0x80 ? magnitude : -magnitude) / 32768;
}

function byteTable(convert: (byte: number) => number): Float32Array {
  const table = new Float32Array(256);
  for (let byte = 0; byte < 256; byte++) table[byte] = convert(byte);
  return table;
}

const BYTE_TABLES = {
  uint8: byteTable((byte) => (byte - 128) / 128),
  mulaw: byteTable(mulawToFloat),
  alaw: byteTable(alawToFloat),
};

/** A typed view needs its byte offset to be a multiple of the element size; copy when it is not. */
function aligned(bytes: Uint8Array, elementSize: number): Uint8Array {
  return bytes.byteOffset % elementSize === 0 ? bytes : bytes.slice();
}

type SampleView = Int16Array | Int32Array | Float32Array | Float64Array;

function spread(samples: SampleView, scale: number, frames: number, targets: readonly Float32Array[], offset: number): void {
  const channelCount = targets.length;
  for (let c = 0; c < channelCount; c++) {
    const target = targets[c];
    if (!target) continue;
    for (let i = 0, j = c; i < frames; i++, j += channelCount) target[offset + i] = (samples[j] ?? 0) * scale;
  }
}

function spreadBytes(bytes: Uint8Array, table: Float32Array, frames: number, targets: readonly Float32Array[], offset: number): void {
  const channelCount = targets.length;
  for (let c = 0; c < channelCount; c++) {
    const target = targets[c];
    if (!target) continue;
    for (let i = 0, j = c; i < frames; i++, j += channelCount) target[offset + i] = table[bytes[j] ?? 0] ?? 0;
  }
}

function spreadInt24(bytes: Uint8Array, frames: number, targets: readonly Float32Array[], offset: number): void {
  const channelCount = targets.length;
  const stride = 3 * channelCount;
  for (let c = 0; c < channelCount; c++) {
    const target = targets[c];
    if (!target) continue;
    for (let i = 0, j = 3 * c; i < frames; i++, j += stride) {
      // assemble in the top 24 bits, then an arithmetic shift sign-extends
      const value = (((bytes[j + 2] ?? 0) << 24) | ((bytes[j + 1] ?? 0) << 16) | ((bytes[j] ?? 0) << 8)) >> 8;
      target[offset + i] = value / 8388608;
    }
  }
}

/**
 * Writes the whole frames in `bytes` (interleaved, `targets.length` channels) to
 * `targets[c][offset...]` and returns how many frames that was.
 */
export function deinterleaveSamples(
  bytes: Uint8Array,
  coding: WavSampleCoding,
  targets: readonly Float32Array[],
  offset: number,
): number {
  if (!hostIsLittleEndian && BYTES_PER_SAMPLE[coding] > 1) throw new Error('WAV decoding needs a little-endian host');
  const channelCount = targets.length;
  const size = BYTES_PER_SAMPLE[coding];
  const frames = Math.floor(bytes.length / (size * channelCount));
  const count = frames * channelCount;
  switch (coding) {
    case 'uint8':
    case 'mulaw':
    case 'alaw':
      spreadBytes(bytes, BYTE_TABLES[coding], frames, targets, offset);
      break;
    case 'int24':
      spreadInt24(bytes, frames, targets, offset);
      break;
    case 'int16': {
      const at = aligned(bytes, 2);
      spread(new Int16Array(at.buffer, at.byteOffset, count), 1 / 32768, frames, targets, offset);
      break;
    }
    case 'int32': {
      const at = aligned(bytes, 4);
      spread(new Int32Array(at.buffer, at.byteOffset, count), 1 / 2147483648, frames, targets, offset);
      break;
    }
    case 'float32': {
      const at = aligned(bytes, 4);
      const samples = new Float32Array(at.buffer, at.byteOffset, count);
      if (channelCount === 1) targets[0]?.set(samples, offset);
      else spread(samples, 1, frames, targets, offset);
      break;
    }
    case 'float64': {
      const at = aligned(bytes, 8);
      spread(new Float64Array(at.buffer, at.byteOffset, count), 1, frames, targets, offset);
      break;
    }
  }
  return frames;
}
