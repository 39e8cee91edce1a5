/** How far before a candidate a context word may stand ("my social is ..."), in characters. */
const CONTEXT_BEFORE = 48;
/** ... and after it ("... that's my routing number"). */
const CONTEXT_AFTER = 24;

/** Whether `pattern` matches the text just around `[start, end)`. */
export function hasContext(text: string, start: number, end: number, pattern: RegExp): boolean {
  const before = text.slice(Math.max(0, start - CONTEXT_BEFORE), start);
  const after = text.slice(end, end + CONTEXT_AFTER);
  return pattern.test(before) || pattern.test(after);
}

/** Whether `pattern` matches just before `[start, end)` only. */
export function hasContextBefore(text: string, start: number, pattern: RegExp, window = CONTEXT_BEFORE): boolean {
  return pattern.test(text.slice(Math.max(0, start - window), start));
}
