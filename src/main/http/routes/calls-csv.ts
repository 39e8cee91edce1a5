import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppCore } from '../../app';
import { attachmentHeader } from '../../export';
import { callsCsvDownload, callsCsvQuery } from '../../export/calls-csv';
import { parseQuery, type RouteAuth } from '../route-helpers';

/**
 * The calls list as CSV (issue 14): every call of the view, streamed.
 *   `GET /api/v1/calls.csv?filter=<the list filter as JSON>&sort=<column>:<asc|desc>` with the API key;
 *   `GET /media/calls.csv?...` the same for the UI's download link (session cookie).
 */
export function registerCallsCsvRoutes(app: FastifyInstance, core: AppCore): void {
  const download = async (request: FastifyRequest, reply: FastifyReply) => {
    const csv = callsCsvDownload(core.openReader(), parseQuery(callsCsvQuery, request));
    reply.raw.on('close', () => csv.stream.destroy());
    return reply.header('content-type', csv.contentType).header('content-disposition', attachmentHeader(csv.filename)).header('cache-control', 'no-store').send(csv.stream);
  };
  const route = (auth: RouteAuth) => ({ config: { auth } });
  app.get('/api/v1/calls.csv', route('api-key'), download);
  app.get('/media/calls.csv', route('session'), download);
}
