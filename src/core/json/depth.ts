/**
 * Measures how deeply a JSON text nests, without parsing it. A payload nested deeper than the
 * limit is refused (422) before JSON.parse can exhaust the stack on it.
 */
export interface DepthCheck {
  ok: boolean;
  /** char offset where the limit was first exceeded. */
  offset: number;
}

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export function checkJsonDepth(text: string, maxDepth: number): DepthCheck {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++;
      if (depth > maxDepth) return { ok: false, offset: i };
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return { ok: true, offset: -1 };
}

export const MAX_JSON_DEPTH = 256;
