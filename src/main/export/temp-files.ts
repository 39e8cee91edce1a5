import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** Rendered WAVs wait here between rendering and sending; each is deleted once sent. */
export async function exportTempPath(dataDir: string, extension: string): Promise<string> {
  const dir = join(dataDir, 'media', 'exports');
  await mkdir(dir, { recursive: true });
  return join(dir, `${randomUUID()}${extension}`);
}

export async function removeTemp(path: string): Promise<void> {
  await rm(path, { force: true });
}

/** Streams a temporary file and deletes it when the stream closes (sent, aborted or failed). */
export function streamAndRemove(path: string): Readable {
  const stream = createReadStream(path);
  stream.once('close', () => void removeTemp(path));
  return stream;
}
