import isEmail from 'validator/lib/isEmail';
import isIP from 'validator/lib/isIP';
import isURL from 'validator/lib/isURL';
import { findNumbers, isValidPhoneNumber } from 'libphonenumber-js';
import { isPlausibleSsn, passesAbaChecksum, passesIbanMod97, passesLuhn, passesVinCheck } from './checksums';
import { hasContext, hasContextBefore } from './context';
import { detectDob } from './dob';
import { normalizeSpoken, toOriginalSpan } from './spoken';
import { resolveOverlaps, spansOverlap, type Finding, type PiiType } from './types';

export { PII_TYPES, type Finding, type PiiType } from './types';

/** Numbers that are references, not personal data: "order number 4155551212". */
const REFERENCE_WORDS = 'order|confirmation|tracking|invoice|reference|ticket|case|claim|policy|report|incident|booking|reservation|work order';
/**
 * A reference word naming the number itself ("order number 4155551212", "case #412-55-1234"), not
 * one earlier in the sentence ("text the confirmation to 646 906 1636").
 */
const REFERENCE_NAMES_IT = new RegExp(`\\b(?:${REFERENCE_WORDS})(?:,?\\s*(?:number|no\\.?|#|code|id))?(?:\\s*(?:is|was|:|,))?\\s*$`, 'i');
const SSN_CONTEXT = /\b(social|ssn|social security|last four)\b/i;
const ROUTING_CONTEXT = /\b(routing|aba)\b/i;
const BANK_CONTEXT = /\b(bank|checking|savings|routing|direct deposit|credit union)\b/i;
/** Numbers read after these are other ids (health, travel, membership), never phone numbers. */
const OTHER_ID_CONTEXT = /\b(nhs|medicare|medicaid|member|membership|passport|licen[cs]e|policy|insurance|employee|customer|patient|mrn)\b/i;
const ACCOUNT_CONTEXT = /\b(account|checking|savings|membership|loyalty|rewards|frequent flyer)\b/i;
const CARD_CONTEXT = /\b(card|visa|mastercard|amex|american express|discover|credit|debit)\b/i;

function finding(text: string, type: PiiType, start: number, end: number, score: number): Finding {
  return { type, start, end, text: text.slice(start, end), score };
}

function detectCards(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(/(?<![\d.,$])\d(?:[ -]?\d){12,18}(?![\d.,]\d)/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 13 || digits.length > 19 || /^(\d)\1+$/.test(digits) || !passesLuhn(digits)) continue;
    const end = m.index + m[0].length;
    const score = hasContext(text, m.index, end, CARD_CONTEXT) ? 0.95 : 0.85;
    out.push(finding(text, 'credit_card', m.index, end, score));
  }
  return out;
}

/** Any reference word near: "tracking number is 1Z 999 AA1 01 2345 6784". */
const REFERENCE_NEARBY = new RegExp(`\\b(?:${REFERENCE_WORDS})\\b`, 'i');
const PHONE_CONTEXT = /\b(call|phone|cell|mobile|number|reach|text|whatsapp)\b/i;
/** Regions tried for a number in national form with a trunk 0 ("oh seven four six ..."), which is never a US number. */
const TRUNK_ZERO_REGIONS = ['GB', 'IE', 'AU', 'NZ', 'DE', 'FR', 'IN'] as const;

/** "07462 676884" after "call my cell": a national number of a country that dials a leading 0. */
function detectTrunkZeroPhones(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(/(?<![\w+])0\d(?:[ -]?\d){8,9}(?![\d])/g)) {
    if (!hasContextBefore(text, m.index, PHONE_CONTEXT, 32) || hasContextBefore(text, m.index, REFERENCE_NEARBY, 40)) continue;
    const digits = m[0].replace(/\D/g, '');
    if (TRUNK_ZERO_REGIONS.some((region) => isValidPhoneNumber(digits, region))) out.push(finding(text, 'phone_number', m.index, m.index + m[0].length, 0.8));
  }
  return out;
}

/** libphonenumber-js takes `leniency` (documented) though its types leave it out: validity is checked below. */
const PHONE_SEARCH = { defaultCountry: 'US' as const, v2: true as const, leniency: 'POSSIBLE' };

function detectPhones(text: string): Finding[] {
  const out: Finding[] = [];
  for (const found of findNumbers(text, PHONE_SEARCH)) {
    // Valid numbers; and international ones written with "+" that are at least possible (new or reserved ranges).
    if (!found.number.isValid() && !(text.charAt(found.startsAt) === '+' && found.number.isPossible())) continue;
    const { startsAt, endsAt } = found;
    // Inside a longer digit run (a card, an account) it is not a phone number.
    if (/\d/.test(text.charAt(startsAt - 1)) || /\d/.test(text.charAt(endsAt))) continue;
    if (hasContextBefore(text, startsAt, REFERENCE_NAMES_IT, 32)) continue;
    if (hasContextBefore(text, startsAt, OTHER_ID_CONTEXT, 32) && !hasContextBefore(text, startsAt, /\b(phone|call|reach|cell|mobile)\b/i, 12)) continue;
    out.push(finding(text, 'phone_number', startsAt, endsAt, 0.8));
  }
  return out;
}

function detectEmails(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g)) {
    if (isEmail(m[0])) out.push(finding(text, 'email_address', m.index, m.index + m[0].length, 0.95));
  }
  return out;
}

function detectSsns(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(/(?<![\d-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\d-])/g)) {
    const [whole, area = '', separator, group = '', serial = ''] = m;
    if (!isPlausibleSsn(area, group, serial)) continue;
    if (hasContextBefore(text, m.index, REFERENCE_NAMES_IT, 32)) continue; // "case number 412-55-1234"
    const end = m.index + whole.length;
    const withContext = hasContext(text, m.index, end, SSN_CONTEXT);
    // Dashed AAA-GG-SSSS is the SSN's own format; spaced or bare 9-digit runs need a context word.
    if (separator === '-' || withContext) {
      out.push(finding(text, 'ssn', m.index, end, withContext ? 0.95 : 0.75));
    }
  }
  return out;
}

function detectIps(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(/(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w]|\.\d)/g)) {
    // "version 1.2.3.4" is a version number, not an address; an address inside a URL is the URL's.
    if (text.slice(Math.max(0, m.index - 3), m.index) === '://') continue;
    if (isIP(m[0], 4) && !hasContextBefore(text, m.index, /\b(version|v|build|release|firmware|software|update|app|ios|android)(?:\s+(?:is|was|number|no\.?))?[\s:]*$/i)) out.push(finding(text, 'ip_address', m.index, m.index + m[0].length, 0.9));
  }
  for (const m of text.matchAll(/(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])/g)) {
    if (m[0].split(':').length >= 3 && isIP(m[0], 6)) {
      out.push(finding(text, 'ip_address', m.index, m.index + m[0].length, 0.9));
    }
  }
  return out;
}

const KNOWN_TLDS = 'com|org|net|edu|gov|io|co|us|uk|ca|de|fr|info|biz|ai|app|dev|me|ly|tv|gg|xyz|shop|store|online|site|tech|health|care|bank|studio|law|music|design|club|blog|cloud|live|au|nz|ie|in|es|it|nl|se|jp|mx|br|ch';
const URL_PATTERN = new RegExp(
  `(?:\\bhttps?://[^\\s<>"]+|\\bwww\\.[^\\s<>"]+|\\b[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.(?:${KNOWN_TLDS})\\b(?:/[^\\s<>"]*)?)`,
  'gi',
);

function detectUrls(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(URL_PATTERN)) {
    const candidate = m[0].replace(/[.,;:!?)'"]+$/, '');
    if (text.charAt(m.index - 1) === '@' || text.charAt(m.index + m[0].length) === '@') continue; // part of an email
    // With a scheme the host may be an address ("http://10.0.0.1/setup"): still a URL, and it outranks the IP.
    const schemed = /^https?:\/\//i.test(candidate);
    if (isURL(candidate, { require_tld: !schemed })) out.push(finding(text, 'url', m.index, m.index + candidate.length, schemed ? 0.92 : 0.85));
  }
  return out;
}

function detectBankNumbers(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g)) {
    if (passesIbanMod97(m[0])) out.push(finding(text, 'bank_account', m.index, m.index + m[0].length, 0.95));
  }
  for (const m of text.matchAll(/(?<![\d.,$])\d(?:[ -]?\d){5,16}(?![\d.,]\d)/g)) {
    const digits = m[0].replace(/\D/g, '');
    const end = m.index + m[0].length;
    if (digits.length === 9 && passesAbaChecksum(digits) && hasContext(text, m.index, end, ROUTING_CONTEXT)) {
      out.push(finding(text, 'bank_account', m.index, end, 0.9));
    } else if (/\)\s?$/.test(text.slice(Math.max(0, m.index - 2), m.index))) {
      continue; // "(312) 439-5542": the rest of a phone number
    } else if (hasContextBefore(text, m.index, ACCOUNT_CONTEXT) && !hasContextBefore(text, m.index, REFERENCE_NAMES_IT, 32)) {
      // the bank may be named after the number too: "account 985773770 at routing 062989703"
      const type = hasContext(text, m.index, end, BANK_CONTEXT) ? 'bank_account' : 'account_number';
      out.push(finding(text, type, m.index, end, 0.88));
    }
  }
  return out;
}

function detectVins(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(/\b[A-HJ-NPR-Z0-9]{17}\b/gi)) {
    if (/\d/.test(m[0]) && /[A-Z]/i.test(m[0]) && passesVinCheck(m[0])) {
      out.push(finding(text, 'vehicle_id', m.index, m.index + m[0].length, 0.9));
    }
  }
  return out;
}

const PLATE_CONTEXT = /\b(plates?|(?<!(?:bag|luggage|name|price|baggage) )tag|registration)\b/i;

/** Licence plates: 5-8 capitals and digits (both), next to "plate", "tag" or "registration". */
function detectPlates(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(/\b[A-Z0-9]{1,4}[- ]?[A-Z0-9]{1,4}\b/g)) {
    const compact = m[0].replace(/[- ]/g, '');
    if (compact.length < 5 || compact.length > 8 || !/\d/.test(compact) || !/[A-Z]/.test(compact)) continue;
    const end = m.index + m[0].length;
    if (hasContextBefore(text, m.index, PLATE_CONTEXT, 24) || PLATE_CONTEXT.test(text.slice(end, end + 24))) {
      out.push(finding(text, 'vehicle_id', m.index, end, 0.9));
    }
  }
  return out;
}

/** Every structured detector on one string; offsets are into that string. */
function detectIn(text: string): Finding[] {
  return [
    ...detectCards(text),
    ...detectPhones(text),
    ...detectTrunkZeroPhones(text),
    ...detectEmails(text),
    ...detectSsns(text),
    ...detectIps(text),
    ...detectUrls(text),
    ...detectBankNumbers(text),
    ...detectVins(text),
    ...detectPlates(text),
    ...detectDob(text),
  ];
}

/**
 * Structured PII (DESIGN §7) with offsets into `text`. The detectors run on the text as written and
 * on its spoken-form normalization ("four one five ..."), whose findings are mapped back; of
 * overlapping findings the higher score wins.
 */
export function detectStructured(text: string): Finding[] {
  const written = detectIn(text);
  const normalized = normalizeSpoken(text);
  const spoken =
    normalized.text === text
      ? []
      : detectIn(normalized.text).map((f) => {
          const span = toOriginalSpan(normalized, f.start, f.end);
          return finding(text, f.type, span.start, span.end, f.score);
        });
  // A spoken finding that repeats a written one of the same type adds nothing.
  const extra = spoken.filter((s) => !written.some((w) => w.type === s.type && spansOverlap(w, s)));
  return resolveOverlaps([...written, ...extra]);
}
