import { getCountries, getCountryCallingCode } from 'libphonenumber-js';

/**
 * Search keys for a phone number, so that "4155551000", "+1 415-555-1000", "(415) 555 1000" and
 * "14155551000" find one another however the payload and the analyst wrote them. A number's keys
 * are its digits, and its national digits: without the country calling code when it was written
 * international ("+1", "001"), without the trunk "0" when written national ("07911 123456").
 * A search matches when any of its keys is one of the call's keys. Plain string work (no parsing
 * with metadata per number): a million calls get their keys in a second or two.
 */

const callingCodes: ReadonlySet<string> = new Set(getCountries().map((country) => getCountryCallingCode(country)));

/** Shorter than this is an extension, a code or a year, not a phone number to look up. */
export const MIN_PHONE_DIGITS = 7;
const MAX_PHONE_DIGITS = 15; // E.164's longest

/** Only digits, spaces and the marks people write numbers with. */
const PHONE_LIKE = /^\+?[\d\s\-()./]+$/;

export function phoneKeys(written: string | null | undefined): string[] {
  if (!written) return [];
  const trimmed = written.trim();
  if (!PHONE_LIKE.test(trimmed)) return [];
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < MIN_PHONE_DIGITS || digits.length > MAX_PHONE_DIGITS + 2) return [];
  const keys = new Set([digits]);
  // "14155551000": eleven or more digits without a trunk zero are an international number without its "+"
  const international = trimmed.startsWith('+') ? digits : digits.startsWith('00') ? digits.slice(2) : digits.length >= 11 && !digits.startsWith('0') ? digits : null;
  if (international !== null) {
    keys.add(international);
    for (let length = 1; length <= 3; length++) {
      const code = international.slice(0, length);
      const national = international.slice(length);
      if (callingCodes.has(code) && national.length >= MIN_PHONE_DIGITS) keys.add(national.replace(/^0/, ''));
    }
  } else if (digits.startsWith('0') && !digits.startsWith('00')) {
    keys.add(digits.slice(1));
  }
  return [...keys];
}
