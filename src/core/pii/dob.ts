import { hasContextBefore } from './context';
import { DAY_OF_MONTH, HAS_MONTH, HAS_NUMBER, MONTHS, TEENS, TENS, UNITS, YEAR } from './contextual/numbers-in-words';
import type { Finding } from './types';

/** Words that make a nearby date a date of birth. */
const BIRTH_CONTEXT = /\b(born|birth|birthday|date of birth|dob|d\.? ?o\.? ?b)\b/i;
/** The date must start within this many characters after the context word. */
const BIRTH_WINDOW = 40;

/** Calendar dates, written and spoken; shared with the plain `date` detector. */
export const DATE_PATTERNS: readonly RegExp[] = [
  // 03/03/1988, 3-3-88, 1988-03-03
  /\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})\b/gi,
  // March third, nineteen eighty-eight / March 3rd 1988 / March 3
  new RegExp(`\\b(?:${MONTHS})\\.? (?:the )?${DAY_OF_MONTH}(?:,? (?:of )?${YEAR})?\\b`, 'gi'),
  // 3 March 1988 / the third of March, 1988
  new RegExp(`\\b(?:the )?${DAY_OF_MONTH} (?:of )?(?:${MONTHS})(?:,? ${YEAR})?\\b`, 'gi'),
];

/** A numeric date like 13/02/2024 must have a month among its first two parts and days <= 31. */
export function isPlausibleNumericDate(date: string): boolean {
  const parts = date.split(/[/.-]/).map(Number);
  const [a = 0, b = 0, c = 0] = parts;
  if (/^\d{4}/.test(date)) return b >= 1 && b <= 12 && c >= 1 && c <= 31;
  // month/day or day/month: one of the first two must be a month.
  return a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
}

/** Whether the other speaker's last words ask for a date of birth ("... your date of birth?"). */
export function asksForBirthDate(question: string): boolean {
  return BIRTH_CONTEXT.test(question.slice(-CONTEXT_QUESTION_TAIL));
}

/** Only the end of the question counts: "born" early in a long turn asks nothing of the reply. */
const CONTEXT_QUESTION_TAIL = 80;

/** Whether a date starting at `start` follows a birth word ("born on", "DOB"). */
export function hasBirthContext(text: string, start: number, end?: number): boolean {
  if (hasContextBefore(text, start, BIRTH_CONTEXT, BIRTH_WINDOW)) return true;
  // "twelve five sixty two, that's my date of birth"
  return end !== undefined && BIRTH_AFTER.test(text.slice(end, end + 40));
}

const BIRTH_AFTER = /^[\s,.]*(?:that's|that is|is|was|being)\s+(?:my|his|her|the)\s+(?:date of birth|birth ?date|birthday|dob|d\.?o\.?b)\b/i;

/** Every calendar date in `text` (plausible numeric ones only), the first of overlapping matches kept. */
/** The dob and date detectors both read a turn's dates: the second read is free. */
let lastDates: { text: string; spans: readonly { start: number; end: number }[] } | null = null;

export function findDates(text: string): { start: number; end: number }[] {
  if (lastDates?.text !== text) lastDates = { text, spans: scanDates(text) };
  return [...lastDates.spans];
}

function scanDates(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const hasDigit = /\d/.test(text);
  const hasMonth = HAS_MONTH.test(text);
  for (const [k, pattern] of DATE_PATTERNS.entries()) {
    // The first pattern is numeric, the others need a month name: skip what cannot match.
    if (k === 0 ? !hasDigit : !hasMonth) continue;
    for (const m of text.matchAll(pattern)) {
      if (/^\d/.test(m[0]) && /[/.-]/.test(m[0]) && !isPlausibleNumericDate(m[0])) continue;
      const end = m.index + m[0].length;
      if (out.some((f) => f.start < end && m.index < f.end)) continue;
      out.push({ start: m.index, end });
    }
  }
  return out;
}

const SPOKEN_MONTH = `(?:(?:oh|zero) (?:${UNITS})|one (?:zero|oh|one|two)|${UNITS}|ten|eleven|twelve)`;
const SPOKEN_DAY = `(?:(?:oh|zero) (?:${UNITS})|(?:one|two) (?:zero|oh|${UNITS})|three (?:zero|oh|one)|${TEENS}|(?:twenty)(?:[- ](?:${UNITS}))?|thirty(?:[- ]one)?|${UNITS})`;
const SPOKEN_YEAR_SHORT = `(?:${YEAR}|(?:${TENS})(?:[- ](?:${UNITS}))?|(?:oh|zero) (?:${UNITS}))`;
/** Only with a birth word: "born in 1990" and "one two, one five, eighty one" (12/15/81) are no dates alone. */
const BIRTH_ONLY_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b(?<=\\bborn (?:in|back in) )${YEAR}\\b`, 'gi'),
  new RegExp(`\\b${SPOKEN_MONTH},? ${SPOKEN_DAY},? ${SPOKEN_YEAR_SHORT}\\b`, 'gi'),
];

/** Dates of birth: a written or spoken date within a few words after "born", "birth", "DOB". */
export function detectDob(text: string): Finding[] {
  const spans = findDates(text);
  for (const pattern of HAS_NUMBER.test(text) ? BIRTH_ONLY_PATTERNS : []) {
    for (const m of text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (!spans.some((d) => d.start < end && m.index < d.end)) spans.push({ start: m.index, end });
    }
  }
  return spans
    .filter((d) => hasBirthContext(text, d.start, d.end))
    .map((d) => ({ type: 'dob', start: d.start, end: d.end, text: text.slice(d.start, d.end), score: 0.9 }));
}
