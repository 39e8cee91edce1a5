import { normalizeSpoken, toOriginalSpan, type NormalizedText } from '../spoken';
import { resolveOverlaps, type Finding } from '../types';
import { BELOW_THOUSAND, BELOW_HUNDRED, UNITS } from './numbers-in-words';
import { AMBIGUOUS_PLACES, MAX_PHRASE_WORDS, ORIGINS, PLACES, STATE_CODES } from './places-data';
import { finding, mergeAdjacent, wordIndexAt, words, type Word } from './shared';

/**
 * Locations (street addresses, cities, states, countries, ZIP codes with context) and `origin`
 * (nationality and ethnicity said about a person: "I'm Mexican", "of Korean descent").
 */

const STREET_SUFFIX =
  'street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|circle|cir|parkway|pkwy|highway|hwy|trail|square|loop|crescent|alley|pike|plaza|row';
/** A house number: digits, "forty two", "twelve thirty four", "one two three four". */
const HOUSE_NUMBER = `(?:\\d{1,6}[A-Za-z]?|(?:${UNITS}|zero|oh)(?:[ -](?:${UNITS}|zero|oh)){1,5}|${BELOW_THOUSAND}(?:[ -]${BELOW_HUNDRED})?)`;
/** A street-name word: not a function word, so "3 dogs on the street" is no address. */
const STREET_WORD = `(?!(?:the|a|an|on|in|at|of|to|and|or|my|your|our|from|for|with|is|are|was|by|that|this|it|i|we|you|down|up|blocks?|miles?|minutes?)\\b)(?:\\d{1,3}(?:st|nd|rd|th)|[A-Za-z][A-Za-z'.-]*)`;
const UNIT = `(?:,? (?:apartment|apt\\.?|suite|ste\\.?|unit|#|number|floor|fl\\.?|building|bldg\\.?) ?#?(?:[A-Za-z]?\\d+[A-Za-z]?|[A-Za-z]\\b|${BELOW_HUNDRED}|(?:${UNITS})(?: (?:${UNITS}))*))`;
const STREET_ADDRESS = new RegExp(
  `\\b${HOUSE_NUMBER} (?:(?:north|south|east|west|n|s|e|w|ne|nw|se|sw)\\.? )?(?:${STREET_WORD} ){1,3}(?:${STREET_SUFFIX})\\b\\.?(?: (?:north|south|east|west|n|s|e|w|ne|nw|se|sw)\\b\\.?)?${UNIT}?`,
  'gi',
);
const PO_BOX = /\b(?:p\.? ?o\.?|post office) box \d+\b/gi;
/** A street named without a house number: "on Fifth Avenue", "lives on maple avenue". */
const NAMED_STREET = new RegExp(
  `\\b(?<=\\b(?:on|off|along|near|corner of|at the corner of) )(?:${STREET_WORD} ){1,2}(?:street|avenue|road|boulevard|lane|drive|parkway|highway|terrace)\\b`,
  'gi',
);
/** Lakes, mountains, parks named with a capital: "Lake Tahoe", "Mount Rainier". */
const LANDMARK = /\b(?:Lake|Mount|Mt\.|Fort|Cape|Port) [A-Z][a-z]+(?: [A-Z][a-z]+)?/g;
/** Words before a place that make an ambiguous word ("Georgia", "turkey") a place. */
const PLACE_CUE =
  /\b(?:in|from|to|near|at|of|around|outside|live|living|lived|moved|move|moving|visiting|visit|based|located|born|raised|grew up|flying|fly|trip|going|headed|heading|drive|driving)\s+(?:the\s+)?$/i;
const ZIP = /(?<![\d-])\d{5}(?:-\d{4})?(?![\d-])/g;
const ZIP_CUE = /\b(?:zip|zip code|zipcode|postal code|postcode)\b/i;
const STATE_CODE = /\b(?<=, ?)[A-Z]{2}\b/g;

/** Cheap test before the address patterns: no street word or box, no address. */
const ADDRESS_WORD = new RegExp(`\\b(?:${STREET_SUFFIX}|box)\\b`, 'i');

function detectStreetAddresses(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(LANDMARK)) out.push(finding(text, 'location', m.index, m.index + m[0].length, 0.75));
  if (!ADDRESS_WORD.test(text)) return out;
  const ws = words(text);
  for (const pattern of [STREET_ADDRESS, PO_BOX]) {
    for (const m of text.matchAll(pattern)) {
      const value = m[0].replace(/[.,]$/, '');
      out.push(finding(text, 'location', m.index, addressEnd(text, ws, m.index + value.length), 0.85));
    }
  }
  for (const m of text.matchAll(NAMED_STREET)) out.push(finding(text, 'location', m.index, m.index + m[0].length, 0.75));
  return out;
}

/**
 * Where a full address ends: the street address runs on over ", City", " State", ", ST" and the
 * ZIP code ("500 Market St, Suite 200, San Francisco, CA 94105" is one location). Ambiguous place
 * names ("Austin", "Bend") are accepted here: after a street they are places.
 */
function addressEnd(text: string, ws: readonly Word[], end: number): number {
  for (;;) {
    const gap = /^,? ?/.exec(text.slice(end, end + 2))?.[0] ?? '';
    const at = end + gap.length;
    if (gap === '') return end;
    const zipOrCode = /^(?:\d{5}(?:-\d{4})?|[A-Z]{2})(?![\w-])/.exec(text.slice(at, at + 10));
    if (zipOrCode && (/\d/.test(zipOrCode[0]) || STATE_CODES.has(zipOrCode[0]))) {
      end = at + zipOrCode[0].length;
      continue;
    }
    const i = wordIndexAt(ws, at);
    const hit = i < 0 ? null : longestPhrase(text, ws, i, PLACES);
    const last = hit ? ws[hit.last] : undefined;
    if (!last) return end;
    end = last.end;
  }
}

/** Cities, states and countries from the lists, the longest phrase first. */
function detectPlaceNames(text: string): Finding[] {
  const ws = words(text);
  const out: Finding[] = [];
  for (let i = 0; i < ws.length; i++) {
    const hit = longestPhrase(text, ws, i, PLACES);
    const first = ws[i];
    if (!hit || !first) continue;
    const last = ws[hit.last];
    if (!last) continue;
    const cued = PLACE_CUE.test(text.slice(Math.max(0, first.start - 14), first.start));
    if (AMBIGUOUS_PLACES.has(hit.phrase) && !cued) continue;
    out.push(finding(text, 'location', first.start, last.end, cued ? 0.8 : 0.75));
    i = hit.last;
  }
  return out;
}

const firstWordsCache = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

/** The first word of every entry of `set` (computed once per set): most words start no entry. */
function firstWordsOf(set: ReadonlySet<string>): ReadonlySet<string> {
  let first = firstWordsCache.get(set);
  if (!first) {
    first = new Set([...set].map((entry) => entry.split(' ')[0] ?? entry));
    firstWordsCache.set(set, first);
  }
  return first;
}

/** The longest entry of `set` made of the words from `i` on, separated by single spaces or periods. */
export function longestPhrase(
  text: string,
  ws: readonly Word[],
  i: number,
  set: ReadonlySet<string>,
): { phrase: string; last: number } | null {
  if (!firstWordsOf(set).has(ws[i]?.lower ?? '')) return null;
  let phrase = '';
  let best: { phrase: string; last: number } | null = null;
  for (let k = i; k < ws.length && k < i + MAX_PHRASE_WORDS; k++) {
    const w = ws[k];
    const prev = ws[k - 1];
    if (!w) break;
    if (k > i && prev && !/^(?:\.? |-)$/.test(text.slice(prev.end, w.start))) break;
    phrase = k === i ? w.lower : `${phrase} ${w.lower}`;
    // "st louis", "st. paul"
    if (set.has(phrase)) best = { phrase, last: k };
  }
  return best;
}

/** ZIP codes after a ZIP cue or a state, written or spoken ("nine oh two one oh"). */
function detectZipCodes(text: string, normalized: NormalizedText): Finding[] {
  const out: Finding[] = [];
  for (const m of normalized.text.matchAll(ZIP)) {
    const before = normalized.text.slice(Math.max(0, m.index - 30), m.index);
    const afterState = /(?:\b[A-Z]{2}|[a-z]{4,}),? $/.test(before) && stateBefore(before);
    if (!ZIP_CUE.test(before) && !afterState) continue;
    const span = toOriginalSpan(normalized, m.index, m.index + m[0].length);
    out.push(finding(text, 'location', span.start, span.end, 0.8));
  }
  return out;
}

function stateBefore(before: string): boolean {
  const code = /\b([A-Z]{2}),? $/.exec(before);
  if (code?.[1] && STATE_CODES.has(code[1])) return true;
  const lower = before.toLowerCase().replace(/,? $/, '');
  for (let n = 1; n <= 2; n++) {
    const phrase = lower.split(/\s+/).slice(-n).join(' ');
    if (PLACES.has(phrase)) return true;
  }
  return false;
}

/** "Springfield, IL": a state code right after a comma that follows a place. */
function detectStateCodes(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(STATE_CODE)) {
    if (STATE_CODES.has(m[0])) out.push(finding(text, 'location', m.index, m.index + 2, 0.6));
  }
  return out;
}

export function detectLocations(text: string, normalized: NormalizedText = normalizeSpoken(text)): Finding[] {
  const found = [...detectStreetAddresses(text), ...detectPlaceNames(text), ...detectZipCodes(text, normalized)];
  // A state code counts only next to another location ("Springfield, IL 62704").
  const codes = detectStateCodes(text).filter((c) => found.some((f) => Math.abs(f.end - c.start) <= 2 || Math.abs(c.end - f.start) <= 1));
  return mergeAdjacent(text, resolveOverlaps([...found, ...codes]), 'location');
}

/** Before an origin word: a person and "is" ("I'm", "my parents are"), optionally "half", "part". */
const ORIGIN_BEFORE =
  /\b(?:i'?m|i am|we'?re|we are|he'?s|he is|she'?s|she is|they'?re|they are|identify as|(?:my|our|his|her) (?:family|parents|mother|father|mom|dad|grandparents|grandmother|grandfather|husband|wife|ancestors|people)(?:'s| is| are| was| were)?)\s+(?:(?:a|an|half|part|full|fully|proudly|originally|also|actually|mostly|both)\s+)*$/i;
/** After an origin word: "descent", "heritage", "-American". */
const ORIGIN_AFTER = /^(?:[\s-]+(?:descent|decent|heritage|origin|ancestry|background|roots|american|national|nationals|citizen|citizens|citizenship|immigrant|passport|passports))\b/i;
/** These are colours and languages too: only right after "I'm" or before "descent". */
const WEAK_ORIGINS = new Set(['black', 'white', 'english', 'spanish', 'french', 'american', 'indian', 'asian', 'african', 'european']);

export function detectOrigins(text: string): Finding[] {
  const ws = words(text);
  const out: Finding[] = [];
  for (let i = 0; i < ws.length; i++) {
    const hit = longestPhrase(text, ws, i, ORIGINS);
    const first = ws[i];
    const last = hit ? ws[hit.last] : undefined;
    if (!hit || !first || !last) continue;
    const before = text.slice(Math.max(0, first.start - 60), first.start);
    const after = text.slice(last.end, last.end + 20);
    const cuedAfter = ORIGIN_AFTER.test(after);
    const cuedBefore = ORIGIN_BEFORE.test(before) && !/^\s+(?:food|restaurant|language|dish|cuisine|style|car|made)\b/i.test(after);
    const weak = WEAK_ORIGINS.has(hit.phrase);
    if (!cuedAfter && !(cuedBefore && (!weak || /^\s*(?:[.,!?]|$|and\b)/.test(after)))) continue;
    out.push(finding(text, 'origin', first.start, last.end, 0.8));
    i = hit.last;
  }
  return out;
}
