import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../../../core/api/errors';
import type { AppCore } from '../../app';
import { looksLikeJsonLines } from '../../import/documents';
import { countInto, emptyTally } from '../../import/ingest-documents';
import { documentUnits, ingestInSlices, jsonLinesUnits } from '../../import/sliced-import';
import { diskFullError } from '../../store/disk-full';
import { contentTypeOf, parseQuery, rawBodyOf } from '../route-helpers';

/**
 * `POST /api/v1/import`: any supported payload, an array of them, a provider's list response, or
 * JSON Lines. Detects each call's format (a bare transcript array is one call, named after `?source=`);
 * answers with one result per call (each with the format it was read as) and the tally. A body
 * holding exactly one call that is refused gets that refusal's status (422 for "not a call").
 */
const IMPORT = '/api/v1/import';
/** `source`: where the body came from (a file name); a call that names no call of its own is named after it. */
const importQuery = z.object({ source: z.string().min(1).max(255).optional() });
const IMPORT_BODY_LIMIT = 256 * 1024 * 1024;

export async function registerImportRoute(app: FastifyInstance, core: AppCore): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser(/^application\/(x-)?(ndjson|jsonl|json-lines|jsonlines)/i, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (request, body: Buffer, done) => {
      request.rawBody = body;
      done(null, body.toString('utf8'));
    });

    scope.post(IMPORT, { bodyLimit: IMPORT_BODY_LIMIT, config: { auth: 'api-key' } }, async (request, reply) => {
      const contentType = contentTypeOf(request);
      const { source } = parseQuery(importQuery, request);
      const units =
        looksLikeJsonLines(contentType) && typeof request.body === 'string'
          ? jsonLinesUnits(request.body, source ?? 'line', source !== undefined)
          : documentUnits(request.body, source ?? 'body', rawBodyOf(request), source ?? null);
      const results = await ingestInSlices(core, units, IMPORT, contentType);
      const tally = emptyTally();
      for (const result of results) countInto(tally, result);
      const only = results.length === 1 ? results[0] : undefined;
      if (only && !only.ok) {
        throw new ApiError(only.error.code, only.error.message, only.error.fields);
      }
      if (results.length === 0) throw new ApiError('invalid_payload', 'the body holds no calls', [{ path: '$', message: 'empty' }]);
      // nothing stored for want of space: the whole import is a 507, to be sent again
      const stored = tally.imported + tally.merged + tally.duplicates;
      if (stored === 0 && results.some((r) => !r.ok && r.error.code === 'insufficient_storage')) throw diskFullError();
      return reply.code(tally.imported > 0 ? 201 : 200).send({ ...tally, results });
    });
  });
}
