import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ImportProgress, ImportSummary } from '../../core/api/types';
import type { ImportTarget } from '../services';
import { findCallIdByRef, getCall, setRecordingPath } from '../store/calls';
import { recordingsDir } from '../media/recordings';
import { parseJsonText } from './documents';
import { countInto, emptyTally, errorOf, ingestItems, itemsOfDocument, type ItemResult, type PendingItem } from './ingest-documents';
import { collectImportFiles, type ImportFile } from './walk';
import { fileFailureMessage } from './failure-message';
import { isReadable, type ImportAccess } from './import-access';

/**
 * Imports files and folders: `.json` (one call, an array, a list response), `.jsonl` streamed line
 * by line in batches (memory stays flat however long the file), and audio files attached to the
 * call whose id matches the file stem. A failing file or line is reported and the rest go on.
 */
export interface ImportOptions {
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** where reading is allowed (the API's importPaths); the shell's import reads what it is given. */
  access?: ImportAccess;
}

const MAX_JSON_FILE_BYTES = 512 * 1024 * 1024;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function importPaths(core: ImportTarget, paths: readonly string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 500;
  const { access } = options;
  const { files, skipped } = await collectImportFiles(paths, access ? (path) => isReadable(access, path) : undefined);
  const tally = emptyTally();
  const failures = skipped.map((s) => ({ source: s.source, message: s.message }));
  tally.failed += skipped.length;
  const progress: ImportProgress = { files_done: 0, files_total: files.length, bytes_done: 0, bytes_total: files.reduce((n, f) => n + f.bytes, 0), ...tally, current: null };
  const report = (patch: Partial<ImportProgress> = {}) => {
    Object.assign(progress, tally, patch);
    options.onProgress?.({ ...progress });
  };
  const record = (results: ItemResult[]) => {
    for (const result of results) {
      countInto(tally, result);
      if (!result.ok) failures.push({ source: result.source, message: fileFailureMessage(result.error) });
    }
  };
  let attached = 0;
  report();

  const ordered = [...files.filter((f) => f.kind !== 'audio'), ...files.filter((f) => f.kind === 'audio')];
  for (const file of ordered) {
    if (options.signal?.aborted) break;
    report({ current: file.path });
    try {
      if (file.kind === 'jsonl') await importJsonLines(core, file, batchSize, record, (bytes) => report({ bytes_done: progress.bytes_done + bytes }), options.signal);
      else if (file.kind === 'json') record(await importJsonFile(core, file));
      else attached += await attachRecording(core, file.path);
    } catch (error) {
      tally.failed++;
      failures.push({ source: file.path, message: fileFailureMessage(errorOf(error)) });
    }
    report({ files_done: progress.files_done + 1, bytes_done: sumBytes(ordered, progress.files_done + 1), current: null });
    await yieldToEventLoop();
  }
  return { ...tally, files: files.length, attached, failures, cancelled: options.signal?.aborted ?? false };
}

function sumBytes(files: readonly ImportFile[], count: number): number {
  return files.slice(0, count).reduce((n, f) => n + f.bytes, 0);
}

async function importJsonFile(core: ImportTarget, file: ImportFile): Promise<ItemResult[]> {
  if (file.bytes > MAX_JSON_FILE_BYTES) throw new Error(`${file.path} is larger than ${MAX_JSON_FILE_BYTES} bytes; split it or use JSON Lines`);
  const bytes = await readFile(file.path);
  const document = parseJsonText(bytes.toString('utf8'));
  return ingestItems(core, itemsOfDocument(document, basename(file.path), bytes, basename(file.path)), 'import:file', 'application/json');
}

async function importJsonLines(
  core: ImportTarget,
  file: ImportFile,
  batchSize: number,
  record: (results: ItemResult[]) => void,
  onBytes: (bytes: number) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const stream = createReadStream(file.path, { encoding: 'utf8', highWaterMark: 1024 * 1024 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const name = basename(file.path);
  let batch: PendingItem[] = [];
  let lineNumber = 0;
  let bytesSinceReport = 0;
  const flush = async () => {
    record(ingestItems(core, batch, 'import:file', 'application/x-ndjson'));
    batch = [];
    onBytes(bytesSinceReport);
    bytesSinceReport = 0;
    await yieldToEventLoop();
  };
  for await (const line of lines) {
    lineNumber++;
    bytesSinceReport += Buffer.byteLength(line) + 1;
    if (line.trim().length === 0) continue;
    const source = `${name}:${lineNumber}`;
    try {
      batch.push(...itemsOfDocument(parseJsonText(line), source, Buffer.from(line), source));
    } catch (error) {
      record([{ ok: false, source, error: errorOf(error) }]);
    }
    if (batch.length >= batchSize) await flush();
    if (signal?.aborted) break;
  }
  if (batch.length > 0) await flush();
  lines.close();
  stream.destroy();
}

/**
 * Attaches an audio file to the call whose id (provider id, short id or uuid) is the stem of
 * `name` (the file's own name unless given: uploads arrive under a temporary name).
 */
export async function attachRecording(core: ImportTarget, path: string, name = basename(path)): Promise<number> {
  const stem = basename(name, extname(name));
  const id = findCallIdByRef(core.db, stem);
  const call = id === null ? null : getCall(core.db, id);
  if (!call) throw new Error(`${name}: no call with id "${stem}" to attach this recording to`);
  const dir = recordingsDir(core.config.dataDir);
  await mkdir(dir, { recursive: true });
  const target = join(dir, `${call.short_id}${extname(path).toLowerCase()}`);
  await copyFile(path, target);
  setRecordingPath(core.db, call.id, target);
  core.events.emit('calls.changed', { ids: [call.id], change: 'merged' });
  // Analysis runs in the worker; the import does not wait for it.
  void core.audio.analyse(call.id);
  return 1;
}
