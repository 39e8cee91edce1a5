import { ApiError, type ErrorCode } from '../../core/api/errors';
import { callsInDocument, normalizeAny } from '../../core/formats/registry';
import type { NormalizedCall } from '../../core/model/call';
import type { ImportTarget } from '../services';
import type { IngestJob } from '../store/ingest-batch';
import { diskFullError, isDiskFull } from '../store/disk-full';

/** What happened to one call of an import. */
export type ItemResult =
  | {
      ok: true;
      source: string;
      call_id: number;
      short_id: string;
      outcome: 'created' | 'merged' | 'duplicate';
      external_id: string;
      provider: string;
      /** the shape it was read as, e.g. `retell.transcript` for a bare Retell transcript. */
      source_format: string;
    }
  | { ok: false; source: string; error: { code: ErrorCode; message: string; fields?: { path: string; message: string }[] } };

export interface ImportTally {
  imported: number;
  merged: number;
  duplicates: number;
  failed: number;
  /** calls read, by the format each was read as. */
  formats: Record<string, number>;
}

export function emptyTally(): ImportTally {
  return { imported: 0, merged: 0, duplicates: 0, failed: 0, formats: {} };
}

export function countInto(tally: ImportTally, result: ItemResult): void {
  if (!result.ok) {
    tally.failed++;
    return;
  }
  tally.formats[result.source_format] = (tally.formats[result.source_format] ?? 0) + 1;
  if (result.outcome === 'created') tally.imported++;
  else if (result.outcome === 'merged') tally.merged++;
  else tally.duplicates++;
}

const isSqliteError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_');

/**
 * What an import result says of a failure: our own errors as they are; a full disk as 507's words;
 * SQLite's own text only in the log, never in the answer (issue 17).
 */
export function errorOf(error: unknown): Extract<ItemResult, { ok: false }>['error'] {
  if (error instanceof ApiError) return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  if (isDiskFull(error)) return { code: 'insufficient_storage', message: diskFullError().message };
  if (isSqliteError(error)) {
    console.error(`callscope: a call could not be stored: ${error instanceof Error ? error.message : String(error)}`);
    return { code: 'internal', message: 'the call could not be stored (an internal error, written to the log)' };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export interface PendingItem {
  source: string;
  payload: unknown;
  bytes: Buffer;
  /** what a call without an id of its own is named after: its file, or the `source` a poster gave. */
  name: string | null;
}

/** A call whose payload names no call (a bare transcript) is named after where it came from. */
function named(normalized: NormalizedCall, name: string | null): NormalizedCall {
  if (name === null || normalized.call.external_id !== null) return normalized;
  return { ...normalized, call: { ...normalized.call, extra: { ...normalized.call.extra, source_name: name } } };
}

const mebibytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/**
 * One call may be as large as one webhook body (the body limit in Settings, 8 MiB by default),
 * however it arrives: a list or a JSON Lines file may be far larger, one call in it may not.
 */
function overCallLimit(item: PendingItem, limitBytes: number): ItemResult | null {
  if (item.bytes.length <= limitBytes) return null;
  return {
    ok: false,
    source: item.source,
    error: {
      code: 'payload_too_large',
      message: `this call is ${mebibytes(item.bytes.length)}, over the per-call limit of ${mebibytes(limitBytes)} (the body limit in Settings)`,
    },
  };
}

/**
 * Normalizes a batch of payloads and stores the good ones in one transaction. A payload that
 * fails to normalize or to store, or is over the per-call limit, is reported with its reason; the
 * rest of the batch still lands.
 */
export function ingestItems(core: ImportTarget, items: readonly PendingItem[], route: string, contentType: string): ItemResult[] {
  const results: (ItemResult | null)[] = items.map(() => null);
  const jobs: { index: number; job: IngestJob }[] = [];
  items.forEach((item, index) => {
    const tooLarge = overCallLimit(item, core.config.bodyLimitBytes);
    if (tooLarge) {
      results[index] = tooLarge;
      return;
    }
    try {
      jobs.push({ index, job: { normalized: named(normalizeAny(item.payload), item.name), raw: { body: item.bytes, content_type: contentType, route } } });
    } catch (error) {
      results[index] = { ok: false, source: item.source, error: errorOf(error) };
    }
  });
  let outcomes: ReturnType<ImportTarget['ingestMany']>;
  try {
    outcomes = jobs.length > 0 ? core.ingestMany(jobs.map((j) => j.job)) : [];
  } catch (error) {
    // the batch's transaction failed as a whole: none of it is stored
    outcomes = jobs.map(() => ({ ok: false, error }));
  }
  outcomes.forEach((outcome, i) => {
    const entry = jobs[i];
    if (!entry) return;
    const source = items[entry.index]?.source ?? '';
    results[entry.index] = outcome.ok
      ? {
          ok: true,
          source,
          call_id: outcome.result.call.id,
          short_id: outcome.result.call.short_id,
          outcome: outcome.result.outcome,
          external_id: outcome.result.call.external_id,
          provider: outcome.result.call.provider,
          source_format: entry.job.normalized.call.source_format,
        }
      : { ok: false, source, error: errorOf(outcome.error) };
  });
  return results.map((r, i) => r ?? { ok: false, source: items[i]?.source ?? '', error: { code: 'internal', message: 'not processed' } });
}

/**
 * The calls of one parsed document (single call, array or list response), each with its own bytes.
 * `name` (the file name, or null) names a call that has no id of its own; a call out of a list is
 * named `<name>[i]`.
 */
export function itemsOfDocument(document: unknown, source: string, documentBytes: Buffer, name: string | null): PendingItem[] {
  const calls = callsInDocument(document);
  if (calls.length === 1 && calls[0] === document) return [{ source, payload: document, bytes: documentBytes, name }];
  return calls.map((payload, i) => ({
    source: `${source}[${i}]`,
    payload,
    bytes: Buffer.from(JSON.stringify(payload)),
    name: name === null ? null : `${name}[${i}]`,
  }));
}
