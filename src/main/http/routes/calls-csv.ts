import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { callListFilterSchema } from '../../../core/api/filter-schema';
import { callSortColumns } from '../../../core/api/types';
import type { AppCore } from '../../app';
import { callsCsv } from '../../store/call-export';
import { parseQuery, type RouteAuth } from '../route-helpers';

/**
 * The calls list as CSV (issue 14): every call of the view, streamed.
 *   `GET /api/v1/calls.csv?filter=<the list filter as JSON>&sort=<column>:<asc|desc>` with the API key;
 *   `GET /media/calls.csv?...` the same for the UI's download link (session cookie).
 */
const csvQuery = z.object({
  filter: z
    .string()
    .max(100_000)
    .optional()
    .transform((text, context) => {
      if (!text) return {};
      try {
        const parsed: unknown = JSON.parse(text);
        return parsed;
      } catch {
        context.addIssue({ code: 'custom', message: 'filter must be the list filter as JSON' });
        return z.NEVER;
      }
    })
    .pipe(callListFilterSchema),
  sort: z
    .string()
    .default('started_at:desc')
    .transform((text) => {
      const [column, direction = 'desc'] = text.split(':');
      return { column, direction };
    })
    .pipe(z.object({ column: z.enum(callSortColumns), direction: z.enum(['asc', 'desc']) })),
});

export function registerCallsCsvRoutes(app: FastifyInstance, core: AppCore): void {
  const download = async (request: FastifyRequest, reply: FastifyReply) => {
    const query = parseQuery(csvQuery, request);
    const reader = core.openReader();
    const slices = callsCsv(reader, query);
    const body = Readable.from(
      (async function* () {
        try {
          for (const text of slices) {
            yield text;
            // let the listener answer other requests between slices
            await new Promise((resolve) => setImmediate(resolve));
          }
        } finally {
          reader.close();
        }
      })(),
    );
    reply.raw.on('close', () => body.destroy());
    const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="callscope-calls-${stamp}.csv"`)
      .header('cache-control', 'no-store')
      .send(body);
  };
  const route = (auth: RouteAuth) => ({ config: { auth } });
  app.get('/api/v1/calls.csv', route('api-key'), download);
  app.get('/media/calls.csv', route('session'), download);
}
