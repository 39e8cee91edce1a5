import type { ImportSummary } from '../../core/api/types';
import type { ImportTarget } from '../app';
import { looksLikeJsonLines, parseJsonText } from './documents';
import { countInto, emptyTally, errorOf, ingestItems, itemsOfDocument, type ItemResult, type PendingItem } from './ingest-documents';

/**
 * One document's text, as a browser reads a dropped file (serve mode has no file paths). Large
 * JSON Lines files arrive in several calls of whole lines, so each call stays small.
 */
/**
 * The calls of a JSON Lines text; a bad line is a failure named `<name>:<line>`, the others go on.
 * With `nameCalls`, a call that names no call of its own is named `<name>:<line>` too.
 */
export function jsonLinesItems(text: string, name: string, nameCalls: boolean): { items: PendingItem[]; failures: ItemResult[] } {
  const items: PendingItem[] = [];
  const failures: ItemResult[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim().length === 0) return;
    const source = `${name}:${i + 1}`;
    try {
      items.push(...itemsOfDocument(parseJsonText(line), source, Buffer.from(line), nameCalls ? source : null));
    } catch (error) {
      failures.push({ ok: false, source, error: errorOf(error) });
    }
  });
  return { items, failures };
}

export function importText(app: ImportTarget, name: string, text: string): ImportSummary {
  const results: ItemResult[] = [];
  const items: PendingItem[] = [];
  if (looksLikeJsonLines(undefined, name)) {
    const lines = jsonLinesItems(text, name, true);
    items.push(...lines.items);
    results.push(...lines.failures);
  } else {
    try {
      items.push(...itemsOfDocument(parseJsonText(text), name, Buffer.from(text), name));
    } catch (error) {
      results.push({ ok: false, source: name, error: errorOf(error) });
    }
  }
  results.push(...ingestItems(app, items, 'import:upload', looksLikeJsonLines(undefined, name) ? 'application/x-ndjson' : 'application/json'));
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
