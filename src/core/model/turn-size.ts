import type { ToolInvocation, Turn, Word } from './call';

/**
 * A turn is stored at most 64 KiB a part (its text, its word timings, its tool call), so that one
 * runaway turn (a 10 MiB message) never travels to the renderer whole. A cut turn says so:
 * `original_bytes` is its size before the cut. The whole payload is kept verbatim regardless.
 */
export const MAX_TURN_PART_BYTES = 64 * 1024;

/** UTF-8 size of one code point. */
function codePointBytes(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** UTF-8 size of a text, counted here: core has no TextEncoder or Buffer (it runs in both worlds). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) bytes += codePointBytes(char.codePointAt(0) ?? 0);
  return bytes;
}

/** The longest start of `text` that fits in `maxBytes` of UTF-8, never splitting a character. */
export function cutToBytes(text: string, maxBytes: number): string {
  // a text of at most maxBytes / 3 UTF-16 units cannot take more than maxBytes (3 bytes a unit at most)
  if (text.length * 3 <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = codePointBytes(char.codePointAt(0) ?? 0);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

function jsonBytes(value: unknown): number {
  return value === null || value === undefined ? 0 : utf8Bytes(JSON.stringify(value));
}

/** A quick upper bound first: most word lists are far below the limit and are never serialized. */
function wordsBytes(words: readonly Word[] | null): number {
  if (!words || words.length === 0) return 0;
  const bound = words.reduce((n, w) => n + w.text.length * 3 + 64, 2);
  return bound <= MAX_TURN_PART_BYTES ? bound : jsonBytes(words);
}

function cutWords(words: readonly Word[]): Word[] {
  const kept: Word[] = [];
  let bytes = 2;
  for (const word of words) {
    bytes += jsonBytes(word) + 1;
    if (bytes > MAX_TURN_PART_BYTES) break;
    kept.push(word);
  }
  return kept;
}

/** A tool call's arguments and result each keep at most half the part: beyond that, the start of their JSON text. */
function cutTool(tool: ToolInvocation): ToolInvocation {
  const half = MAX_TURN_PART_BYTES / 2;
  const cut = (value: unknown) => (jsonBytes(value) <= half ? value : cutToBytes(JSON.stringify(value), half));
  return { name: cutToBytes(tool.name, 1024), arguments: cut(tool.arguments), result: cut(tool.result) };
}

/** The turn as it is stored: whole when every part fits, else cut and marked with its size before. */
export function capTurn(turn: Turn): Turn {
  const textBytes = turn.text.length * 3 <= MAX_TURN_PART_BYTES ? 0 : utf8Bytes(turn.text);
  const words = wordsBytes(turn.words);
  const tool = turn.tool ? jsonBytes(turn.tool) : 0;
  if (textBytes <= MAX_TURN_PART_BYTES && words <= MAX_TURN_PART_BYTES && tool <= MAX_TURN_PART_BYTES) return turn;
  return {
    ...turn,
    text: cutToBytes(turn.text, MAX_TURN_PART_BYTES),
    words: turn.words && words > MAX_TURN_PART_BYTES ? cutWords(turn.words) : turn.words,
    tool: turn.tool && tool > MAX_TURN_PART_BYTES ? cutTool(turn.tool) : turn.tool,
    // exact sizes here: the quick bounds above only decide that a part fits
    original_bytes: utf8Bytes(turn.text) + jsonBytes(turn.words) + tool,
  };
}
