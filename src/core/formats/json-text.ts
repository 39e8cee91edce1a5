import { checkJsonDepth, MAX_JSON_DEPTH } from '../json/depth';

/**
 * Tool arguments and results usually arrive as JSON-encoded strings (and a model can emit invalid
 * JSON): decode what decodes, keep anything else exactly as sent. Absent values become null.
 * Text nesting deeper than a JSON body may is kept as text too: decoded, it would overflow the
 * stack of whatever walks it later (storing, redacting, answering).
 */
export function decodeJsonText(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  if (!checkJsonDepth(value, MAX_JSON_DEPTH).ok) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
