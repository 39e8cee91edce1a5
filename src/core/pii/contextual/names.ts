import type { Finding } from '../types';
import { NOT_NAMES } from './common-words';
import { ENGLISH_WORDS, isLowerCaseText } from './dictionary';
import { AMBIGUOUS_NAMES, FIRST_NAMES, SURNAMES } from './names-data';
import { ORIGINS, PLACES } from './places-data';
import { finding, isCapitalized, startsSentence, wordIndexAt, words, type Word } from './shared';

/**
 * Person names and medical professionals. A name is found after a cue ("my name is", "this is",
 * "Mr.", "Dr."), or from the first-name and surname lists without one. Cues come in two strengths:
 * after a strong cue any word that is not an ordinary word is taken ("my name is maria kowalczyk");
 * after a medium cue ("this is", "speaking with") the name must be capitalised or on a list, so
 * "this is great" and "I'm calling" stay text.
 */

/** Cues after which the next words are the name, whatever they are. */
const STRONG_CUE =
  /\b(?:(?:(?:(?:my|his|her|their|the|your|our)\s+)?(?:full|patient's|patient|passenger|guest|cardholder|account holder|caller|customer|member|client|student|traveler|traveller|deceased|booking|reservation)?\s*name(?:'s|s is| is| was|:)|under the name|(?:first|last|sur|maiden|middle)\s*name(?:'s|s is| is| was|:)?)|(?:mr|mrs|ms|mister|missus)\.?|named|goes by|name of)\s*,?\s+(?:(?:um|uh|er|erm|ah)\s*,?\s+)?(?=[A-Za-z])/gi;
/** Cues after which a capitalised or listed name is taken. */
const MEDIUM_CUE =
  /\b(?:(?:reservation|booking|account(?:'s)?|order|appointment|file|policy|it|it's|that's|is it)(?: is)? (?:under|in the name of|for)|this is|it's|it is|i'm|i am|(?:speak|speaking|spoke|talk|talking|talked) (?:with|to)|ask(?:ing)? for|transfer(?:red)? (?:me )?to|connect(?:ed)? (?:me )?(?:to|with)|hi|hello|hey|dear|thanks|thank you|bye|goodbye|(?:my|his|her) (?:husband|wife|son|daughter|mother|father|mom|dad|brother|sister|friend|partner|boss|manager)|called|call me|miss|signed (?:for )?by|address(?:ed)? (?:it )?to|made out to|on behalf of|escalat(?:e|ed|ing) (?:this |it |you )?to|assigned to|forwarded to|(?:sure|okay|ok|alright|great|perfect|yes|no|right|got it)\s*,)\s*,?\s+(?:(?:um|uh|er|erm|ah)\s*,?\s+)?(?=[A-Za-z])/gi;
/**
 * People named by their role ("my caseworker is Faith Odom", "our crew supervisor, Dale Whitacre",
 * "your driver Moussa", "my daughter pilar"): after one, a capitalised word is a name, and in
 * lower-case ASR text so is a word that is not an ordinary one.
 */
const ROLE_WORDS =
  "son|daughter|husband|wife|mother|father|mom|dad|brother|sister|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|aunt|uncle|cousin|nephew|niece|fianc[eé]e?|girlfriend|boyfriend|partner|friend|neighbou?r|roommate|landlord|boss|coworker|colleague|caseworker|case manager|coordinator|supervisor|manager|technician|tech|driver|courier|doorman|agent|realtor|broker|advisor|adviser|lawyer|attorney|accountant|representative|rep|contact|caregiver|aide|assistant|locksmith|plumber|electrician|contractor|installer|mechanic|lead|crew lead|team lead|instructor|teacher|tutor|coach|counselor|counsellor|officer|inspector|adjuster|specialist|consultant|clerk|pharmacist|guide|pilot|captain|planner|designer|photographer|trainer|groomer|nanny|babysitter|cleaner|housekeeper|gardener|landscaper|surveyor|appraiser|notary|paralegal|director|owner|receptionist|dispatcher|operator|attendant|concierge|organizer|organiser|sponsor|guardian";
const ROLE_TAIL = "(?:'s name is|\\s+is|\\s+was|,)?\\s*,?\\s+(?:(?:um|uh|er|erm|ah)\\s*,?\\s+)?(?=[A-Za-z])";
/** "my caseworker is ...", "your driver ...": a person of the speaker's or listener's. */
const ROLE_CUE = new RegExp(`\\b(?:my|his|her|your|our|their)\\s+(?:[a-z]+\\s+)?(?:${ROLE_WORDS})${ROLE_TAIL}`, 'gi');
/** "the driver was Sandeep", "the doorman, Frank": a role in general, so only a capitalised or listed name. */
const THE_ROLE_CUE = new RegExp(`\\bthe\\s+(?:[a-z]+\\s+)?(?:${ROLE_WORDS})${ROLE_TAIL}`, 'gi');
const ROLE_NOT_NAME = /^(?:is|was|will|has|had|and|or|who|said|says|just|also|usually|can|could|would|should|um|uh|er|erm|ah|like)$/i;
/** Words of company names: "Nova Loan Servicing, this is ..." is no person. */
const ORGANISATION_WORD = /^(?:servicing|services?|bank|banking|loans?|lending|mortgage|insurance|pharmacy|clinic|hospital|health|healthcare|medical|dental|inc|llc|ltd|corp|corporation|company|co|group|partners|realty|energy|electric|power|gas|water|airlines?|airways|wireless|mobile|telecom|communications|logistics|movers|moving|security|solutions|systems|financial|finance|credit|union|capital|holdings|foundation|university|college|school|center|centre|market|motors|auto|rentals?|hall|parish|church|chapel|cathedral|plaza|tower|street|st|avenue|road|boulevard|library|museum|stadium|arena|theater|theatre|hotel|inn|cafe|restaurant|campgrounds?|law|legal|studio|studios|home|funeral|cemetery|mortuary|music|academy|institute|clinic|labs?|store|shop|salon|spa|gym|fitness|reservations|support|team|department|office|agency|associates|firm|llp|pc|pllc)$/i;
/** Capitalised words that are no names: days, months, and nationalities ("my wife is Vietnamese"). */
const CALENDAR_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december)$/i;
const notAName = (w: Word): boolean => CALENDAR_WORD.test(w.word) || ORIGINS.has(w.lower) || TITLE_WORD.test(w.word);

/** Medical titles and roles; the name after one makes a `medical_professional`. */
const MEDICAL_TITLE =
  /\b(?:dr\.?|doctor|nurse practitioner|nurse|physician assistant|physician|surgeon|dentist|therapist|pharmacist|psychiatrist|pediatrician|chiropractor|optometrist|podiatrist|midwife|(?:cardio|dermato|neuro|onco|uro|gastroentero|endocrino|rheumato|psycho|radio|pulmono|nephro|gyneco|ophthalmo|hemato)logist)\s+(?=[A-Za-z])/gi;
const TITLE_WORD = /^(?:dr|doctor|nurse|physician|surgeon|mr|mrs|ms|practitioner)$/i;
/** After a medium cue, a word the lists do not know is a name when one of these follows. */
const INTRODUCTION_FOLLOWS = /^\s*,?\s*(?:from|calling|here|speaking|with|at)\b/i;

const STREET_BEFORE = /(?:\d|\b[A-Z][a-z]+)\s+$/;

type Strength = 'strong' | 'role' | 'medium' | 'list';

const MAX_NAME_WORDS = 3;

const listedWord = (lower: string): boolean => FIRST_NAMES.has(lower) || SURNAMES.has(lower) || AMBIGUOUS_NAMES.has(lower);
/** Listed itself, or a hyphenated name with a listed part ("Jean-Luc", "Garcia-Lopez"). */
const isListed = (w: Word): boolean => listedWord(w.lower) || (w.lower.includes('-') && w.lower.split('-').some(listedWord));
const isOrdinary = (w: Word): boolean => NOT_NAMES.has(w.lower) && !(isCapitalized(w.word) && isListed(w));
/** Lowercase words that look like verbs, adverbs or contractions are not names: "doctor prescribed", "doctor wouldn't". */
const looksLikeWord = (w: Word): boolean => /(?:ing|ed|ly|n't|'ll|'re|'ve|'d|'m)$/.test(w.lower) && !isListed(w);

/** Whether `w` can be part of a name found with the given strength of evidence. */
/** Set per text by detectNames: whether the text is lower-case ASR output. */
let asrText = false;

/** Not an English word, not an ordinary one, not shaped like a verb: in ASR text, likely a name. */
const isUnknownWord = (w: Word): boolean => /^[a-z'-]{2,}$/.test(w.lower) && !ENGLISH_WORDS.has(w.lower) && !NOT_NAMES.has(w.lower) && !ORIGINS.has(w.lower) && !looksLikeWord(w);

function nameWord(w: Word, strength: Strength): boolean {
  // After "my name is", "bill" in "my name is bill henderson" is the name.
  const ordinary = isOrdinary(w) && !(strength === 'strong' && isListed(w));
  if (ordinary || (w.lower.length < 2 && !/^[A-Z]$/.test(w.word))) return false;
  const listed = isListed(w) && (!AMBIGUOUS_NAMES.has(w.lower) || isCapitalized(w.word));
  if (strength === 'strong') return listed || isCapitalized(w.word) || !looksLikeWord(w);
  // "my daughter helps": a verb in -s is no name unless it is a listed one ("my son James").
  if (strength === 'role' && notAName(w)) return false;
  if (strength === 'role') return listed || isCapitalized(w.word) || (!looksLikeWord(w) && !/s$/.test(w.lower) && !ROLE_NOT_NAME.test(w.word) && !ENGLISH_WORDS.has(w.lower));
  if (strength === 'medium') return listed || isCapitalized(w.word) || (asrText && isUnknownWord(w));
  return listed;
}

/** The words of a name starting at word `i`: later words are names too, or initials ("John F. Kennedy"). */
function nameSpan(text: string, ws: readonly Word[], i: number, strength: Strength): { first: number; last: number } | null {
  const head = ws[i];
  // "it's under grace lindqvist": in ASR text an ambiguous first name is a name when a surname follows
  const ambiguousWithSurname = !!head && asrText && strength !== 'list' && AMBIGUOUS_NAMES.has(head.lower) && !!ws[i + 1] && (SURNAMES.has(ws[i + 1]?.lower ?? '') || isUnknownWord(ws[i + 1] as Word));
  if (!head || (!nameWord(head, strength) && !ambiguousWithSurname)) return null;
  let last = i;
  while (last - i + 1 < MAX_NAME_WORDS) {
    const prev = ws[last];
    const next = ws[last + 1];
    if (!prev || !next) break;
    const gap = text.slice(prev.end, next.start);
    const isInitialGap = /^[A-Z]$/.test(prev.word) && /^\. ?$/.test(gap);
    if (!/^ {1,2}$/.test(gap) && !isInitialGap) break;
    // A following word needs its own evidence: capitalised, listed, or (after a strong cue) not an ordinary word.
    const followsWell =
      (isCapitalized(next.word) && isCapitalized(prev.word) && !isOrdinary(next)) ||
      (SURNAMES.has(next.lower) && (!AMBIGUOUS_NAMES.has(next.lower) || isCapitalized(next.word))) ||
      ((strength === 'strong' || strength === 'role') && nameWord(next, strength) && !isCapitalized(prev.word) && !isCapitalized(next.word)) ||
      (asrText && strength === 'medium' && isUnknownWord(next));
    if (!followsWell) break;
    last++;
  }
  // A lone initial is not a name.
  if (last === i && /^[A-Z]$/.test(head.word)) return null;
  return { first: i, last };
}

export function detectNames(text: string): Finding[] {
  asrText = isLowerCaseText(text);
  const ws = words(text);
  const out: Finding[] = [];
  const taken = new Set<number>();
  const take = (first: number, last: number): void => {
    for (let k = first; k <= last; k++) taken.add(k);
  };

  for (const m of text.matchAll(MEDICAL_TITLE)) {
    // "123 Oak Dr Springfield": an abbreviated street, not a doctor.
    if (/^dr\s/i.test(m[0]) && STREET_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    const i = wordIndexAt(ws, m.index + m[0].length);
    // "my cardiologist Dr. Lee": the name follows the last title.
    // "the doctor calls it in": after an article the title is a role, and a lowercase word after it is a verb.
    const next = ws[i];
    const afterArticle = /\b(?:the|a|an|your|my|our)\s+$/i.test(text.slice(Math.max(0, m.index - 6), m.index));
    if (next && afterArticle && !isCapitalized(next.word) && !isListed(next)) continue;
    const span = i < 0 || taken.has(i) || TITLE_WORD.test(ws[i]?.word ?? '') ? null : nameSpan(text, ws, i, 'strong');
    const lastWord = span ? ws[span.last] : undefined;
    if (!span || !lastWord) continue;
    out.push(finding(text, 'medical_professional', m.index, lastWord.end, 0.85));
    take(span.first, span.last);
  }

  for (const [cue, strength, score] of [[STRONG_CUE, 'strong', 0.85], [ROLE_CUE, 'role', 0.8], [THE_ROLE_CUE, 'medium', 0.8], [MEDIUM_CUE, 'medium', 0.8]] as const) {
    for (const m of text.matchAll(cue)) {
      const i = wordIndexAt(ws, m.index + m[0].length);
      if (i < 0 || taken.has(i)) continue;
      const span = nameSpan(text, ws, i, strength);
      const firstWord = ws[i];
      const lastWord = span ? ws[span.last] : undefined;
      if (!span || !firstWord || !lastWord) continue;
      if (strength === 'medium' && !mediumConfirmed(text, ws, span.first, span.last)) continue;
      out.push(finding(text, 'person_name', firstWord.start, lastWord.end, score));
      take(span.first, span.last);
    }
  }

  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (!w || taken.has(i)) continue;
    const span = nameSpan(text, ws, i, 'list');
    const lastWord = span ? ws[span.last] : undefined;
    if (!span || !lastWord || !listNameAccepted(text, ws, span.first, span.last)) continue;
    const score = span.last > span.first ? 0.8 : isCapitalized(w.word) ? 0.75 : 0.65;
    out.push(finding(text, 'person_name', w.start, lastWord.end, score));
    take(span.first, span.last);
    i = span.last;
  }
  out.push(...uncuedNames(text, ws, taken, out));
  return [...out, ...spelledNames(text, ws, out)];
}

/** A word that can be part of a name with no cue: listed, or (capitalised / in ASR text) unknown to the dictionary. */
function nameLike(w: Word | undefined): w is Word {
  if (!w || isOrdinary(w) || PLACES.has(w.lower) || notAName(w) || ORGANISATION_WORD.test(w.word)) return false;
  if (isListed(w) && (!AMBIGUOUS_NAMES.has(w.lower) || isCapitalized(w.word))) return true;
  return asrText ? isUnknownWord(w) : isCapitalized(w.word) && !ENGLISH_WORDS.has(w.lower);
}

/**
 * Names no cue introduces: before "born" ("kofi mensah born february ..."), joined to a name by
 * "and" ("it's amara and joaquin"), or two capitalised words no dictionary knows ("Nkechi Achebe").
 */
function uncuedNames(text: string, ws: readonly Word[], taken: Set<number>, found: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const claim = (first: number, last: number, score: number) => {
    const a = ws[first];
    const b = ws[last];
    if (!a || !b) return;
    for (let k = first; k <= last; k++) taken.add(k);
    out.push(finding(text, 'person_name', a.start, b.end, score));
  };
  for (let i = 0; i < ws.length; i++) {
    if (taken.has(i)) continue;
    const w = ws[i];
    if (!nameLike(w)) continue;
    let last = i;
    while (last - i < MAX_NAME_WORDS - 1 && !taken.has(last + 1) && nameLike(ws[last + 1]) && /^ $/.test(text.slice(ws[last]?.end ?? 0, ws[last + 1]?.start ?? 0))) last++;
    const after = text.slice(ws[last]?.end ?? 0, (ws[last]?.end ?? 0) + 12);
    const prev = ws[i - 1];
    const afterName =
      (prev && /^(?:and|or)$/i.test(prev.word) && [...found, ...out].some((f) => f.type === 'person_name' && /^[\s,]*$/.test(text.slice(f.end, prev.start)))) ||
      // "the kids are zainab ahmed tiago ferreira": a list of names
      (last > i && [...found, ...out].some((f) => f.type === 'person_name' && /^[\s,]{1,3}$/.test(text.slice(f.end, w.start))));
    const rest = text.slice(ws[last]?.end ?? 0, (ws[last]?.end ?? 0) + 40);
    const beforeBorn = /^\s+(?:was\s+)?born\b/i.test(after) || /^\s+(?:calling|here|speaking)\b/i.test(after) || /^\s*(?:,[^,]{1,30},)?\s*is the name\b/i.test(rest);
    const twoUnknownCapitalised = !asrText && last > i && ws.slice(i, last + 1).every((x) => isCapitalized(x.word) && !isListed(x) && !ENGLISH_WORDS.has(x.lower));
    if (beforeBorn || afterName || twoUnknownCapitalised) claim(i, last, 0.7);
    i = last;
  }
  return out;
}

/** "n g u y e n", "A-N-A": letters spelling a name said just before. */
const SPELLED = /(?<!['’])\b[A-Za-z](?:(?:[ -]|, )[A-Za-z]){2,}\b/g;

function spelledNames(text: string, ws: readonly Word[], names: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(SPELLED)) {
    const letters = m[0].replace(/[^A-Za-z]/g, '').toLowerCase();
    const spelled = ws.find(
      (w) => w.end <= m.index && w.lower === letters && (isListed(w) || names.some((n) => n.start <= w.start && w.end <= n.end)),
    );
    // "so that's m c a l l i s t e r": spelled after "spell", "that's" or a name word, no word needed before
    const cued = letters.length >= 4 && /[aeiouy]/.test(letters) && /\b(?:spell(?:ed|ing|s)?|that's|it's|last name|surname|first name|name)\s*(?:is|as|it)?\s*$/i.test(text.slice(Math.max(0, m.index - 24), m.index));
    if (spelled || cued) out.push(finding(text, 'person_name', m.index, m.index + m[0].length, 0.75));
  }
  return out;
}

/** Whether a word of the span, or the word after it, names a company ("Nova Loan Servicing"). */
function partOfOrganisation(ws: readonly Word[], first: number, last: number): boolean {
  // "St. Brendan's": a saint's name is a place's
  if (/^(?:st|saint|ste)$/i.test(ws[first - 1]?.word ?? '')) return true;
  // "Reyes Funeral Home", "Harmony Keys Music Studio": a company word within two words after
  for (let k = first; k <= last + 2; k++) {
    if (ORGANISATION_WORD.test(ws[k]?.word ?? '')) return true;
  }
  return false;
}

/** After a medium cue: a listed word, or an introduction ("this is Priya from billing"). */
function mediumConfirmed(text: string, ws: readonly Word[], first: number, last: number): boolean {
  if (partOfOrganisation(ws, first, last)) return false;
  // "this is xiomara vega i'm calling": in ASR text, words no dictionary knows; "grace lindqvist": a surname after a first name.
  if (asrText && ws.slice(first, last + 1).every(isUnknownWord)) return true;
  if (asrText && last > first && ws.slice(first + 1, last + 1).every((w) => SURNAMES.has(w.lower) || isUnknownWord(w))) return true;
  for (let k = first; k <= last; k++) {
    const w = ws[k];
    if (w && isListed(w) && (!AMBIGUOUS_NAMES.has(w.lower) || isCapitalized(w.word))) return true;
  }
  const end = ws[last]?.end ?? 0;
  // "this is Tamsin." / "thanks, Delia!": a capitalised word that ends the clause.
  const head = ws[first];
  if (head && isCapitalized(head.word) && !isOrdinary(head) && !PLACES.has(head.lower) && !notAName(head) && /^\s*(?:[.!?]|,\s|$)/.test(text.slice(end, end + 3))) return true;
  return INTRODUCTION_FOLLOWS.test(text.slice(end, end + 12));
}

/**
 * A name from the lists alone: a first name that is not also an ordinary word or a place, or a
 * surname that is capitalised mid-sentence, or any two listed words in a row ("Bill Smith").
 */
function listNameAccepted(text: string, ws: readonly Word[], first: number, last: number): boolean {
  const head = ws[first];
  if (!head) return false;
  if (partOfOrganisation(ws, first, last)) return false;
  // "Bill Smith", "Grace Kim"; but "Rose Garden" is no name: an ambiguous head needs a listed second word.
  // "Hope Castellanos": a capitalised ambiguous name followed by a capitalised word that is neither
  // ordinary nor a place reads as a full name.
  const second = ws[first + 1];
  if (last > first) {
    return !AMBIGUOUS_NAMES.has(head.lower) || isListed(second ?? head) || (!!second && isCapitalized(head.word) && isCapitalized(second.word) && !isOrdinary(second) && !PLACES.has(second.lower));
  }
  const introduced = INTRODUCTION_FOLLOWS.test(text.slice(head.end, head.end + 12));
  // "Grace from your team said ...": a capitalised ambiguous name introduced mid-sentence.
  if (AMBIGUOUS_NAMES.has(head.lower)) return introduced && isCapitalized(head.word) && !startsSentence(text, head);
  if (PLACES.has(head.lower)) return false;
  if (FIRST_NAMES.has(head.lower)) return true;
  return isCapitalized(head.word) && !startsSentence(text, head);
}
