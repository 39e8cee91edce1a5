import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../core/api/errors';

/** An upload that sends nothing for this long is answered 408. */
export const DEFAULT_UPLOAD_IDLE_MS = 30_000;

/**
 * Refused while the body is still arriving: the answer says the connection closes, and once it has
 * closed the request stream is ended, so whoever reads it (busboy, a file pipeline) fails and cleans up.
 */
function closeAfterAnswer(request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw;
  reply.header('connection', 'close');
  if (raw.socket.destroyed) raw.destroy();
  else raw.socket.once('close', () => raw.destroy());
}

/**
 * Reads a streamed upload under an idle deadline. A client that stops sending (cut off, stalled,
 * slow-loris) is answered 408 and its connection is closed once the answer is out: closing it ends
 * the body stream, which makes the reader remove its partial file and release the descriptor.
 *
 * The deadline is the request's own timeout (Node emits it only while the body is still arriving)
 * and is lifted as soon as the body is read, so a slow handler after that is never cut.
 */
export async function readUploadWithin<T>(request: FastifyRequest, reply: FastifyReply, idleMs: number, read: () => Promise<T>): Promise<T> {
  const raw = request.raw;
  let onIdle = (): void => undefined;
  const stalled = new Promise<never>((_resolve, reject) => {
    onIdle = () => reject(new ApiError('request_timeout', `the upload sent no data for ${idleMs / 1000} s and timed out; send the whole body`));
  });
  raw.setTimeout(idleMs, onIdle);
  const reading = read();
  try {
    return await Promise.race([reading, stalled]);
  } catch (error) {
    // The reader fails (and cleans up) once the connection closes; nobody waits for it any more.
    reading.catch(() => undefined);
    if (!raw.complete) closeAfterAnswer(request, reply);
    throw error;
  } finally {
    raw.setTimeout(0);
    raw.off('timeout', onIdle);
  }
}
