import { rm } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { ApiError } from '../../../core/api/errors';
import type { AppCore } from '../../app';
import { attachRecording } from '../../import/import-files';
import { AUDIO_EXTENSIONS, receiveRecording } from '../../media/recordings';
import { parseQuery } from '../route-helpers';
import { readUploadWithin } from '../upload-deadline';

/**
 * `POST /api/v1/recordings?filename=<call id>.wav`: a recording streamed to disk (never held in
 * memory, up to 1 GiB) and attached to the call whose id is the file stem. What the browser uses
 * for dropped audio in serve mode; scripts may use it with the API key.
 */
const MAX_BYTES = 1024 * 1024 * 1024;
const query = z.object({
  filename: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => AUDIO_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)), { message: `must end in ${AUDIO_EXTENSIONS.join(', ')}` }),
});

export async function registerRecordingRoutes(app: FastifyInstance, core: AppCore, uploadIdleMs: number): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser('*', { bodyLimit: MAX_BYTES }, (_request, payload, done) => done(null, payload));
    scope.post('/api/v1/recordings', { bodyLimit: MAX_BYTES, config: { auth: 'session' } }, async (request, reply) => {
      const { filename } = parseQuery(query, request);
      const stream = request.body;
      if (!(stream instanceof Readable)) throw new ApiError('invalid_payload', 'send the audio file as the request body');
      const temp = await readUploadWithin(request, reply, uploadIdleMs, () => receiveRecording(core.config.dataDir, stream, filename));
      try {
        await attachRecording(core, temp, filename);
      } catch (error) {
        throw new ApiError('not_found', error instanceof Error ? error.message : String(error));
      } finally {
        await rm(temp, { force: true });
      }
      return reply.code(201).send({ attached: true, filename });
    });
  });
}
