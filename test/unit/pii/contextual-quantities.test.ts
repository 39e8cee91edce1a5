import { describe, expect, it } from 'vitest';
import { detectContextual } from '../../../src/core/pii/contextual';
import { detectPii } from '../../../src/core/pii/detect';
import type { PiiType } from '../../../src/core/pii/types';

function found(text: string, types: readonly PiiType[]): [PiiType, string][] {
  return detectContextual(text)
    .filter((f) => types.includes(f.type))
    .map((f) => {
      expect(f.text).toBe(text.slice(f.start, f.end));
      return [f.type, f.text];
    });
}

describe('money', () => {
  const money = (text: string) => found(text, ['money']).map(([, t]) => t);
  it('written amounts with a symbol or a currency word', () => {
    expect(money('The total comes to $1,284.50 with tax.')).toEqual(['$1,284.50']);
    expect(money('they charged me 75 bucks and then €20 more')).toEqual(['75 bucks', '€20']);
    expect(money('a refund of 300 dollars')).toEqual(['300 dollars']);
  });
  it('spoken amounts, including prices said as "nineteen ninety nine"', () => {
    expect(money('that was sixty two dollars and fifteen cents')).toEqual(['sixty two dollars and fifteen cents']);
    expect(money('about two hundred and fifty bucks')).toEqual(['two hundred and fifty bucks']);
    expect(money('the plan is nineteen ninety nine a month')).toEqual(['nineteen ninety nine']);
    expect(money('it costs twenty four fifty now')).toEqual(['twenty four fifty']);
  });
  it('not quantities, percentages or times', () => {
    expect(money('I have 3 lines and 20 percent off')).toEqual([]);
    expect(money('wait twenty five minutes')).toEqual([]);
    expect(money('see you at three thirty')).toEqual([]);
  });
});

describe('time', () => {
  const times = (text: string) => found(text, ['time']).map(([, t]) => t);
  it('clock times written and spoken', () => {
    expect(times('Your appointment is at 10:15 AM.')).toEqual(['10:15 AM']);
    expect(times('call back after 4 pm')).toEqual(['4 pm']);
    expect(times('can you come at eleven forty five')).toEqual(['eleven forty five']);
    expect(times('around seven in the evening works')).toEqual(['seven in the evening']);
    expect(times('it opens at nine tomorrow')).toEqual(['nine']);
    expect(times('let us meet at noon')).toEqual(['noon']);
    expect(times('quarter past six is fine')).toEqual(['quarter past six']);
  });
  it('not durations or other counts', () => {
    expect(times('it takes 24 to 48 hours')).toEqual([]);
    expect(times('at one point I gave up')).toEqual([]);
    expect(times('press two for billing')).toEqual([]);
  });
});

describe('age', () => {
  const ages = (text: string) => found(text, ['age']).map(([, t]) => t);
  it('written and spoken, about the caller and their family', () => {
    expect(ages("I'm 72 and I live alone.")).toEqual(['72']);
    expect(ages('she is seventy nine years old')).toEqual(['seventy nine years old']);
    expect(ages('my daughter is 16, she needs her own phone')).toEqual(['16']);
    expect(ages('my grandfather is only ninety two')).toEqual(['ninety two']);
    expect(ages('the patient is a 45-year-old male')).toEqual(['45-year-old']);
    expect(ages("he's in his late forties")).toEqual(['late forties']);
  });
  it('not distances, counts or heights', () => {
    expect(ages("I'm 5 minutes away")).toEqual([]);
    expect(ages("I'm two blocks from the store")).toEqual([]);
    expect(ages("I'm one of your customers")).toEqual([]);
    expect(ages("I'm five foot six")).toEqual([]);
  });
});

describe('date (not of birth)', () => {
  const dates = (text: string) => found(text, ['date', 'dob']);
  it('calendar dates written and spoken', () => {
    expect(dates('the payment is due 07/15/2025')).toEqual([['date', '07/15/2025']]);
    expect(dates('my appointment is on june twenty second')).toEqual([['date', 'june twenty second']]);
    expect(dates('the card expires 11/28')).toEqual([['date', '11/28']]);
    expect(dates('I opened the account in October')).toEqual([['date', 'October']]);
    expect(dates('it renews on the 3rd.')).toEqual([['date', 'the 3rd']]);
    expect(dates('I have a visit Friday the 9th')).toEqual([['date', 'Friday the 9th']]);
  });
  it('a date near a birth word is a dob (from dob.ts), not a date', () => {
    expect(dates('my date of birth is June 22nd 1961')).toEqual([]);
    const dobs = (text: string) => detectPii(text).filter((f) => f.type === 'dob' || f.type === 'date').map((f) => [f.type, f.text]);
    expect(dobs('I was born in 1962')).toEqual([['dob', '1962']]);
    expect(dobs('date of birth oh three, two seven, sixty four')).toEqual([['dob', 'oh three, two seven, sixty four']]);
    expect(dobs('I joined in 1962')).toEqual([['date', '1962']]);
  });
  it('relative days and "may" as a verb are not dates', () => {
    expect(dates("I'll call you next Tuesday")).toEqual([]);
    expect(dates('tomorrow works for me')).toEqual([]);
    expect(dates('since may I ask who is calling')).toEqual([]);
  });
});
