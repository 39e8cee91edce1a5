import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppCore } from '../../app';
import { attachmentHeader, selectionDownload, selectionExportBody, selectionExportQuery, singleCallDownload, singleExportQuery, type Download } from '../../export';
import { callFromParam, parseBody, parseQuery, type RouteAuth } from '../route-helpers';

/**
 * Redacted exports (issue 6). For scripts, with the API key:
 *   `GET /api/v1/calls/{id}/export?format=json|txt|wav&types=a,b&mode=tone|silence`
 *   `POST /api/v1/exports` `{call_ids, formats, types?, mode?}` → a zip.
 * For the UI's download links in serve mode, with the session cookie (a link cannot send a key):
 *   `GET /media/calls/{id}/export?...` and `GET /media/exports?call_ids=a,b&formats=...`.
 */
function send(reply: FastifyReply, download: Download): FastifyReply {
  reply.header('content-type', download.contentType).header('content-disposition', attachmentHeader(download.filename)).header('cache-control', 'no-store');
  if (download.size !== null) reply.header('content-length', download.size);
  return reply.send(download.stream);
}

export function registerExportRoutes(app: FastifyInstance, core: AppCore): void {
  const dataDir = core.config.dataDir;
  const single = (auth: RouteAuth) => ({ config: { auth } });

  const oneCall = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const call = callFromParam(core, request.params.id);
    const { format, types, mode } = parseQuery(singleExportQuery, request);
    return send(reply, await singleCallDownload(core.db, dataDir, call, format, { types, mode }));
  };
  app.get<{ Params: { id: string } }>('/api/v1/calls/:id/export', single('api-key'), oneCall);
  app.get<{ Params: { id: string } }>('/media/calls/:id/export', single('session'), oneCall);

  app.post('/api/v1/exports', single('api-key'), async (request, reply) => send(reply, selectionDownload(core.db, dataDir, parseBody(selectionExportBody, request))));
  app.get('/media/exports', single('session'), async (request, reply) => send(reply, selectionDownload(core.db, dataDir, parseQuery(selectionExportQuery, request))));
}
