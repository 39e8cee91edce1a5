import { supportedProviders } from '../../core/formats/registry';
import type { ItemResult } from './ingest-documents';

type ItemError = Extract<ItemResult, { ok: false }>['error'];

/**
 * What is wrong with a file read by path, in words that never quote it. Such a file may belong to
 * someone other than the caller (an `importPaths` over RPC), so its keys and values stay out:
 * an unrecognized document says only that it is no supported call; a bad call keeps Callscope's
 * own words (what comes before the first ": ", where the formats append what they quote) and the
 * field paths of its format that failed. Messages Callscope makes itself (file too large, no call
 * with that id, cannot read) and JSON syntax errors (already free of the text) pass as they are.
 */
export function fileFailureMessage(error: ItemError): string {
  if (error.code !== 'invalid_payload' || !error.fields) return error.message;
  if (error.fields.some((f) => f.path === '$' && f.message === 'unrecognized format')) {
    return `not a call in any supported format (supported: ${supportedProviders.join(', ')})`;
  }
  const own = error.message.split(': ')[0] ?? 'not a valid call';
  const paths = [...new Set(error.fields.map((f) => f.path).filter((path) => path !== '$'))];
  if (paths.length === 0) return own;
  const list = `${paths.slice(0, 10).join(', ')}${paths.length > 10 ? ', ...' : ''}`;
  return own.endsWith(' at') ? `${own}: ${list}` : `${own} (at ${list})`;
}
