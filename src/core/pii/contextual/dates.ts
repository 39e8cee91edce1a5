import { findDates, hasBirthContext } from '../dob';
import type { Finding } from '../types';
import { DAY_OF_MONTH, HAS_MONTH, HAS_NUMBER, UNITS, YEAR } from './numbers-in-words';
import { finding } from './shared';

/**
 * Calendar dates that are not dates of birth (those are `dob`, found in ../dob.ts): "03/15/2025",
 * "March 15th", "the fifteenth of March", "March 2024", "on the 15th". Relative words ("next
 * Tuesday", "tomorrow") name no particular day of a person's life and are not reported.
 */

const FULL_MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const EXPIRY_CUE = "\\b(?<=\\b(?:expir\\w*|exp\\.?|expires|valid (?:thru|through)|good (?:thru|through))(?: date)?(?: is| on| of)?:? )";
const SPOKEN_MONTH_NUMBER = `(?:oh (?:${UNITS})|${UNITS}|ten|eleven|twelve)`;
const EXTRA_DATE_PATTERNS: readonly RegExp[] = [
  // Thursday the 12th, Monday the fifth
  new RegExp(`\\b(?:${WEEKDAYS}),? the ${DAY_OF_MONTH}\\b`, 'gi'),
  // March 2024, June of twenty twenty four
  new RegExp(`\\b(?:${FULL_MONTHS}) (?:of )?${YEAR}\\b`, 'gi'),
  // card expiry: expiration 09/27, expiring oh four twenty nine
  new RegExp(`${EXPIRY_CUE}(?:(?:0?[1-9]|1[0-2]) ?/ ?(?:\\d{4}|\\d{2})\\b|${SPOKEN_MONTH_NUMBER} (?:twenty[- ](?:${UNITS})|twenty|thirty|${YEAR}))`, 'gi'),
  // on the 15th. / billing date is the 5th / by the fifteenth of next month
  new RegExp(
    `\\b(?<=\\b(?:on|by|until|before|after|since|from|through|is|was|be) )the ${DAY_OF_MONTH}(?= ?(?:[.,!?]|$)| (?:at|and|but|or|so|of (?:this|next|the|last) month)\\b)`,
    'gi',
  ),
  // in March, since last April ("may" only after words that make it a month)
  new RegExp(
    `\\b(?<=\\b(?:in|since|until|till|during|through|early|late|mid|next|last|this|before|after|by)[ -])(?:${FULL_MONTHS.replace('may|', '')}|(?<=\\b(?:in|since|until|during|early|late|mid) )may)\\b(?! (?:i|we|you|be)\\b)`,
    'gi',
  ),
  // a year alone: expiring 2031, since 2019, back in 1998
  new RegExp(`\\b(?<=\\b(?:in|since|by|until|expir\\w*|expires|from|of|year|class of|back in) )(?:19|20)\\d{2}\\b(?![\\d,.]\\d)`, 'gi'),
];

export function detectDates(text: string): Finding[] {
  const out: Finding[] = [];
  const spans = [...findDates(text)];
  // Every extra pattern needs a number, an ordinal or a month name.
  const patterns = HAS_NUMBER.test(text) || HAS_MONTH.test(text) || /(?:st|nd|rd|th)\b/i.test(text) ? EXTRA_DATE_PATTERNS : [];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (!spans.some((s) => s.start < end && m.index < s.end)) spans.push({ start: m.index, end });
    }
  }
  for (const span of spans) {
    if (hasBirthContext(text, span.start)) continue;
    out.push(finding(text, 'date', span.start, span.end, 0.6));
  }
  return out;
}
