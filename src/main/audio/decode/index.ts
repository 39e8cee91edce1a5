import { open, type FileHandle } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { decodeMp3, openMp3Reader } from './mp3';
import { damagedAudioError, unsupportedAudioError, type AudioBlockReader, type AudioContainer, type DecodedAudio } from './types';
import { decodeWav, openWavReader } from './wav';

export type { AudioBlockReader, AudioStreamInfo, DecodedAudio } from './types';

/** Formats recognised by their first bytes only to name them in the error. */
function otherFormat(head: Uint8Array): string | null {
  const text = (from: number, to: number): string => String.fromCharCode(...head.subarray(from, to));
  if (text(0, 4) === 'OggS') return 'Ogg (Vorbis/Opus)';
  if (text(0, 4) === 'fLaC') return 'FLAC';
  if (text(4, 8) === 'ftyp') return 'MP4/M4A';
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'WebM/Matroska';
  if (text(0, 4) === 'FORM') return 'AIFF';
  if (text(0, 4) === '.snd') return 'Sun/NeXT AU';
  return null;
}

/** The container, from the file's first bytes (the extension is only a fallback for MP3). */
function sniff(head: Uint8Array, fileName: string): AudioContainer {
  const magic = String.fromCharCode(...head.subarray(0, 4));
  if (magic === 'RIFF' || magic === 'RF64' || magic === 'RIFX') return 'wav'; // the WAV reader names the variant
  if (magic.startsWith('ID3') || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0)) return 'mp3';
  const other = otherFormat(head);
  if (other) throw unsupportedAudioError(fileName, `it is ${other} audio`);
  // MP3 files without a tag sometimes start with junk before the first frame: let the decoder try.
  if (extname(fileName).toLowerCase() === '.mp3') return 'mp3';
  const extension = extname(fileName) || 'no extension';
  // never quote the bytes: a file fetched for a stranger must not be read back through the error
  throw unsupportedAudioError(fileName, `it is not a recognised audio file (${extension}; its first bytes are no known audio format)`);
}

async function openAndSniff(path: string): Promise<{ handle: FileHandle; size: number; container: AudioContainer; fileName: string }> {
  const fileName = basename(path);
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) throw damagedAudioError(fileName, 'the file is empty');
    const head = new Uint8Array(12);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return { handle, size, container: sniff(head.subarray(0, bytesRead), fileName), fileName };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** A reader over the recording's samples, block by block (see AudioBlockReader). */
export async function openAudioFile(path: string): Promise<AudioBlockReader> {
  const { handle, size, container, fileName } = await openAndSniff(path);
  try {
    return container === 'wav' ? await openWavReader(handle, size, fileName) : await openMp3Reader(handle, size, fileName);
  } catch (error) {
    await handle.close().catch(() => undefined); // the readers close it themselves on some failures
    throw error;
  }
}

/** The whole recording as per-channel float samples. */
export async function decodeAudioFile(path: string): Promise<DecodedAudio> {
  const { handle, size, container, fileName } = await openAndSniff(path);
  return container === 'wav' ? decodeWav(handle, size, fileName) : decodeMp3(handle, size, fileName);
}
