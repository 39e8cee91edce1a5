import { hasContextBefore } from './context';
import type { Finding } from './types';

/** Words that make a nearby date a date of birth. */
const BIRTH_CONTEXT = /\b(born|birth|birthday|date of birth|dob|d\.o\.b)\b/i;
/** The date must start within this many characters after the context word. */
const BIRTH_WINDOW = 40;

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const ORDINAL_UNITS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const ORDINAL_TEENS = 'tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';

/** "3", "3rd", "third", "twenty-first", "thirtieth". */
const DAY = `(?:\\d{1,2}(?:st|nd|rd|th)?|(?:twenty|thirty)[- ](?:${ORDINAL_UNITS})|${ORDINAL_UNITS}|${ORDINAL_TEENS}|twentieth|thirtieth)`;
/** "nineteen eighty-eight", "nineteen oh five", "two thousand and five", "two thousand twelve". */
const SPOKEN_TWO_DIGITS = `(?:(?:${TENS})(?:[- ](?:${UNITS}))?|${TEENS}|oh[- ](?:${UNITS}))`;
const SPOKEN_YEAR = `(?:(?:nineteen|twenty)[- ]${SPOKEN_TWO_DIGITS}|two thousand(?:(?: and)? (?:${SPOKEN_TWO_DIGITS}|${UNITS}))?)`;
const YEAR = `(?:(?:19|20)\\d{2}|${SPOKEN_YEAR})`;

const DATE_PATTERNS: readonly RegExp[] = [
  // 03/03/1988, 3-3-88, 1988-03-03
  /\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})\b/gi,
  // March third, nineteen eighty-eight / March 3rd 1988 / March 3
  new RegExp(`\\b(?:${MONTHS})\\.? (?:the )?${DAY}(?:,? (?:of )?${YEAR})?\\b`, 'gi'),
  // 3 March 1988 / the third of March, 1988
  new RegExp(`\\b(?:the )?${DAY} (?:of )?(?:${MONTHS})(?:,? ${YEAR})?\\b`, 'gi'),
];

function isPlausibleNumericDate(date: string): boolean {
  const parts = date.split(/[/.-]/).map(Number);
  const [a = 0, b = 0, c = 0] = parts;
  if (/^\d{4}/.test(date)) return b >= 1 && b <= 12 && c >= 1 && c <= 31;
  // month/day or day/month: one of the first two must be a month.
  return a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
}

/** Dates of birth: a written or spoken date within a few words after "born", "birth", "DOB". */
export function detectDob(text: string): Finding[] {
  const out: Finding[] = [];
  for (const pattern of DATE_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      if (/^\d/.test(m[0]) && /[/.-]/.test(m[0]) && !isPlausibleNumericDate(m[0])) continue;
      if (!hasContextBefore(text, m.index, BIRTH_CONTEXT, BIRTH_WINDOW)) continue;
      const end = m.index + m[0].length;
      if (out.some((f) => f.start < end && m.index < f.end)) continue;
      out.push({ type: 'dob', start: m.index, end, text: m[0], score: 0.9 });
    }
  }
  return out;
}
