import type { Finding, PiiType } from '../types';

export function finding(text: string, type: PiiType, start: number, end: number, score: number): Finding {
  return { type, start, end, text: text.slice(start, end), score };
}

/** One word of the text; `lower` is the word lowercased without a possessive "'s". */
export interface Word {
  word: string;
  lower: string;
  start: number;
  end: number;
}

/** Words keep inner apostrophes and hyphens ("O'Brien", "Mary-Jane"); a trailing "'s" is cut off. */
// Letters of any script: "Sørensen", "Zoë", "Nguyễn" are one word each.
const WORD = /\p{L}+(?:['’]\p{L}+|-\p{L}+)*/gu;

/** The detectors of one `detectContextual` call all split the same text: the last split is kept. */
let lastSplit: { text: string; words: readonly Word[] } | null = null;

export function words(text: string): readonly Word[] {
  if (lastSplit?.text === text) return lastSplit.words;
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    if (/['’]s$/i.test(word)) word = word.slice(0, -2);
    out.push({ word, lower: word.toLowerCase(), start: m.index, end: m.index + word.length });
  }
  lastSplit = { text, words: out };
  return out;
}

export const isCapitalized = (word: string): boolean => /^\p{Lu}\p{Ll}/u.test(word) || /^\p{Lu}$/u.test(word);

/** Whether only spaces (and at most one comma or period of an initial) separate `a` and `b`. */
export function adjacent(text: string, a: Word, b: Word): boolean {
  return /^[ \t]{1,2}$|^\. ?$/.test(text.slice(a.end, b.start));
}

/** Whether the word starts a sentence (first in the text, or after ". ", "? ", "! "). */
export function startsSentence(text: string, w: Word): boolean {
  const before = text.slice(Math.max(0, w.start - 8), w.start);
  return /(?:^|[.!?:]["')]?)\s*["'(-]?\s*$/.test(before);
}

/** Merges same-type findings that touch or are separated only by spaces and commas. */
/**
 * Two places read as one: next to each other ("Bellevue, WA 98004"), or a street address and the
 * state or zip after it with up to three words between, the city no list knows
 * ("1812 Sycamore Lane, Carmel, IN 46032").
 */
function joinsLocation(text: string, first: Finding, second: Finding): boolean {
  const gap = text.slice(first.end, second.start);
  if (/^[\s,]{0,3}$/.test(gap)) return true;
  const isAddress = /\d|\b(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|court|ct|boulevard|blvd|way|place|pl|terrace|circle|highway|hwy|route|apartment|apt|suite|unit)\b/i.test(first.text);
  return isAddress && /^[\s,]+(?:[\p{L}'.-]+[\s,]+){1,3}$/u.test(gap) && !/\b(?:and|or|but|to|from|then|in|at|is|was)\b/i.test(gap);
}

export function mergeAdjacent(text: string, found: readonly Finding[], type: Finding['type']): Finding[] {
  const sorted = [...found].sort((a, b) => a.start - b.start);
  const out: Finding[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last && f.type === type && last.type === type && f.start >= last.end && joinsLocation(text, last, f)) {
      out[out.length - 1] = finding(text, type, last.start, Math.max(last.end, f.end), Math.max(last.score, f.score));
    } else {
      out.push(f);
    }
  }
  return out;
}

/** The index of the word that starts exactly at `offset`, or -1 (binary search: words are in order). */
export function wordIndexAt(ws: readonly Word[], offset: number): number {
  let lo = 0;
  let hi = ws.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = ws[mid];
    if (!w) break;
    if (w.start === offset) return mid;
    if (w.start < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
