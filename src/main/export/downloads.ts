import { Readable } from 'node:stream';
import { ApiError } from '../../core/api/errors';
import type { StoredCall } from '../../core/model/call';
import type { Db } from '../store/db';
import { findCallIdByRef, getCall } from '../store/calls';
import { assertExportable, audioRefusal, downloadName, exportSubject, renderExport, type ExportOptions } from './call-export';
import type { ExportFormat, SelectionExportRequest } from './options';
import { streamAndRemove } from './temp-files';
import { zipExportStream } from './zip-export';

/** A redacted export ready to send: the HTTP routes and the desktop protocol both answer with it. */
export interface Download {
  filename: string;
  contentType: string;
  /** null when streamed without a known length (a zip). */
  size: number | null;
  stream: Readable;
}

/** `Content-Disposition` for a name we made (ASCII only: short ids and fixed words). */
export function attachmentHeader(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`;
}

export async function singleCallDownload(db: Db, dataDir: string, call: StoredCall, format: ExportFormat, options: ExportOptions): Promise<Download> {
  const subject = exportSubject(db, call, options.types);
  assertExportable(subject, [format]);
  const file = await renderExport(subject, format, options.mode, dataDir);
  const filename = downloadName(call, format);
  return file.body.kind === 'bytes'
    ? { filename, contentType: file.contentType, size: file.body.bytes.length, stream: Readable.from([file.body.bytes]) }
    : { filename, contentType: file.contentType, size: file.body.size, stream: streamAndRemove(file.body.path) };
}

/** Every ref resolved and every call checked before the first byte of the zip is sent. */
export function selectionDownload(db: Db, dataDir: string, request: SelectionExportRequest): Download {
  const calls: StoredCall[] = [];
  const unknown: string[] = [];
  for (const ref of [...new Set(request.call_ids)]) {
    const id = findCallIdByRef(db, ref);
    const call = id === null ? null : getCall(db, id);
    if (call && !calls.some((c) => c.id === call.id)) calls.push(call);
    else if (!call) unknown.push(ref);
  }
  if (unknown.length > 0) throw new ApiError('not_found', `no call with id ${unknown.map((ref) => `"${ref}"`).join(', ')}`);
  const subjects = calls.map((call) => exportSubject(db, call, request.types));
  // In a selection a call without exportable audio gets a note in its folder instead of its WAV;
  // only when no call at all could give what was asked is the request refused.
  const onlyAudio = request.formats.every((f) => f === 'wav');
  if (onlyAudio && subjects.every((subject) => audioRefusal(subject) !== null)) {
    for (const subject of subjects) assertExportable(subject, request.formats);
  }
  const filename = calls.length === 1 && calls[0] ? `callscope-${calls[0].short_id}-redacted.zip` : `callscope-redacted-${calls.length}-calls.zip`;
  return { filename, contentType: 'application/zip', size: null, stream: zipExportStream(subjects, request.formats, request.mode, dataDir) };
}
