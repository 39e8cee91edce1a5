/**
 * Spoken-form normalizer for call transcripts (DESIGN §7): spoken digits become digits, digit runs
 * split by spaces or dashes are joined, and spoken emails / web addresses ("john dot smith at gmail
 * dot com") are written out. Ordinary words are left alone. Every character of the result keeps the
 * original span it came from, so a finding in the normalized text maps back to the original.
 */

import { addressEdits } from './spoken-addresses';
import { DIGIT_WORDS, gapBetween, REPEATERS, tokenize, ZERO_LETTERS, type Edit, type Token } from './spoken-tokens';

export interface NormalizedText {
  text: string;
  /** `map[i]`: index in the original text of the character that normalized character i came from. */
  map: number[];
  /** `ends[i]`: exclusive end in the original of that source (the whole word "four" for "4"). */
  ends: number[];
}

const TEENS: Record<string, string> = {
  ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18', nineteen: '19',
};
const TENS: Record<string, string> = { twenty: '2', thirty: '3', forty: '4', fifty: '5', sixty: '6', seventy: '7', eighty: '8', ninety: '9' };
/** Words read between digit groups that stand for a written separator ("one two three dash four five"). */
const SPOKEN_SEPARATORS: Record<string, string> = { dash: '-', hyphen: '-', dot: '.', point: '.', slash: '/' };
/** Fewer digits than this stay words: "one" in "one question" is not a number. */
const MIN_SPOKEN_RUN_DIGITS = 3;

/** The digits one token stands for on its own, or null ("oh" and "double" need neighbours). */
function plainDigits(token: Token): string | null {
  if (/^\d+$/.test(token.word)) return token.word;
  return DIGIT_WORDS[token.word.toLowerCase()] ?? null;
}

/** Units of one digit run may be split by spaces and dashes; next to a spoken digit also by commas. */
function joinable(text: string, a: Token, b: Token, eitherSpoken: boolean): boolean {
  const gap = gapBetween(text, a, b);
  return eitherSpoken ? /^[\s,-]*$/.test(gap) && gap.length <= 3 : /^[\s-]{1,2}$/.test(gap);
}

interface DigitUnit {
  first: number;
  last: number;
  digits: string;
  spoken: boolean;
  /** "twelve", "eighty one": numbers, not digits read out; alone they are years and amounts. */
  compound?: boolean;
}

/** Reads one digit unit starting at token `i`: a digit token, a digit word, "oh", or "double five". */
function readUnit(tokens: readonly Token[], i: number, text: string, previous: DigitUnit | null): DigitUnit | null {
  const token = tokens[i];
  if (!token) return null;
  const lower = token.word.toLowerCase();
  const repeat = REPEATERS[lower];
  const next = tokens[i + 1];
  if (repeat !== undefined && next && /^\s+$/.test(gapBetween(text, token, next))) {
    // "double five", "triple oh"
    const digit = ZERO_LETTERS.has(next.word.toLowerCase()) ? '0' : plainDigits(next);
    if (digit?.length === 1) return { first: i, last: i + 1, digits: digit.repeat(repeat), spoken: true };
  }
  if (ZERO_LETTERS.has(lower)) {
    // "oh" is a zero next to digits: after one ("three three six oh"), or before one ("oh seven one ...").
    // ... but "one two three oh, I see" ends in an exclamation.
    if (previous && !/^[,!?]/.test(text.slice(token.end, token.end + 1))) return { first: i, last: i, digits: '0', spoken: true };
    let j = i + 1;
    while (tokens[j] && ZERO_LETTERS.has(tokens[j]?.word.toLowerCase() ?? '')) j++;
    const after = tokens[j];
    if (!after || (plainDigits(after) === null && REPEATERS[after.word.toLowerCase()] === undefined)) return null;
    return { first: i, last: i, digits: '0', spoken: true };
  }
  const teen = TEENS[lower];
  if (teen !== undefined) return { first: i, last: i, digits: teen, spoken: true, compound: true };
  const tens = TENS[lower];
  if (tens !== undefined) {
    // "eighty one" / "eighty-one" is 81; "eighty" alone is 80.
    const unit = next && /^[ -]$/.test(gapBetween(text, token, next)) ? DIGIT_WORDS[next.word.toLowerCase()] : undefined;
    return unit !== undefined && unit !== '0' ? { first: i, last: i + 1, digits: tens + unit, spoken: true, compound: true } : { first: i, last: i, digits: `${tens}0`, spoken: true, compound: true };
  }
  const digits = plainDigits(token);
  if (digits === null) return null;
  return { first: i, last: i, digits, spoken: !/^\d/.test(token.word) };
}

/** A spoken separator word between two digit units: its token index, or null. */
function separatorAfter(tokens: readonly Token[], i: number, text: string): number | null {
  const token = tokens[i];
  const word = tokens[i + 1];
  const after = tokens[i + 2];
  if (!token || !word || !after || SPOKEN_SEPARATORS[word.word.toLowerCase()] === undefined) return null;
  if (!/^\s+$/.test(gapBetween(text, token, word)) || !/^\s+$/.test(gapBetween(text, word, after))) return null;
  return i + 1;
}

function digitRunEdits(text: string, tokens: readonly Token[]): Edit[] {
  const edits: Edit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = readUnit(tokens, i, text, null);
    if (!first) {
      i++;
      continue;
    }
    const run = [first];
    /** spoken separators kept as symbols, by the index of the unit they follow. */
    const separators = new Map<number, number>();
    let last = first;
    for (;;) {
      const lastToken = tokens[last.last];
      const separator = last.spoken ? separatorAfter(tokens, last.last, text) : null;
      const nextIndex = separator === null ? last.last + 1 : separator + 1;
      const nextToken = tokens[nextIndex];
      if (!lastToken || !nextToken) break;
      const unit = readUnit(tokens, nextIndex, text, last);
      if (!unit || (separator === null && !joinable(text, lastToken, nextToken, last.spoken || unit.spoken))) break;
      if (separator !== null && !unit.spoken) break;
      if (separator !== null) separators.set(run.length - 1, separator);
      run.push(unit);
      last = unit;
    }
    const digitCount = run.reduce((n, u) => n + u.digits.length, 0);
    const hasSpoken = run.some((u) => u.spoken);
    // "twenty twenty-four" is a year: numbers like "twelve" join a run only among digits read out one by one.
    const compounds = run.filter((u) => u.compound).length;
    // ... or a run split by spoken separators: "ten dot twenty dot thirty dot one", "oh seven slash nineteen ...".
    // Long runs are ids whatever their grouping: a card read in pairs ("forty nine sixty five ...").
    const plausible = compounds === 0 || run.length - compounds >= 2 || separators.size >= 2 || run.reduce((n, u) => n + u.digits.length, 0) >= 9;
    if (run.length > 1 && plausible && (!hasSpoken || digitCount >= MIN_SPOKEN_RUN_DIGITS)) {
      // "plus four four ..." is an international number's "+".
      const before = tokens[first.first - 1];
      const firstToken = tokens[first.first];
      if (before && firstToken && before.word.toLowerCase() === 'plus' && /^ +$/.test(gapBetween(text, before, firstToken))) {
        edits.push({ start: before.start, end: firstToken.start, replacement: '+' });
      }
      for (const [k, unit] of run.entries()) {
        const from = tokens[unit.first];
        const to = tokens[unit.last];
        if (!from || !to) continue;
        if (unit.spoken) edits.push({ start: from.start, end: to.end, replacement: unit.digits });
        const nextUnit = run[k + 1];
        const nextFrom = nextUnit ? tokens[nextUnit.first] : undefined;
        const separator = separators.get(k);
        const separatorToken = separator === undefined ? undefined : tokens[separator];
        if (nextFrom && separatorToken) {
          edits.push({ start: to.end, end: separatorToken.start, replacement: '' });
          edits.push({ start: separatorToken.start, end: separatorToken.end, replacement: SPOKEN_SEPARATORS[separatorToken.word.toLowerCase()] ?? '-' });
          edits.push({ start: separatorToken.end, end: nextFrom.start, replacement: '' });
        } else if (nextFrom) edits.push({ start: to.end, end: nextFrom.start, replacement: '' });
      }
    }
    i = last.last + 1;
  }
  return edits;
}

/** Fewer characters than this stay as they are: "b one" is not an id. */
const MIN_SPELLED_CHARS = 6;

/** One character of a spelled-out id: a single letter, a digit (word), "oh" as zero; "double x" gives two. */
function spelledChars(tokens: readonly Token[], i: number, text: string): { chars: string; last: number } | null {
  const token = tokens[i];
  if (!token) return null;
  const lower = token.word.toLowerCase();
  if (/^[a-z]$/i.test(token.word)) return { chars: token.word.toUpperCase(), last: i };
  if (lower === 'oh') return { chars: '0', last: i };
  const digit = /^\d$/.test(token.word) ? token.word : DIGIT_WORDS[lower];
  if (digit !== undefined) return { chars: digit, last: i };
  const repeat = REPEATERS[lower];
  const next = tokens[i + 1];
  if (repeat !== undefined && next && /^\s+$/.test(gapBetween(text, token, next))) {
    const inner = spelledChars(tokens, i + 1, text);
    if (inner && inner.chars.length === 1) return { chars: inner.chars.repeat(repeat), last: i + 1 };
  }
  return null;
}

/**
 * Ids spelled out letter by letter ("g b two five m i d l ...", "two t one x ..."): a run of single
 * letters and digits with at least two of each becomes one upper-case word, so the IBAN, VIN and
 * licence detectors can read it.
 */
function spelledEdits(text: string, tokens: readonly Token[]): Edit[] {
  const edits: Edit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = spelledChars(tokens, i, text);
    if (!first) {
      i++;
      continue;
    }
    const parts = [{ start: i, ...first }];
    let last = first.last;
    for (;;) {
      const lastToken = tokens[last];
      const nextToken = tokens[last + 1];
      if (!lastToken || !nextToken || !/^[\s,-]{1,3}$/.test(gapBetween(text, lastToken, nextToken))) break;
      const next = spelledChars(tokens, last + 1, text);
      if (!next) break;
      parts.push({ start: last + 1, ...next });
      last = next.last;
    }
    const joined = parts.map((p) => p.chars).join('');
    const letters = joined.replace(/[^A-Z]/g, '').length;
    const from = tokens[i];
    const to = tokens[last];
    if (from && to && joined.length >= MIN_SPELLED_CHARS && letters >= 2 && joined.length - letters >= 2) {
      edits.push({ start: from.start, end: to.end, replacement: joined });
    }
    i = last + 1;
  }
  return edits;
}

function applyEdits(text: string, edits: readonly Edit[]): NormalizedText {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  const map: number[] = [];
  const ends: number[] = [];
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) continue; // overlapping edit from the other pass: the first wins
    for (let i = cursor; i < edit.start; i++) {
      out.push(text.charAt(i));
      map.push(i);
      ends.push(i + 1);
    }
    for (const char of edit.replacement) {
      out.push(char);
      map.push(edit.start);
      ends.push(edit.end);
    }
    cursor = edit.end;
  }
  for (let i = cursor; i < text.length; i++) {
    out.push(text.charAt(i));
    map.push(i);
    ends.push(i + 1);
  }
  return { text: out.join(''), map, ends };
}

/** detectPii normalizes each turn for the structured and the contextual detectors: the second is free. */
let lastNormalized: { text: string; result: NormalizedText } | null = null;

export function normalizeSpoken(text: string): NormalizedText {
  if (lastNormalized?.text === text) return lastNormalized.result;
  const result = normalizeUncached(text);
  lastNormalized = { text, result };
  return result;
}

function normalizeUncached(text: string): NormalizedText {
  const tokens = tokenize(text);
  const spelled = spelledEdits(text, tokens);
  // A spelled-out id is read as one word: the digit and address passes keep out of it.
  const others = [...addressEdits(text, tokens), ...digitRunEdits(text, tokens)].filter(
    (edit) => !spelled.some((s) => edit.start < s.end && s.start < edit.end),
  );
  return applyEdits(text, [...spelled, ...others]);
}

/** Maps `[start, end)` of the normalized text back to the original text. */
export function toOriginalSpan(normalized: NormalizedText, start: number, end: number): { start: number; end: number } {
  const from = normalized.map[start] ?? 0;
  const to = normalized.ends[end - 1] ?? from;
  return { start: from, end: to };
}
