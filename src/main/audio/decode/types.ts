/** A whole recording decoded to per-channel samples in -1..1 (float WAV may exceed that range). */
export interface DecodedAudio {
  sampleRate: number;
  /** one array per channel, all of the same length. */
  channels: Float32Array[];
  /** frames / sampleRate, in milliseconds (not rounded). */
  durationMs: number;
}

export type AudioContainer = 'wav' | 'mp3';

export interface AudioStreamInfo {
  container: AudioContainer;
  sampleRate: number;
  channelCount: number;
  /** frames, when the container says so up front (WAV); null when only decoding tells (MP3). */
  frameCount: number | null;
}

/**
 * A recording read block by block, so a long file is analysed without holding it all as floats.
 * Each block has one array per channel, all of the same length. A block's arrays may be reused
 * for the next block: read them before asking for the next one, copy them to keep them.
 */
export interface AudioBlockReader {
  info: AudioStreamInfo;
  /** Iterate once: the file is closed when the iteration ends (or stops early). */
  blocks(): AsyncGenerator<readonly Float32Array[], void, undefined>;
  /** Releases the file (and the decoder); safe to call more than once. */
  close(): Promise<void>;
}

export const SUPPORTED_FORMATS = 'WAV (PCM 8/16/24/32-bit integer, 32/64-bit float, µ-law, A-law) and MP3';

/** A file in a format (or variant) we do not read: says which file, what it is, and what would work. */
export function unsupportedAudioError(fileName: string, reason: string): Error {
  return new Error(`Cannot decode ${fileName}: ${reason}. Supported formats: ${SUPPORTED_FORMATS}.`);
}

/** A file of a supported format that is damaged (truncated, inconsistent header). */
export function damagedAudioError(fileName: string, reason: string): Error {
  return new Error(`Cannot decode ${fileName}: ${reason}.`);
}
