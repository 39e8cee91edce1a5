import type { ImportSummary } from '../../../core/api/types';
import { api, grantFile, uploadRecording } from '../api';
import { newImportId, useImport } from './store';

const AUDIO = /\.(wav|mp3|ogg|flac|m4a|webm|opus)$/i;
const JSON_LINES = /\.(jsonl|ndjson)$/i;
/** JSON Lines files go up in pieces of whole lines of about this size. */
const PIECE_BYTES = 4 * 1024 * 1024;

function addSummary(total: ImportSummary, part: ImportSummary): void {
  total.imported += part.imported;
  total.merged += part.merged;
  total.duplicates += part.duplicates;
  total.failed += part.failed;
  total.attached += part.attached;
  total.failures.push(...part.failures);
  for (const [format, calls] of Object.entries(part.formats)) total.formats[format] = (total.formats[format] ?? 0) + calls;
}

function* linePieces(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + PIECE_BYTES);
    if (end < text.length) {
      const newline = text.lastIndexOf('\n', end);
      end = newline > start ? newline + 1 : text.indexOf('\n', end) + 1 || text.length;
    }
    yield text.slice(start, end);
    start = end;
  }
}

/**
 * Imports dropped or chosen files. The desktop app hands main the file paths (it streams them);
 * a browser against `callscope serve` reads each file and sends its text, JSON Lines in pieces.
 */
export async function importFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const store = useImport.getState();
  const importId = newImportId();
  const paths = await Promise.all(files.map(grantFile));
  if (paths.every((p): p is string => p !== null)) {
    store.start(importId, files.length, files.reduce((n, f) => n + f.size, 0));
    try {
      await api.importPaths({ import_id: importId, paths });
    } catch (error) {
      store.finish(importId, failedSummary(files.length, 'import', error));
    }
    return;
  }
  const total: ImportSummary = { imported: 0, merged: 0, duplicates: 0, failed: 0, files: files.length, attached: 0, failures: [], cancelled: false, formats: {} };
  const bytesTotal = files.reduce((n, f) => n + f.size, 0);
  let bytesDone = 0;
  store.start(importId, files.length, bytesTotal);
  const ordered = [...files.filter((f) => !AUDIO.test(f.name)), ...files.filter((f) => AUDIO.test(f.name))];
  for (const [index, file] of ordered.entries()) {
    try {
      if (AUDIO.test(file.name)) {
        await uploadRecording(file);
        total.attached++;
      } else if (JSON_LINES.test(file.name)) {
        for (const piece of linePieces(await file.text())) {
          addSummary(total, await api.importDocument({ name: file.name, text: piece }));
          useImport.getState().update(importId, progressOf(total, index, files.length, bytesDone + piece.length, bytesTotal, file.name));
        }
      } else if (/\.json$/i.test(file.name)) {
        addSummary(total, await api.importDocument({ name: file.name, text: await file.text() }));
      } else {
        total.failed++;
        total.failures.push({ source: file.name, message: 'unsupported file type (use .json, .jsonl or audio)' });
      }
    } catch (error) {
      total.failed++;
      total.failures.push({ source: file.name, message: error instanceof Error ? error.message : String(error) });
    }
    bytesDone += file.size;
    useImport.getState().update(importId, progressOf(total, index + 1, files.length, bytesDone, bytesTotal, null));
  }
  useImport.getState().finish(importId, total);
}

function progressOf(total: ImportSummary, filesDone: number, filesTotal: number, bytesDone: number, bytesTotal: number, current: string | null) {
  return { files_done: filesDone, files_total: filesTotal, bytes_done: bytesDone, bytes_total: bytesTotal, imported: total.imported, merged: total.merged, duplicates: total.duplicates, failed: total.failed, current };
}

function failedSummary(files: number, source: string, error: unknown): ImportSummary {
  return { imported: 0, merged: 0, duplicates: 0, failed: files, files, attached: 0, failures: [{ source, message: error instanceof Error ? error.message : String(error) }], cancelled: false, formats: {} };
}
