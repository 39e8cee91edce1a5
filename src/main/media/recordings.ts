import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

/** Uploaded and imported recordings live under `<data dir>/media/recordings/`. */
export const AUDIO_EXTENSIONS = ['.wav', '.mp3', '.ogg', '.flac', '.m4a', '.webm', '.opus'];

export function recordingsDir(dataDir: string): string {
  return join(dataDir, 'media', 'recordings');
}

function safeExtension(filename: string): string {
  const ext = extname(filename).toLowerCase();
  return AUDIO_EXTENSIONS.includes(ext) ? ext : '.bin';
}

/** Streams an upload to a temporary file (never held in memory); the caller adopts or discards it. */
export async function receiveRecording(dataDir: string, stream: Readable, filename: string): Promise<string> {
  const dir = join(recordingsDir(dataDir), 'incoming');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}${safeExtension(filename)}`);
  try {
    await pipeline(stream, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return path;
}

/** Moves a received file to its final name for a call and returns that path. */
export async function adoptRecording(dataDir: string, tempPath: string, callShortId: string): Promise<string> {
  const dir = recordingsDir(dataDir);
  await mkdir(dir, { recursive: true });
  const finalPath = join(dir, `${callShortId}${extname(tempPath)}`);
  await rename(tempPath, finalPath);
  return finalPath;
}
