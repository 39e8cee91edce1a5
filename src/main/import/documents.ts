import { ApiError } from '../../core/api/errors';
import { checkJsonDepth, MAX_JSON_DEPTH } from '../../core/json/depth';

/** Parses one JSON text with the listener's rules: depth limit first, then a clear message (the caller names the source). */
export function parseJsonText(text: string): unknown {
  const depth = checkJsonDepth(text, MAX_JSON_DEPTH);
  if (!depth.ok) {
    throw new ApiError('invalid_payload', `JSON nests deeper than ${MAX_JSON_DEPTH} levels (at character ${depth.offset})`, [
      { path: '$', message: `nesting deeper than ${MAX_JSON_DEPTH} levels` },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError('invalid_json', `not valid JSON (${syntaxProblem(error instanceof Error ? error.message : '')})`);
  }
}

/**
 * V8's words for a JSON syntax error, minus any piece of the text it quotes (`Unexpected token 'r',
 * "root:x:0:0"... is not valid JSON`): an error about a file must not read the file back.
 */
function syntaxProblem(message: string): string {
  if (/^Unexpected token/.test(message)) return 'an unexpected character';
  if (message === '' || /["']/.test(message)) return 'a syntax error';
  return message;
}

export function looksLikeJsonLines(contentType: string | undefined, filename?: string): boolean {
  if (filename && /\.(jsonl|ndjson)$/i.test(filename)) return true;
  return /application\/(x-)?(ndjson|jsonl|json-lines|jsonlines)/i.test(contentType ?? '');
}
