import { describe, expect, it } from 'vitest';
import { detectContextual } from '../../../src/core/pii/contextual';
import type { PiiType } from '../../../src/core/pii/types';

function found(text: string, type: PiiType): string[] {
  return detectContextual(text)
    .filter((f) => f.type === type)
    .map((f) => {
      expect(f.text).toBe(text.slice(f.start, f.end));
      return f.text;
    });
}

describe('gender and sexuality', () => {
  it('stated gender, pronouns and orientation', () => {
    expect(found("I'm transgender and my records are wrong", 'gender_sexuality')).toEqual(['transgender']);
    expect(found('my pronouns are they/them', 'gender_sexuality')).toEqual(['they/them']);
    expect(found('please change the gender on file to male', 'gender_sexuality')).toEqual(['male']);
    expect(found("I'm a woman, and I was treated differently", 'gender_sexuality')).toEqual(['woman']);
    expect(found('my wife and I are a lesbian couple', 'gender_sexuality')).toEqual(['lesbian']);
  });
  it('not ordinary uses of the same words', () => {
    expect(found("he's a man of his word", 'gender_sexuality')).toEqual([]);
    expect(found('go straight ahead to the counter', 'gender_sexuality')).toEqual([]);
    expect(found('the male connector is broken', 'gender_sexuality')).toEqual([]);
  });
});

describe('physical attributes', () => {
  it('height, weight, hair and eyes, baldness, tattoos', () => {
    expect(found("I'm six foot two, so the seat is too small", 'physical_attribute')).toEqual(['six foot two']);
    expect(found('she is 5\'4" with blue eyes', 'physical_attribute')).toEqual(['5\'4"', 'blue eyes']);
    expect(found("I'm bald now, the photo is old", 'physical_attribute')).toEqual(['bald']);
    expect(found('I weigh about two hundred and ten pounds', 'physical_attribute')).toEqual(['two hundred and ten pounds']);
    expect(found('he has short gray hair and brown eyes', 'physical_attribute')).toEqual(['short gray hair', 'brown eyes']);
    expect(found('I have a tattoo on my right forearm', 'physical_attribute')).toEqual(['tattoo on my right forearm']);
  });
  it('not sizes of things or other uses of "short"', () => {
    expect(found('the box is six feet wide', 'physical_attribute')).toEqual([]);
    expect(found("I'm short on cash this month", 'physical_attribute')).toEqual([]);
    expect(found('the package weighs 5 pounds', 'physical_attribute')).toEqual(['5 pounds']);
  });
});

describe('occupation', () => {
  it('a job said about a person', () => {
    expect(found("I'm a high school teacher", 'occupation')).toEqual(['high school teacher']);
    expect(found('my wife works as a paralegal downtown', 'occupation')).toEqual(['paralegal']);
    expect(found("she's an electrician", 'occupation')).toEqual(['electrician']);
    expect(found('I am a retired firefighter', 'occupation')).toEqual(['firefighter']);
  });
  it('not job words without a person', () => {
    expect(found('the manager approved the refund', 'occupation')).toEqual([]);
    expect(found('can I talk to a supervisor', 'occupation')).toEqual([]);
  });
});

describe('events', () => {
  it('holidays, named events and personal occasions', () => {
    expect(found('we are closed over Thanksgiving', 'event')).toEqual(['Thanksgiving']);
    expect(found('I ran the Chicago Marathon last year', 'event')).toEqual(['Chicago Marathon']);
    expect(found('we were at the super bowl', 'event')).toEqual(['super bowl']);
    expect(found('tickets for the denver county fair', 'event')).toEqual(['denver county fair']);
    expect(found("it's for my son's graduation", 'event')).toEqual(['graduation']);
  });
  it('not ordinary capitalised words or bare event nouns', () => {
    expect(found('The Festival was fun', 'event')).toEqual([]);
    expect(found('is that fair to me', 'event')).toEqual([]);
  });
});

describe('occupations with describing words', () => {
  it('takes up to two words before the job after the cue', () => {
    expect(found("I'm a night shift nurse so deliver after two", 'occupation')).toEqual(['night shift nurse']);
    expect(found('i was a school bus driver for twenty two years', 'occupation')).toEqual(['school bus driver']);
    expect(found('the bus driver was late', 'occupation')).toEqual([]);
  });
});
