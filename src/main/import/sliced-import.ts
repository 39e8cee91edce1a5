import { parseJsonText } from './documents';
import { callsInDocument } from '../../core/formats/registry';
import { errorOf, ingestItems, itemsOfDocument, type ItemResult, type PendingItem } from './ingest-documents';
import type { ImportTarget } from '../services';

/**
 * Imports of many calls in one request (`POST /api/v1/import`, a dropped file's text) are parsed,
 * normalized and stored a slice at a time, with a turn of the event loop between slices: one big
 * import never keeps the listener from answering other requests for long (issue 17).
 */
const SLICE_BYTES = 256 * 1024;
const SLICE_CALLS = 100;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Something that reads into calls when its slice comes: a call already parsed, or one line of JSON Lines. */
export interface ImportUnit {
  read(): { items: PendingItem[]; failures: ItemResult[] };
}

/** The calls of one parsed document (see `itemsOfDocument`); each call's own bytes are made when its slice comes. */
export function documentUnits(document: unknown, source: string, documentBytes: Buffer, name: string | null): ImportUnit[] {
  const calls = callsInDocument(document);
  if (calls.length === 1 && calls[0] === document) return [{ read: () => ({ items: itemsOfDocument(document, source, documentBytes, name), failures: [] }) }];
  return calls.map((payload, i) => ({
    read: () => ({
      items: [{ source: `${source}[${i}]`, payload, bytes: Buffer.from(JSON.stringify(payload)), name: name === null ? null : `${name}[${i}]` }],
      failures: [],
    }),
  }));
}

/**
 * One unit per non-empty line; a bad line is a failure named `<name>:<line>`, the others go on.
 * With `nameCalls`, a call that names no call of its own is named `<name>:<line>` too.
 */
export function jsonLinesUnits(text: string, name: string, nameCalls: boolean): ImportUnit[] {
  const units: ImportUnit[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim().length === 0) return;
    const source = `${name}:${i + 1}`;
    units.push({
      read() {
        try {
          return { items: itemsOfDocument(parseJsonText(line), source, Buffer.from(line), nameCalls ? source : null), failures: [] };
        } catch (error) {
          return { items: [], failures: [{ ok: false, source, error: errorOf(error) }] };
        }
      },
    });
  });
  return units;
}

/** The results of every unit: the failures to read first, then one per call, in order. */
export async function ingestInSlices(core: ImportTarget, units: readonly ImportUnit[], route: string, contentType: string): Promise<ItemResult[]> {
  const failures: ItemResult[] = [];
  const stored: ItemResult[] = [];
  let slice: PendingItem[] = [];
  let sliceBytes = 0;
  const flush = async () => {
    stored.push(...ingestItems(core, slice, route, contentType));
    slice = [];
    sliceBytes = 0;
    await yieldToEventLoop();
  };
  for (const unit of units) {
    const { items, failures: unreadable } = unit.read();
    failures.push(...unreadable);
    for (const item of items) {
      slice.push(item);
      sliceBytes += item.bytes.length;
    }
    if (slice.length >= SLICE_CALLS || sliceBytes >= SLICE_BYTES) await flush();
  }
  if (slice.length > 0) await flush();
  return [...failures, ...stored];
}
