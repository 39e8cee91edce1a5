import { describe, expect, it } from 'vitest';
import { detectContextual } from '../../../src/core/pii/contextual';
import type { PiiType } from '../../../src/core/pii/types';

/** The [type, text] of every contextual finding of the given types; each finding's text is its span. */
function found(text: string, types: readonly PiiType[] = ['person_name', 'medical_professional']): [PiiType, string][] {
  return detectContextual(text)
    .filter((f) => types.includes(f.type))
    .map((f) => {
      expect(f.text).toBe(text.slice(f.start, f.end));
      return [f.type, f.text];
    });
}

describe('person names', () => {
  it('after strong cues, capitalised or not, including surnames no list knows', () => {
    expect(found('Hi, my name is Daniela Okonkwo and I have a question.')).toEqual([['person_name', 'Daniela Okonkwo']]);
    expect(found('yeah my name is daniela okonkwo i have a question')).toEqual([['person_name', 'daniela okonkwo']]);
    expect(found('his last name is Wojciechowski')).toEqual([['person_name', 'Wojciechowski']]);
    expect(found('Please hold, Mrs. Abernathy.')).toEqual([['person_name', 'Abernathy']]);
    expect(found('there was someone named kevin who helped me')).toEqual([['person_name', 'kevin']]);
  });

  it('after medium cues only when capitalised or listed', () => {
    expect(found('Thanks for calling, this is Priya from billing.')).toEqual([['person_name', 'Priya']]);
    expect(found('can i speak with rebecca please')).toEqual([['person_name', 'rebecca']]);
    expect(found('I spoke to Marcus Whitfield last week')).toEqual([['person_name', 'Marcus Whitfield']]);
    expect(found('this is really frustrating')).toEqual([]);
    expect(found("Hi, I'm calling about my bill.")).toEqual([]);
    expect(found("It's Tuesday, right?")).toEqual([]);
  });

  it('from the name lists without a cue, with following surnames and initials', () => {
    expect(found('Jennifer said the refund went through.')).toEqual([['person_name', 'Jennifer']]);
    expect(found('the form was signed by John F. Kennedy')).toEqual([['person_name', 'John F. Kennedy']]);
    expect(found('okay so carlos ramirez is on the account too')).toEqual([['person_name', 'carlos ramirez']]);
    expect(found('Please send it to Jean-Luc Moreau.')).toEqual([['person_name', 'Jean-Luc Moreau']]);
  });

  it('spelled names right after the name', () => {
    expect(found('my last name is nguyen n g u y e n')).toEqual([
      ['person_name', 'nguyen'],
      ['person_name', 'n g u y e n'],
    ]);
  });

  it('hard negatives: ordinary words that are also names, and sentence-initial agent words', () => {
    for (const text of [
      'I will bill you at the end of the month.',
      'may I have your account number',
      'there is a thirty day grace period',
      'we walked through the rose garden',
      "it's sunny out today",
      'mark the date on your calendar',
      'can I get your address please',
      'Great. Sure, I can help with that. Perfect.',
      'to be frank I was not happy',
      'prices rose by ten percent',
      'my name gets misspelled a lot',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });
});

describe('medical professionals', () => {
  it('a title or role and a name make one span, not a person_name', () => {
    expect(found('I saw Dr. Okafor on Monday.')).toEqual([['medical_professional', 'Dr. Okafor']]);
    expect(found('doctor shah wants to see me again')).toEqual([['medical_professional', 'doctor shah']]);
    expect(found('Nurse Practitioner Alvarez called me back')).toEqual([['medical_professional', 'Nurse Practitioner Alvarez']]);
    expect(found('my dermatologist Dr. Brennan referred me')).toEqual([['medical_professional', 'Dr. Brennan']]);
  });

  it('a role without a name, or an abbreviated street, is not one', () => {
    expect(found('the doctor said to rest')).toEqual([]);
    expect(found("the doctor wouldn't listen")).toEqual([]);
    expect(found('my dentist appointment moved')).toEqual([]);
    expect(found('I live at 12 Oak Dr Springfield', ['medical_professional'])).toEqual([]);
  });

  it('people named by their role, capitalised or in lower-case ASR text, but not days, origins or verbs', () => {
    expect(found('My caseworker is Faith Odom, extension 4471.')).toEqual([['person_name', 'Faith Odom']]);
    expect(found('Our crew supervisor, Dale Whitacre, will call you.')).toEqual([['person_name', 'Dale Whitacre']]);
    expect(found('Your driver Moussa is in a white Camry.')).toEqual([['person_name', 'Moussa']]);
    expect(found('my daughter pilar helps me with the forms')).toEqual([['person_name', 'pilar']]);
    expect(found("I'm escalating to Mark Oyelaran on the network team.")).toEqual([['person_name', 'Mark Oyelaran']]);
    expect(found('my daughter helps me with the forms')).toEqual([]);
    expect(found('my son is nine')).toEqual([]);
    expect(found('my wife is Vietnamese', ['person_name'])).toEqual([]);
  });

  it('an introduction that ends the clause; an ambiguous first name with a surname; "the doctor" as a role', () => {
    expect(found('Thanks for calling Greenway Pharmacy, this is Tamsin. How can I help?')).toEqual([['person_name', 'Tamsin']]);
    expect(found("it's Tuesday.")).toEqual([]);
    expect(found('Thank you, Mr. Okafor, I found it.')).toEqual([['person_name', 'Okafor']]);
    expect(found('Hope Castellanos will be your closing coordinator.')).toEqual([['person_name', 'Hope Castellanos']]);
    expect(found('We hope Everything works out.')).toEqual([]);
    expect(found('or do i have to wait till the doctor calls it in')).toEqual([]);
  });

  it('in lower-case ASR text, names after cues are the words no dictionary knows; fillers are skipped; companies are no people', () => {
    expect(found("hi um this is xiomara vega i'm calling about my dog")).toEqual([['person_name', 'xiomara vega']]);
    expect(found('yeah it\'s um jordan ellison born april ninth')).toEqual([['person_name', 'jordan ellison']]);
    expect(found('the driver was uh sandeep')).toEqual([['person_name', 'sandeep']]);
    expect(found('this is ridiculous i have been waiting')).toEqual([]);
    expect(found("it's broken again")).toEqual([]);
    expect(found('yeah with my wife um my social is three six five')).toEqual([]);
    expect(found('Nova Loan Servicing, this is Fatima. Can I have your name?')).toEqual([['person_name', 'Fatima']]);
    expect(found('The technician window is 1 to 5 p.m. tomorrow')).toEqual([]);
    expect(found('Ticket 99-20418 has been escalated to tier two.')).toEqual([]);
  });

  it('names with no cue: before "born", joined by "and", two capitalised words no dictionary knows; vocatives; "under"', () => {
    expect(found('kofi mensah born february twenty second')).toEqual([['person_name', 'kofi mensah']]);
    expect(found("it's amara and joaquin")).toEqual([['person_name', 'amara'], ['person_name', 'joaquin']]);
    expect(found('Nkechi Achebe from our office will call you back.')).toEqual([['person_name', 'Nkechi Achebe']]);
    expect(found('Sure, Tomasz. Can you read me the VIN?')).toEqual([['person_name', 'Tomasz']]);
    expect(found("can you put it under wojcik it's my dad's truck")).toEqual([['person_name', 'wojcik']]);
    expect(found('And the account holder, is that Helga Sørensen?')).toEqual([['person_name', 'Helga Sørensen']]);
    expect(found("The drive at St. Brendan's Parish Hall is on July 8.")).toEqual([]);
    expect(found('Sure, Thanks.')).toEqual([]);
    expect(found('it was born out of frustration')).toEqual([]);
  });
});
