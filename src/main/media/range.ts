import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { FastifyReply } from 'fastify';

/** Streams a file with HTTP Range support, so audio can be sought without downloading it whole. */
const audioTypes: Record<string, string> = {
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.flac': 'audio/flac',
  '.m4a': 'audio/mp4',
  '.webm': 'audio/webm',
  '.opus': 'audio/ogg',
};

export async function sendFileRange(reply: FastifyReply, path: string, rangeHeader: string | undefined): Promise<FastifyReply> {
  const { size } = await stat(path);
  const type = audioTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
  reply.header('accept-ranges', 'bytes').header('content-type', type).header('cache-control', 'no-store');
  const match = rangeHeader ? /^bytes=(\d*)-(\d*)$/.exec(rangeHeader.trim()) : null;
  if (!match) return reply.header('content-length', size).send(createReadStream(path));
  const [, from, to] = match;
  // "bytes=500-" from 500 to the end; "bytes=-500" the last 500; "bytes=0-99" the first 100
  const start = from ? Number(from) : to ? Math.max(0, size - Number(to)) : 0;
  const end = Math.min(from && to ? Number(to) : size - 1, size - 1);
  if (Number.isNaN(start) || start < 0 || start > end) {
    return reply.code(416).header('content-range', `bytes */${size}`).send();
  }
  return reply
    .code(206)
    .header('content-range', `bytes ${start}-${end}/${size}`)
    .header('content-length', end - start + 1)
    .send(createReadStream(path, { start, end }));
}
