import { describe, expect, it } from 'vitest';
import { detectContextual } from '../../../src/core/pii/contextual';
import { detectPii } from '../../../src/core/pii/detect';
import type { PiiType } from '../../../src/core/pii/types';

const ID_TYPES: readonly PiiType[] = ['passport_number', 'driver_license', 'healthcare_number', 'numerical_pii', 'username', 'password', 'filename'];

function found(text: string, types: readonly PiiType[] = ID_TYPES): [PiiType, string][] {
  return detectContextual(text)
    .filter((f) => types.includes(f.type))
    .map((f) => {
      expect(f.text).toBe(text.slice(f.start, f.end));
      return [f.type, f.text];
    });
}

describe('ids named by their cue', () => {
  it('passport and driver license numbers, written and spoken (mapped back to the spoken words)', () => {
    expect(found('My passport number is K83920471.')).toEqual([['passport_number', 'K83920471']]);
    expect(found('passport is c seven seven one two nine zero four four')).toEqual([['passport_number', 'c seven seven one two nine zero four four']]);
    expect(found("driver's license B449-2201-7731")).toEqual([['driver_license', 'B449-2201-7731']]);
    expect(found('my drivers license number is four four one nine two eight three')).toEqual([['driver_license', 'four four one nine two eight three']]);
  });

  it('health plan numbers; a member id is one in a health context and a plain personal id otherwise', () => {
    expect(found('my Medicaid ID is 88812034X')).toEqual([['healthcare_number', '88812034X']]);
    expect(found('member ID 77120384 on my insurance card')).toEqual([['healthcare_number', '77120384']]);
    expect(found('my gym member number is 77120384')).toEqual([['numerical_pii', '77120384']]);
    expect(found('medicare number is two r k nine m five four x t two six')).toEqual([['healthcare_number', 'two r k nine m five four x t two six']]);
  });

  it('other personal numbers: employee ids, PINs, security codes, last digits of a card', () => {
    expect(found('employee id E204518')).toEqual([['numerical_pii', 'E204518']]);
    expect(found('my pin is seven seven three one')).toEqual([['numerical_pii', 'seven seven three one']]);
    expect(found('the card ending in 0421 please')).toEqual([['numerical_pii', '0421']]);
    expect(found('the cvv is 982')).toEqual([['numerical_pii', '982']]);
  });

  it('hard negatives: reference numbers have no cue, and short counts are no ids', () => {
    for (const text of [
      'your confirmation number is 55820193',
      'the tracking number is 9400 1000 0000 0000 0000 00',
      'ticket 448120 was closed',
      'case number 20931',
      'my claim number is 77120384',
      'I have 2 passports',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });

  it('an id named by its cue wins over a structured reading; a plain personal id loses to one', () => {
    expect(detectPii('passport number 4155550123').map((f) => f.type)).toEqual(['passport_number']);
    expect(detectPii('my member number is 123-45-6789').map((f) => f.type)).toEqual(['ssn']);
  });
});

describe('usernames and passwords', () => {
  it('after their cue, written, spoken and as pass phrases', () => {
    expect(found('my username is m.ortega_77')).toEqual([['username', 'm.ortega_77']]);
    expect(found('I sign in as dkowalski, is that right?')).toEqual([['username', 'dkowalski']]);
    expect(found('the password is Blue$ky2024 and it fails')).toEqual([['password', 'Blue$ky2024']]);
    expect(found('my password is tango mango river stone')).toEqual([['password', 'tango mango river stone']]);
    expect(found('password is rover one two three')).toEqual([['password', 'rover one two three']]);
  });
  it('not the words around a password', () => {
    expect(found('I need a password reset')).toEqual([]);
    expect(found('what is my username')).toEqual([]);
    expect(found('the password is wrong')).toEqual([]);
    expect(found('my password is correct')).toEqual([]);
  });
});

describe('file names', () => {
  it('written and spoken', () => {
    expect(found('I attached invoice_march.pdf to the ticket')).toEqual([['filename', 'invoice_march.pdf']]);
    expect(found('open budget underscore final dot xlsx')).toEqual([['filename', 'budget underscore final dot xlsx']]);
  });
  it('not web addresses or emails', () => {
    expect(found('go to acme.com or write to help@acme.com')).toEqual([]);
  });
});

describe('id cues are whole words; reference numbers are no partial numbers', () => {
  it('"dl" is no cue inside another id, and the end of a policy number is not personal', () => {
    expect(found('My dental insurance member ID is DLT557209134.', ['driver_license'])).toEqual([]);
    expect(found('my DL is D1234567', ['driver_license'])).toEqual([['driver_license', 'D1234567']]);
    expect(found('The policy number ends in 4471-02.', ['numerical_pii'])).toEqual([]);
    expect(found('the card ending in 6736', ['numerical_pii'])).toEqual([['numerical_pii', '6736']]);
  });
});
