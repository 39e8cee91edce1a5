import { describe, expect, it } from 'vitest';
import { detectPii } from '../../../src/core/pii/detect';
import type { PiiType } from '../../../src/core/pii/types';

function found(text: string, types?: ReadonlySet<PiiType>): [PiiType, string][] {
  return detectPii(text, types).map((f) => {
    expect(f.text).toBe(text.slice(f.start, f.end));
    expect(f.score).toBeGreaterThan(0);
    expect(f.score).toBeLessThanOrEqual(1);
    return [f.type, f.text];
  });
}

describe('detectPii: contextual and structured findings together', () => {
  it('a date with birth context is a dob, without it a date', () => {
    expect(found('I was born on 04/12/1975')).toEqual([['dob', '04/12/1975']]);
    expect(found('the bill from 04/12/2025 is wrong')).toEqual([['date', '04/12/2025']]);
  });

  it('a structured finding wins over a generic reading of the same characters', () => {
    expect(found('the last four digits are 4111 1111 1111 1111')).toEqual([['credit_card', '4111 1111 1111 1111']]);
    expect(found('employee id 212-55-0187')).toEqual([['ssn', '212-55-0187']]);
  });

  it('one spoken caller turn with several types, each mapped to its own characters', () => {
    const turn = "hi my name is rosa delgado i'm seventy one and i live at eighteen pine road in tucson my pin is five five one two";
    expect(found(turn)).toEqual([
      ['person_name', 'rosa delgado'],
      ['age', 'seventy one'],
      ['location', 'eighteen pine road'],
      ['location', 'tucson'],
      ['numerical_pii', 'five five one two'],
    ]);
  });

  it('the types filter keeps only the chosen types', () => {
    expect(found('Dr. Morales charged me $120 on March 3rd', new Set<PiiType>(['money']))).toEqual([['money', '$120']]);
  });

  it('an agent turn of ordinary words has no findings', () => {
    expect(found('Great, sure, I can help you with that. May I put you on a brief hold while I check your bill?')).toEqual([]);
  });
});
