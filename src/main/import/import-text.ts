import type { ImportSummary } from '../../core/api/types';
import type { ImportTarget } from '../services';
import { looksLikeJsonLines, parseJsonText } from './documents';
import { countInto, emptyTally, errorOf, type ItemResult } from './ingest-documents';
import { documentUnits, ingestInSlices, jsonLinesUnits, type ImportUnit } from './sliced-import';

/**
 * One document's text, as a browser reads a dropped file (serve mode has no file paths). Large
 * JSON Lines files arrive in several calls of whole lines, so each call stays small.
 */
export async function importText(app: ImportTarget, name: string, text: string): Promise<ImportSummary> {
  const results: ItemResult[] = [];
  let units: ImportUnit[] = [];
  if (looksLikeJsonLines(undefined, name)) {
    units = jsonLinesUnits(text, name, true);
  } else {
    try {
      units = documentUnits(parseJsonText(text), name, Buffer.from(text), name);
    } catch (error) {
      results.push({ ok: false, source: name, error: errorOf(error) });
    }
  }
  results.push(...(await ingestInSlices(app, units, 'import:upload', looksLikeJsonLines(undefined, name) ? 'application/x-ndjson' : 'application/json')));
  const tally = emptyTally();
  for (const result of results) countInto(tally, result);
  return {
    ...tally,
    files: 1,
    attached: 0,
    failures: results.flatMap((r) => (r.ok ? [] : [{ source: r.source, message: r.error.message }])),
    cancelled: false,
  };
}
