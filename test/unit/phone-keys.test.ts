import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { phoneKeys } from '../../src/core/search/phone-keys';

const shared = (a: string, b: string): boolean => phoneKeys(a).some((key) => phoneKeys(b).includes(key));

describe('phone search keys', () => {
  it('finds a number however it is written', () => {
    const forms = ['+1 415-555-1000', '4155551000', '(415) 555 1000', '415.555.1000', '14155551000', '+14155551000', '001 415 555 1000'];
    for (const a of forms) for (const b of forms) expect(shared(a, b), `${a} ~ ${b}`).toBe(true);
  });

  it('matches international and national forms with a trunk zero', () => {
    expect(shared('+44 7911 123456', '07911 123456')).toBe(true);
    expect(shared('0044 7911 123456', '7911123456')).toBe(true);
    expect(shared('+33 6 12 34 56 78', '06 12 34 56 78')).toBe(true);
  });

  it('keeps different numbers apart', () => {
    expect(shared('+1 415-555-1000', '+1 415-555-1001')).toBe(false);
    expect(shared('+1 415-555-1000', '+1 212-555-1000')).toBe(false);
  });

  it('gives no key to words, short codes or very long digit runs', () => {
    for (const text of ['hello', 'refund 12345', '12345', 'call-abc-123', '', '4111 1111 1111 1111 1111']) expect(phoneKeys(text), text).toEqual([]);
  });

  it('property: any grouping of a number with spaces, dashes, dots or brackets keeps its keys', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[2-9]\d{9}$/), fc.array(fc.constantFrom(' ', '-', '.', ''), { minLength: 9, maxLength: 9 }), (digits, marks) => {
        const written = digits.split('').map((d, i) => d + (marks[i] ?? '')).join('');
        expect(phoneKeys(`+1 ${written}`)).toContain(digits);
        expect(phoneKeys(written)).toContain(digits);
      }),
    );
  });
});
