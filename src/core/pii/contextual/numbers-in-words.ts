/**
 * Spoken numbers as regex sources (built once, at module load) and a small parser. ASR transcripts
 * say "sixty seven", "forty nine dollars", "three thirty"; these pieces let the detectors match the
 * spoken and the written form with one pattern.
 */

export const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
export const ORDINAL_UNITS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth';
export const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
export const ORDINAL_TEENS =
  'tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth';
export const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';

/** 1..99 in words: "seven", "fifteen", "forty-two", "sixty seven". */
export const BELOW_HUNDRED = `(?:(?:${TENS})(?:[- ](?:${UNITS}))?|${TEENS}|${UNITS})`;
/** 1..999: "a hundred", "two hundred and five", "forty two". */
export const BELOW_THOUSAND = `(?:(?:${UNITS}|a|one) hundred(?:(?: and)? ${BELOW_HUNDRED})?|${BELOW_HUNDRED})`;
/** 1..999,999,999 in words, or a written number with thousands separators. */
export const CARDINAL_WORDS = `(?:(?:${BELOW_THOUSAND}) million(?:(?: and)? (?:${BELOW_THOUSAND}) thousand)?(?:(?: and)? ${BELOW_THOUSAND})?|(?:${BELOW_THOUSAND}) thousand(?:(?: and)? ${BELOW_THOUSAND})?|${BELOW_THOUSAND})`;
/** Day of the month: "3", "3rd", "third", "twenty-first", "thirtieth". */
export const DAY_OF_MONTH = `(?:\\d{1,2}(?:st|nd|rd|th)?|(?:twenty|thirty)[- ](?:${ORDINAL_UNITS})|${ORDINAL_UNITS}|${ORDINAL_TEENS}|twentieth|thirtieth)`;
/** "nineteen eighty-eight", "nineteen oh five", "two thousand and five", "two thousand twelve". */
const SPOKEN_TWO_DIGITS = `(?:(?:${TENS})(?:[- ](?:${UNITS}))?|${TEENS}|oh[- ](?:${UNITS}))`;
export const SPOKEN_YEAR = `(?:(?:nineteen|twenty)[- ]${SPOKEN_TWO_DIGITS}|two thousand(?:(?: and)? (?:${SPOKEN_TWO_DIGITS}|${UNITS}))?)`;
export const YEAR = `(?:(?:19|20)\\d{2}|${SPOKEN_YEAR})`;
export const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';

/**
 * A cheap test run before the number patterns: a digit, a currency sign or a number word. Most
 * turns of a call have none, and then the large spoken-number patterns are not tried at all.
 */
export const HAS_NUMBER =
  /[\d$€£¥]|\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teens?|[a-z]+ty|[a-z]+ties|hundred|thousand|million|a couple|a few|noon|midnight|half|quarter)\b/i;
/** ... and before the month patterns: a month name or abbreviation. */
export const HAS_MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

const WORD_VALUES: Readonly<Record<string, number>> = {
  zero: 0, a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const MULTIPLIERS: Readonly<Record<string, number>> = { hundred: 100, thousand: 1000, million: 1_000_000 };

/**
 * The value of a cardinal number written as digits ("1,299.50") or words ("two hundred and
 * five"); null when it is neither.
 */
export function parseCardinal(words: string): number | null {
  const trimmed = words.trim().toLowerCase();
  if (/^\d[\d,]*(?:\.\d+)?$/.test(trimmed)) return Number(trimmed.replace(/,/g, ''));
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of trimmed.split(/[\s-]+/)) {
    if (word === 'and' || word === '') continue;
    const value = WORD_VALUES[word];
    const multiplier = MULTIPLIERS[word];
    if (value !== undefined) {
      current += value;
      seen = true;
    } else if (multiplier === 100) {
      current = (current || 1) * 100;
    } else if (multiplier !== undefined) {
      total += (current || 1) * multiplier;
      current = 0;
    } else {
      return null;
    }
  }
  return seen ? total + current : null;
}
