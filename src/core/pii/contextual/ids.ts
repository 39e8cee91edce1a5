import { normalizeSpoken, toOriginalSpan, type NormalizedText } from '../spoken';
import type { Finding, PiiType } from '../types';
import { NOT_NAMES } from './common-words';
import { finding } from './shared';

/**
 * Identifiers said after their name: passport, driver's license, health insurance / Medicare /
 * medical record numbers, other personal ids ("member number", "employee id"), usernames,
 * passwords and file names. Spoken digits ("x four five six ...") are read through the spoken-form
 * normalizer and mapped back to the original characters. Reference numbers (order, confirmation,
 * tracking, ticket, case ...) are not personal data and have no cue here.
 */

/** "number", "#", "is", ":" ... between a cue and its value. */
const FILLER = `(?:[\\s,]+(?:number|no\\.?|num|#|id|identification(?: number)?|card number))?(?:\\s*(?:is|was|:|#|it's|it is|would be|should be|reads|of|as|on file as))?(?:\\s+(?:um|uh))?[\\s:#,]*`;
const DIGIT_WORD = 'zero|oh|one|two|three|four|five|six|seven|eight|nine';
/** An id: optional spelled or attached letters, then digits with letters, in groups split by spaces or dashes. */
const WRITTEN_ID = `(?:(?:[A-Za-z][ -]){1,3}|[A-Za-z]{1,3}-?)?\\d[\\dA-Za-z]*(?:[ -][\\dA-Za-z]*\\d[\\dA-Za-z]*)*`;
/** Spelled one character at a time: "one e g four t e five m k seven three". */
const SPELLED_ID = `(?:(?:[a-z]|${DIGIT_WORD}|\\d+) ){3,}(?:[a-z]|${DIGIT_WORD}|\\d+)\\b`;
const ID_VALUE = `(${SPELLED_ID}|${WRITTEN_ID})`;

interface IdRule {
  type: PiiType;
  cue: RegExp;
  minDigits: number;
  score: number;
}

const HEALTH_WORDS =
  /\b(?:insurance|insurer|medicare|medicaid|health|medical|patient|pharmacy|prescription|doctor|clinic|hospital|dental|vision|copay|coverage|provider|benefits|blue cross|aetna|cigna|humana|united ?healthcare|kaiser)\b/i;

function idRule(type: PiiType, cue: string, minDigits: number, score: number): IdRule {
  // The cue ends at a word boundary: "dl" is no cue inside "DLT557209134".
  return { type, cue: new RegExp(`\\b(?:${cue})\\b${FILLER}${ID_VALUE}`, 'gi'), minDigits, score };
}

/** Scores: with their own name as cue these beat a phone-number reading of the digits (0.8). */
const ID_RULES: readonly IdRule[] = [
  idRule('passport_number', 'passport', 6, 0.9),
  idRule('driver_license', "driver'?s'? licen[sc]e|drivers licen[sc]e|driving licen[sc]e|licen[sc]e number|dl", 5, 0.9),
  idRule(
    'healthcare_number',
    'medicare|medicaid|medical record|mrn|nhs|health insurance|insurance member|insurance|health plan|subscriber|beneficiary|health card|patient',
    5,
    0.9,
  ),
  // "member id" is a health plan's in a health context, another personal id otherwise (see below).
  idRule(
    'numerical_pii',
    "member(?:ship)?|customer|client|employee|student|badge|staff|loyalty|rewards|citizen|national|taxpayer|tax|military|alien|green card|voter|employer|itin|ein|tin|personal|my id|your id|the id|id",
    4,
    0.6,
  ),
];

/**
 * Short personal numbers with no type of their own: PINs, card security codes, and the last
 * digits of a card, account or SSN ("ending in 6736", "last four of my social is 4244").
 */
const PARTIAL_NUMBER = new RegExp(
  `\\b(?:(?:ending|ends|end) (?:in|with)|last (?:four|4|three|two)(?: digits)?(?: (?:of|on) (?:my|the|your|his|her) [a-z' ]{2,24}?)?|security code|code on the back|cvv|cvc|cvv2|(?:voicemail |atm |debit |card )?pin(?: number| code)?)(?:\\s*(?:is|was|:|are|would be))?(?:\\s+(?:um|uh))?[\\s:#,]*((?:\\d ?){3,6}\\b|(?:(?:${DIGIT_WORD})[ -]){2,5}(?:${DIGIT_WORD})\\b)`,
  'gi',
);

const DIGIT_WORDS = new RegExp(`\\b(?:${DIGIT_WORD})\\b`, 'gi');

function digitCount(value: string): number {
  return value.replace(DIGIT_WORDS, '0').replace(/\D/g, '').length;
}

function mapped(text: string, normalized: NormalizedText, type: PiiType, start: number, end: number, score: number): Finding {
  const span = toOriginalSpan(normalized, start, end);
  return finding(text, type, span.start, span.end, score);
}

/** Cheap tests before the patterns: most turns name no id at all. */
const ID_CUE_WORD =
  /passport|licen[sc]e|\bdl\b|medic|\bmrn\b|\bnhs\b|insurance|health|subscriber|beneficiary|patient|member|customer|client|employee|student|badge|staff|loyalty|rewards|citizen|national|\btax|military|alien|green card|voter|employer|\b(?:itin|ein|tin|id)\b|personal/i;
const REFERENCE_BEFORE = /\b(?:order|confirmation|tracking|invoice|reference|ticket|case|claim|policy|booking|reservation)\b/i;
const PARTIAL_CUE_WORD = /\bend|last|code|\bcv[vc]|\bpin\b/i;
const CREDENTIAL_CUE_WORD = /user|log ?in|screen name|handle|gamer|sign|pass/i;

function detectIdNumbers(text: string, normalized: NormalizedText): Finding[] {
  const out: Finding[] = [];
  const healthContext = HEALTH_WORDS.test(text);
  for (const rule of ID_CUE_WORD.test(text) ? ID_RULES : []) {
    for (const m of normalized.text.matchAll(rule.cue)) {
      const value = (m[1] ?? '').replace(/[ -]+$/, '');
      if (digitCount(value) < rule.minDigits || value.replace(/[ -]/g, '').length > 20) continue;
      const start = m.index + m[0].length - (m[1] ?? '').length;
      const end = start + value.length;
      if (out.some((f) => f.start < end && start < f.end)) continue;
      const type = rule.type === 'numerical_pii' && /^member/i.test(m[0]) && healthContext ? 'healthcare_number' : rule.type;
      out.push({ type, start, end, text: value, score: type === 'healthcare_number' ? 0.9 : rule.score });
    }
  }
  const spans = out.map((f) => mapped(text, normalized, f.type, f.start, f.end, f.score));
  // On the original text: the normalizer joins "four eight two one" only from three digits on.
  for (const m of PARTIAL_CUE_WORD.test(text) ? text.matchAll(PARTIAL_NUMBER) : []) {
    const value = m[1] ?? '';
    const start = m.index + m[0].length - value.length;
    const end = start + value.trimEnd().length;
    // "the policy number ends in 4471": the end of a reference number is no personal data.
    if (REFERENCE_BEFORE.test(text.slice(Math.max(0, m.index - 32), m.index))) continue;
    if (!overlapsAny(spans, start, end)) spans.push(finding(text, 'numerical_pii', start, end, 0.6));
  }
  return spans;
}

function overlapsAny(found: readonly Finding[], start: number, end: number): boolean {
  return found.some((f) => f.start < end && start < f.end);
}

// ---- usernames and passwords -------------------------------------------------------------------

/** A handle: one token ("jsmith88", "j.smith_1"), spoken separators, spelled letters, trailing digit words. */
const HANDLE = `((?:[A-Za-z0-9] ){2,}[A-Za-z0-9]+|[A-Za-z0-9][\\w.@!$%&*+-]*(?: (?:underscore|dot|dash|at) [A-Za-z0-9][\\w.-]*)*(?: (?:${DIGIT_WORD}|\\d+))*)`;
const SAID = `(?:\\s*(?:is|was|:|it's|it is|would be|should be|will be|to|as)(?: (?:um|uh),?)?)`;
/** After "the password is", a pass phrase of up to five words, to the end of the clause. */
const PHRASE = `((?:(?!(?:and|but|so|because|or|which|if|then|and then|for|on|please|right|correct)\\b)[^\\s.,!?;]+ ){0,4}(?!(?:and|but|so|because|or|which|if|then|for|on|please)\\b)[^\\s.,!?;]+)`;
const CREDENTIAL_RULES: readonly { type: PiiType; cue: RegExp }[] = [
  { type: 'username', cue: new RegExp(`\\b(?:user ?name|user id|login(?: id| name)?|log in name|screen name|handle|gamertag|gamer tag|(?:log|logged|sign|signed) in as)(?: (?:on|for|in|with|at) (?:the|my|your|our) [a-z]+)?(${SAID}?)\\s+${HANDLE}`, 'gi') },
  { type: 'password', cue: new RegExp(`\\b(?:password|passcode|pass code|passphrase|pass phrase)(${SAID})\\s+${PHRASE}`, 'gi') },
  { type: 'password', cue: new RegExp(`\\b(?:password|passcode|pass code|passphrase|pass phrase)()\\s+${HANDLE}`, 'gi') },
];

function detectCredentials(text: string, normalized: NormalizedText): Finding[] {
  const out: Finding[] = [];
  /** Spans in the normalized text already reported. */
  const taken: { start: number; end: number }[] = [];
  for (const rule of CREDENTIAL_CUE_WORD.test(text) ? CREDENTIAL_RULES : []) {
    for (const m of normalized.text.matchAll(rule.cue)) {
      const said = m[1] ?? '';
      const value = (m[2] ?? '').replace(/[.,!?]+$/, '');
      const firstWord = value.split(/\s/)[0]?.toLowerCase() ?? '';
      // "password reset": without "is" only a value with a digit, dot or underscore counts ("kowalski_anna").
      const loggedInAs = /in as$/i.test(m[0].slice(0, m[0].length - said.length - (m[2] ?? '').length).trim());
      if (!value || NOT_NAMES.has(firstWord) || (!said && !loggedInAs && !/[\d._]/.test(value))) continue;
      if (/^(?:reset|change|changed|expired|wrong|incorrect|again|too|field|manager|requirements)$/i.test(firstWord)) continue;
      const start = m.index + m[0].length - (m[2] ?? '').length;
      const end = start + value.length;
      if (taken.some((t) => t.start < end && start < t.end)) continue;
      taken.push({ start, end });
      // named by its own cue: it outranks a name read inside it ("tuan underscore nguyen")
      out.push(mapped(text, normalized, rule.type, start, end, 0.88));
    }
  }
  return out;
}

// ---- file names --------------------------------------------------------------------------------

const FILE_EXTENSIONS = 'pdf|docx?|xlsx?|csv|txt|pptx?|jpe?g|png|gif|zip|mp3|wav|mp4|mov|json|xml|html?|log|rtf|odt|heic|tiff?|bmp|ya?ml|ini|cfg|conf|exe|dmg|apk|msi|svg|webp|psd|m4a|key';
const FILENAME = new RegExp(`(?<![@\\w.])[\\w-]+(?:\\.[\\w-]+)*\\.(?:${FILE_EXTENSIONS})\\b`, 'gi');
const SPOKEN_FILENAME = new RegExp(`\\b[a-z0-9]+(?: (?:underscore|dash|dot) [a-z0-9]+)* dot (?:${FILE_EXTENSIONS})\\b`, 'gi');

function detectFilenames(text: string): Finding[] {
  const out: Finding[] = [];
  if (!/\.\w|\bdot /i.test(text)) return out;
  for (const pattern of [FILENAME, SPOKEN_FILENAME]) {
    for (const m of text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (!out.some((f) => f.start < end && m.index < f.end)) out.push(finding(text, 'filename', m.index, end, 0.88));
    }
  }
  return out;
}

export function detectIds(text: string, normalized: NormalizedText = normalizeSpoken(text)): Finding[] {
  return [...detectIdNumbers(text, normalized), ...detectCredentials(text, normalized), ...detectFilenames(text)];
}
