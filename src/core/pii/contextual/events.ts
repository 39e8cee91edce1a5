import type { Finding } from '../types';
import { PLACES } from './places-data';
import { finding } from './shared';

/**
 * Events: holidays ("Thanksgiving", "Fourth of July"), personal occasions ("my daughter's wedding")
 * and proper-noun events ("the Boston Marathon", "SXSW"), in lowercase ASR text when a place names
 * them ("the chicago marathon").
 */

const HOLIDAYS =
  "christmas(?: eve| day)?|thanksgiving|easter(?: sunday)?|halloween|hanukkah|chanukah|kwanzaa|diwali|ramadan|eid(?: al[- ]fitr| al[- ]adha)?|passover|rosh hashanah|yom kippur|lunar new year|chinese new year|new year'?s(?: eve| day)?|fourth of july|4th of july|independence day|memorial day|labor day|veterans day|presidents'? day|martin luther king(?: jr\\.?)? day|mlk day|valentine'?s day|mother'?s day|father'?s day|st\\.? patrick'?s day|saint patrick'?s day|cinco de mayo|juneteenth|black friday|cyber monday|good friday|spring break";
const NAMED_EVENTS =
  'super bowl(?: sunday)?|world series|world cup|olympics|olympic games|coachella|comic[- ]con|burning man|sxsw|south by southwest|kentucky derby|indy 500|march madness|oktoberfest|mardi gras|final four|stanley cup|nba finals|daytona 500|tour de france|wimbledon|us open|masters tournament';
const HOLIDAY = new RegExp(`\\b(?:${HOLIDAYS})\\b`, 'gi');
/** Personal occasions: "my daughter's wedding", "our anniversary", "my mom's funeral". */
const PERSONAL_OCCASION =
  /\b(?<=\b(?:my|our|his|her|their)(?: [a-z]+'s)? )(?:wedding|funeral|graduation|anniversary|baby shower|bridal shower|bachelor(?:ette)? party|bar mitzvah|bat mitzvah|quincea[ñn]era|retirement party|memorial(?: service)?|family reunion|reunion|honeymoon|birthday party|christening|baptism)\b/gi;
const KNOWN_EVENT = new RegExp(`\\b(?:${NAMED_EVENTS})\\b`, 'gi');
const EVENT_NOUNS =
  'Marathon|Half Marathon|Festival|Fest|Conference|Summit|Expo|Fair|Gala|Tournament|Championships?|Classic|Concert|Parade|Convention|Games|Cup|Bowl|Derby|Rodeo|Jamboree|Carnival|Reunion|Fundraiser|Telethon|Regatta|Triathlon|Invitational';
/** "the Boston Marathon", "Austin City Limits Festival", "the 2024 Tech Summit": capitalised words then an event noun. */
const PROPER_EVENT = new RegExp(`\\b(?:(?:[A-Z][a-z'’]+|[A-Z]{2,}|\\d{4}) (?:(?:[A-Z][a-z'’]+|[A-Z]{2,}|of|and|&) ){0,3})(?:${EVENT_NOUNS})\\b`, 'g');
/** lowercase: "the boston marathon", "the texas state fair". */
const PLACE_EVENT = /\b([a-z]+(?: [a-z]+)??) (?:half marathon|marathon|film festival|music festival|festival|state fair|county fair|fair|parade|rodeo|expo|carnival)\b/g;
const HAS_EVENT_NOUN = new RegExp(`\\b(?:${EVENT_NOUNS}|marathon|festival|fair|parade|rodeo|expo|carnival)\\b`, 'i');
/** Sentence openers that are not part of an event name ("The", "Our"). */
const NOT_EVENT_WORDS = /^(?:The|Our|My|This|That|Your|Their|His|Her|A|An|At|For|On|In|To|And|So|We|I)\s/;

export function detectEvents(text: string): Finding[] {
  const out: Finding[] = [];
  const add = (start: number, end: number): void => {
    if (!out.some((f) => f.start < end && start < f.end)) out.push(finding(text, 'event', start, end, 0.8));
  };
  for (const m of text.matchAll(KNOWN_EVENT)) add(m.index, m.index + m[0].length);
  for (const m of HAS_EVENT_NOUN.test(text) ? text.matchAll(PROPER_EVENT) : []) {
    const lead = NOT_EVENT_WORDS.exec(m[0]);
    const start = m.index + (lead ? lead[0].length : 0);
    // "The Festival" alone names nothing.
    if (/\s/.test(text.slice(start, m.index + m[0].length))) add(start, m.index + m[0].length);
  }
  for (const m of HAS_EVENT_NOUN.test(text) ? text.matchAll(PLACE_EVENT) : []) {
    const place = m[1] ?? '';
    const lastWord = place.split(' ').pop() ?? '';
    if (PLACES.has(place)) add(m.index, m.index + m[0].length);
    else if (PLACES.has(lastWord)) add(m.index + place.length - lastWord.length, m.index + m[0].length);
  }
  for (const pattern of [HOLIDAY, PERSONAL_OCCASION]) {
    for (const m of text.matchAll(pattern)) add(m.index, m.index + m[0].length);
  }
  return out;
}
