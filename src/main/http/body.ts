import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../core/api/errors';
import { checkJsonDepth, MAX_JSON_DEPTH } from '../../core/json/depth';

/**
 * The one JSON body parser: keeps the raw bytes (stored verbatim, and needed for webhook
 * signatures), refuses nesting deeper than 256 levels before parsing, and names what is wrong.
 * Only JSON types are registered, so any other content type is a 415.
 */
declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
  }
}

export function registerJsonParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    /^application\/([\w.+-]+\+)?json\s*(;.*)?$/i,
    { parseAs: 'buffer' },
    (request, body: Buffer, done) => {
      request.rawBody = body;
      const text = body.toString('utf8');
      if (text.trim().length === 0) {
        done(new ApiError('invalid_json', 'the request body is empty; send a JSON document'), undefined);
        return;
      }
      const depth = checkJsonDepth(text, MAX_JSON_DEPTH);
      if (!depth.ok) {
        done(
          new ApiError('invalid_payload', `JSON nests deeper than ${MAX_JSON_DEPTH} levels (at character ${depth.offset})`, [
            { path: '$', message: `nesting deeper than ${MAX_JSON_DEPTH} levels` },
          ]),
          undefined,
        );
        return;
      }
      try {
        done(null, JSON.parse(text));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        done(new ApiError('invalid_json', `the request body is not valid JSON: ${reason}`), undefined);
      }
    },
  );
}
