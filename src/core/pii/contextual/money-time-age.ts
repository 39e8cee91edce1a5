import type { Finding, PiiType } from '../types';
import { BELOW_HUNDRED, BELOW_THOUSAND, CARDINAL_WORDS, HAS_NUMBER, TENS, TEENS, UNITS, parseCardinal } from './numbers-in-words';
import { finding } from './shared';

/** Money, clock times and ages, written ("$49.99", "3:30 PM", "I'm 67") and spoken. */

/**
 * `needs[k]`, when given, is a cheap test pattern k cannot match without: the word-number patterns
 * are large alternations, and most turns hold no currency word at all.
 */
function matchAll(text: string, patterns: readonly RegExp[], type: PiiType, score: number, needs: readonly (RegExp | null)[] = []): Finding[] {
  const out: Finding[] = [];
  // Money, times and ages all hold a number: without one, no pattern can match.
  if (!HAS_NUMBER.test(text)) return out;
  for (const [k, pattern] of patterns.entries()) {
    if (needs[k]?.test(text) === false) continue;
    for (const m of text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (m[0].length > 0 && !out.some((f) => f.start < end && m.index < f.end)) out.push(finding(text, type, m.index, end, score));
    }
  }
  return out;
}

// ---- money -------------------------------------------------------------------------------------

const CURRENCY_WORD = '(?:dollars?|bucks|usd|euros?|pesos?|cents?)';
const AMOUNT_WORDS = `(?:${CARDINAL_WORDS}|a couple(?: of)? (?:hundred|thousand)|a few (?:hundred|thousand)|a (?:thousand|million))`;
const MONEY_PATTERNS: readonly RegExp[] = [
  // $49.99, $1,299, $2.5 million, € 30
  /[$€£¥] ?\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?(?: ?(?:k|m|million|billion|thousand|hundred)\b)?|[$€£¥] ?\d+(?:\.\d{1,2})?/gi,
  // 200 bucks, 1,299.00 dollars, 50 USD
  new RegExp(`\\b\\d{1,3}(?:,\\d{3})*(?:\\.\\d{1,2})?(?: (?:hundred|thousand|million))? ?${CURRENCY_WORD}\\b|\\b\\d+(?:\\.\\d{1,2})? ?${CURRENCY_WORD}\\b`, 'gi'),
  // forty nine dollars and ninety nine cents, a hundred bucks, twelve fifty? (no: needs a currency word)
  new RegExp(
    `\\b${AMOUNT_WORDS} (?:dollars?|bucks|euros?|pesos?)(?:,? (?:and )?${BELOW_HUNDRED}(?: cents?)?)?\\b|\\b${BELOW_HUNDRED} cents\\b`,
    'gi',
  ),
  // Prices said as "twelve ninety nine": the cents of a price (99, 95, 49) anywhere ...
  new RegExp(`\\b(?:${BELOW_HUNDRED}|(?:${UNITS}) hundred) (?:ninety[- ]nine|ninety[- ]five|forty[- ]nine)\\b(?! (?:percent|minutes|hours|days|years))`, 'gi'),
  // ... and any "dollars cents" pair after a price word: "it's just fifteen fifty"
  new RegExp(
    `\\b(?<=\\b(?:costs?|price(?: is)?|priced at|pay|paid|charged?|fee(?: is)?|total(?: is)?|only|just|that's|it's|was|for) )(?:${BELOW_HUNDRED}) (?:${TEENS}|(?:${TENS})(?:[- ](?:${UNITS}))?)\\b(?! (?:percent|minutes|hours|days|years|[ap]\\.? ?m\\b|o'?clock|in the))`,
    'gi',
  ),
];

const CURRENCY_TEST = /\b(?:dollars?|bucks|usd|euros?|pesos?|cents?)\b/i;
const MONEY_NEEDS: readonly (RegExp | null)[] = [/[$€£¥]/, CURRENCY_TEST, CURRENCY_TEST, /\b(?:ninety|forty)[- ](?:nine|five)\b/i, null];

export function detectMoney(text: string): Finding[] {
  return matchAll(text, MONEY_PATTERNS, 'money', 0.7, MONEY_NEEDS);
}

// ---- time --------------------------------------------------------------------------------------

const HOUR = `(?:${UNITS}|ten|eleven|twelve)`;
const MINUTES = `(?:oh[- ](?:${UNITS})|${TEENS}|(?:${TENS})(?:[- ](?:${UNITS}))?)`;
const DAY_PART = `(?:[ap]\\.? ?m\\b\\.?|o'?clock\\b|in the (?:morning|afternoon|evening)\\b|at night\\b|tonight\\b)`;
const TIME_PREPOSITION = '\\b(?<=\\b(?:at|by|around|until|till|til|before|after|from|between|and|to) )';
const TIME_PATTERNS: readonly RegExp[] = [
  // 3:30 PM, 14:45:00, 9:05 a.m.
  /\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?: ?[ap]\.? ?m\b\.?)?(?![\d:])/gi,
  // 3 PM, 11 a.m., 7 o'clock
  /\b(?:1[0-2]|0?[1-9]) ?(?:[ap]\.? ?m\b\.?|o'?clock\b)/gi,
  // three thirty in the afternoon, nine a m, seven o'clock
  new RegExp(`\\b${HOUR}(?: ${MINUTES})? ${DAY_PART}`, 'gi'),
  // at three thirty, by ten fifteen
  new RegExp(`${TIME_PREPOSITION}${HOUR} ${MINUTES}\\b`, 'gi'),
  // half past three, quarter to 5
  new RegExp(`\\b(?:half|(?:a )?quarter) (?:past|after|to|til|till|of) (?:${HOUR}|1[0-2]|[1-9])\\b`, 'gi'),
  // at ten tomorrow, by 5 today: an hour alone needs a preposition and a day word or the clause end
  new RegExp(`${TIME_PREPOSITION}(?:${HOUR}|1[0-2]|[1-9])(?=\\s*(?:[.,!?]|$|tomorrow\\b|today\\b|tonight\\b|this (?:morning|afternoon|evening)\\b|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b|sharp\\b))`, 'gi'),
  // at noon, by midnight
  new RegExp(`${TIME_PREPOSITION}(?:noon|midnight)\\b`, 'gi'),
];

export function detectTimes(text: string): Finding[] {
  // "10:15 AM." ends a sentence; "10:15 a.m." keeps its last period.
  return matchAll(text, TIME_PATTERNS, 'time', 0.65).map((f) =>
    /^[^.]*\.$/.test(f.text) ? finding(text, 'time', f.start, f.end - 1, f.score) : f,
  );
}

// ---- age ---------------------------------------------------------------------------------------

const AGE_NUMBER = `(?:\\d{1,3}|(?:one |a )?hundred(?: and ${BELOW_HUNDRED})?|${BELOW_HUNDRED})`;
/** "I'm 67" is an age only when the number ends the clause: "I'm 5 minutes away" is not. */
const CLAUSE_END =
  '(?=\\s*(?:[.,!?;]|$|and\\b|but\\b|so\\b|now\\b|this\\b|next\\b|in\\b|years?\\b|yrs?\\b|today\\b|actually\\b|(?:she|he|i|they|we)\\b(?! (?:minutes|hours|days)\\b)))';
const PERSON_IS =
  "(?:i'?m|i am|he'?s|she'?s|he is|she is|they'?re|turned|turning|turn|will be|(?:my|his|her|our|their) (?:son|daughter|kid|child|baby|boy|girl|mom|mother|dad|father|husband|wife|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|brother|sister|partner|wife's|husband's) is)";
const AGE_ADVERB = '(?:(?:only|just|almost|nearly|about|around|barely|already) )?';
const AGE_PATTERNS: readonly RegExp[] = [
  // 67 years old, sixty-seven-year-old, 67 yrs old
  new RegExp(`\\b${AGE_NUMBER}[ -](?:years?|yrs?)[ -](?:old|of age)\\b`, 'gi'),
  // age 67, aged sixty seven, my age is 67
  new RegExp(`\\b(?<=\\b(?:age|aged|age is|ages)\\s?:? )${AGE_NUMBER}\\b`, 'gi'),
  // I'm 67, she's sixty seven, just turned 40
  new RegExp(`\\b(?<=\\b${PERSON_IS} ${AGE_ADVERB})${AGE_NUMBER}${CLAUSE_END}`, 'gi'),
  // "I'm Greg Thompson, 58, retired": an age between commas right after a name
  /\b(?<=\b[A-Z][a-z]+, )(?:[1-9]\d)(?=, )/g,
  // in my sixties, in her early forties
  /\b(?<=\bin (?:my|his|her|their|our) )(?:(?:early|mid|late)[- ])?(?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|[2-9]0s)\b/gi,
];

/** Ages are 1..120; "I'm 500" or "I'm two hundred" is something else. */
function plausibleAge(found: Finding): boolean {
  const number = /^(?:\d+|[a-z -]+?)(?=[ -](?:years?|yrs?)\b|$)/i.exec(found.text)?.[0];
  if (!number || /(?:teens|ties|[0-9]0s)$/i.test(found.text)) return true;
  const value = parseCardinal(number);
  return value === null || (value >= 1 && value <= 120);
}

export function detectAges(text: string): Finding[] {
  return matchAll(text, AGE_PATTERNS, 'age', 0.75).filter(plausibleAge);
}

/** Exported for reuse by the physical-attribute patterns ("five foot ten", "two hundred pounds"). */
export const QUANTITY = `(?:\\d{1,3}(?:\\.\\d)?|${BELOW_THOUSAND})`;
