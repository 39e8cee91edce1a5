import { Readable } from 'node:stream';
import { ApiError, httpStatusByCode, toErrorBody } from '../../core/api/errors';
import { parseOrThrow } from '../../core/api/validate';
import type { AppCore } from '../app';
import { attachmentHeader, selectionDownload, selectionExportQuery, singleCallDownload, singleExportQuery, type Download } from '../export';
import { getCall } from '../store/calls';
import { callsCsvDownload, callsCsvQuery } from '../export/calls-csv';

/**
 * The desktop twin of serve's `/media/calls/{id}/export` and `/media/exports`:
 * `callscope-media://calls/<id>/export?format=...`, `callscope-media://exports?call_ids=...` and
 * `callscope-media://calls.csv?filter=...&sort=...` (the list as CSV).
 * The download links of the renderer point here; Electron saves what they answer.
 */
function toResponse(download: Download): Response {
  const headers: Record<string, string> = { 'content-type': download.contentType, 'content-disposition': attachmentHeader(download.filename) };
  if (download.size !== null) headers['content-length'] = String(download.size);
  return new Response(Readable.toWeb(download.stream), { headers });
}

export async function exportResponse(core: AppCore, url: URL): Promise<Response> {
  const query = Object.fromEntries(url.searchParams);
  try {
    if (url.host === 'calls.csv') return toResponse(callsCsvDownload(core.openReader(), parseOrThrow(callsCsvQuery, query, 'invalid query parameters')));
    if (url.host === 'exports') return toResponse(selectionDownload(core.db, core.config.dataDir, parseOrThrow(selectionExportQuery, query, 'invalid query parameters')));
    const [, id] = /^\/(\d+)\/export$/.exec(url.pathname) ?? [];
    const call = url.host === 'calls' && id ? getCall(core.db, Number(id)) : null;
    if (!call) throw new ApiError('not_found', 'no such call');
    const { format, types, mode } = parseOrThrow(singleExportQuery, query, 'invalid query parameters');
    return toResponse(await singleCallDownload(core.db, core.config.dataDir, call, format, { types, mode }));
  } catch (error) {
    const apiError = error instanceof ApiError ? error : new ApiError('internal', error instanceof Error ? error.message : String(error));
    return new Response(JSON.stringify(toErrorBody(apiError)), { status: httpStatusByCode[apiError.code], headers: { 'content-type': 'application/json' } });
  }
}
