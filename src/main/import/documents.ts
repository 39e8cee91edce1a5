import { parse as parseJson5 } from 'json5';
import { ApiError } from '../../core/api/errors';
import { checkJsonDepth, MAX_JSON_DEPTH } from '../../core/json/depth';

/**
 * Parses one dropped or imported file's JSON text (the caller names the source): depth limit
 * first, then JSON, and where that fails JSON5 (published examples carry a `//` comment or a
 * trailing comma). A text neither reads is refused saying where: line and column, and what.
 * Only files go through here: the listener's routes take strict JSON.
 */
export function parseJsonText(text: string): unknown {
  const depth = checkJsonDepth(text, MAX_JSON_DEPTH);
  if (!depth.ok) {
    throw new ApiError('invalid_payload', `JSON nests deeper than ${MAX_JSON_DEPTH} levels (at character ${depth.offset})`, [
      { path: '$', message: `nesting deeper than ${MAX_JSON_DEPTH} levels` },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch {
    try {
      return parseJson5(text);
    } catch (error) {
      throw new ApiError('invalid_json', `not valid JSON ${whereAndWhat(error, text)}`);
    }
  }
}

/**
 * "at line 3, column 7: invalid character '}'" (just the column for a one-line text, a JSON Lines
 * line). JSON5 quotes at most the one character it stopped at: an error about a file never reads
 * the file back.
 */
function whereAndWhat(error: unknown, text: string): string {
  const what = (error instanceof Error ? error.message : String(error)).replace(/^JSON5: /, '').replace(/ at \d+:\d+$/, '');
  const position = positionOf(error);
  if (position === null) return `(${what})`;
  const where = text.includes('\n') ? `line ${position.line}, column ${position.column}` : `column ${position.column}`;
  return `at ${where}: ${what}`;
}

/** JSON5's syntax errors carry the 1-based line and column of the fault. */
function positionOf(error: unknown): { line: number; column: number } | null {
  if (typeof error !== 'object' || error === null || !('lineNumber' in error) || !('columnNumber' in error)) return null;
  const { lineNumber, columnNumber } = error;
  return typeof lineNumber === 'number' && typeof columnNumber === 'number' ? { line: lineNumber, column: columnNumber } : null;
}

export function looksLikeJsonLines(contentType: string | undefined, filename?: string): boolean {
  if (filename && /\.(jsonl|ndjson)$/i.test(filename)) return true;
  return /application\/(x-)?(ndjson|jsonl|json-lines|jsonlines)/i.test(contentType ?? '');
}
