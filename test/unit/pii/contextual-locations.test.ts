import { describe, expect, it } from 'vitest';
import { detectContextual } from '../../../src/core/pii/contextual';
import type { PiiType } from '../../../src/core/pii/types';

function found(text: string, types: readonly PiiType[] = ['location', 'origin']): [PiiType, string][] {
  return detectContextual(text)
    .filter((f) => types.includes(f.type))
    .map((f) => {
      expect(f.text).toBe(text.slice(f.start, f.end));
      return [f.type, f.text];
    });
}

describe('locations', () => {
  it('street addresses, written and spoken, with units, as one span with city, state and ZIP', () => {
    expect(found('Mail it to 2217 Birchwood Lane, Apt 4C please')).toEqual([['location', '2217 Birchwood Lane, Apt 4C']]);
    expect(found('it is sixty three north maple drive unit nine')).toEqual([['location', 'sixty three north maple drive unit nine']]);
    expect(found('address is one five two two cherry street')).toEqual([['location', 'one five two two cherry street']]);
    expect(found('Ship to 900 Congress Ave, Austin, TX 78701.')).toEqual([['location', '900 Congress Ave, Austin, TX 78701']]);
    expect(found('Send it to P.O. Box 1182, thanks')).toEqual([['location', 'P.O. Box 1182']]);
    expect(found('the shop on Elm Street is closed')).toEqual([['location', 'Elm Street']]);
  });

  it('cities, states and countries from the lists, in any case; city and state as one span', () => {
    expect(found('I live in Sacramento.')).toEqual([['location', 'Sacramento']]);
    expect(found('we are in kansas city missouri')).toEqual([['location', 'kansas city missouri']]);
    expect(found('I just got back from Vietnam')).toEqual([['location', 'Vietnam']]);
    expect(found('They moved to Georgia in May.')).toEqual([['location', 'Georgia']]);
    expect(found('we hiked near Mount Rainier')).toEqual([['location', 'Mount Rainier']]);
  });

  it('ZIP codes with a ZIP cue or after a state, written or spoken', () => {
    expect(found('my zip is 30309')).toEqual([['location', '30309']]);
    expect(found('the zip code is three oh three oh nine')).toEqual([['location', 'three oh three oh nine']]);
    expect(found('order 30309 shipped')).toEqual([]);
  });

  it('hard negatives: names and words that are also places, counts with street words', () => {
    expect(found('Georgia from accounting will call you')).toEqual([]);
    expect(found('I ordered a turkey for the holidays')).toEqual([]);
    expect(found('I have 3 dogs on the street')).toEqual([]);
    expect(found("it's a uk mobile number")).toEqual([]);
    expect(found("I'm on my way")).toEqual([]);
  });
});

describe('origin', () => {
  it('nationality or ethnicity said of a person', () => {
    expect(found("I'm Vietnamese, so my name is spelled differently", ['origin'])).toEqual([['origin', 'Vietnamese']]);
    expect(found('my parents are Salvadoran', ['origin'])).toEqual([['origin', 'Salvadoran']]);
    expect(found('she is of Irish descent', ['origin'])).toEqual([['origin', 'Irish']]);
    expect(found("I'm Korean-American", ['origin'])).toEqual([['origin', 'Korean-American']]);
  });

  it('not languages, food or places', () => {
    expect(found('do you have anyone who speaks Spanish', ['origin'])).toEqual([]);
    expect(found("I'm ordering Mexican food tonight", ['origin'])).toEqual([]);
    expect(found('my first language is English', ['origin'])).toEqual([]);
    expect(found("I'm from Mexico")).toEqual([['location', 'Mexico']]);
  });
});

describe('origins said with "\'s" and of documents', () => {
  it('"my dad\'s Nigerian", "a Brazilian passport"', () => {
    expect(found("My dad's Nigerian and my mom's Korean, so", ['origin'])).toEqual([['origin', 'Nigerian'], ['origin', 'Korean']]);
    expect(found('Travelers with a Brazilian passport need a visa', ['origin'])).toEqual([['origin', 'Brazilian']]);
    expect(found('we had Brazilian food', ['origin'])).toEqual([]);
  });
});

describe('a street address and the state or zip after it are one place, the city between them too', () => {
  it('joins across an unknown city', () => {
    expect(found("We're at 1812 Sycamore Lane, Carmel, IN 46032, the blue house.", ['location'])).toEqual([['location', '1812 Sycamore Lane, Carmel, IN 46032']]);
    expect(found('I moved from Ohio to Texas', ['location'])).toEqual([['location', 'Ohio'], ['location', 'Texas']]);
  });
});
