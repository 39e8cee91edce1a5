import { describe, expect, it } from 'vitest';
import { exactMatchExpression, ftsMatchExpression } from '../../src/main/store/fts-query';

describe('ftsMatchExpression', () => {
  it('quotes every word and matches the last as a prefix', () => {
    expect(ftsMatchExpression('refund order')).toBe('"refund" "order"*');
  });

  it('turns FTS syntax in the input into plain text', () => {
    expect(ftsMatchExpression('card" OR -x NEAR(')).toBe('"card""" "OR" "-x" "NEAR("*');
  });

  it('returns null when nothing searchable is left', () => {
    expect(ftsMatchExpression('  - " ')).toBeNull();
  });
});

describe('exactMatchExpression (a common word checked call by call)', () => {
  const vocabulary = ['cancel', 'subscription', 'subscriptions', 'subtle', 'jose'];
  const wordsWithPrefix = (prefix: string) => vocabulary.filter((word) => word.startsWith(prefix));

  it('spells the typed prefix out as the indexed words it stands for', () => {
    expect(exactMatchExpression('cancel subscr', wordsWithPrefix)).toBe('"cancel" ("subscription" OR "subscriptions")');
  });

  it('folds case and accents as the index does', () => {
    expect(exactMatchExpression('JOSÉ', wordsWithPrefix)).toBe('("jose")');
  });

  it('matches nothing when no indexed word has the prefix, and gives up on a prefix of too many words', () => {
    expect(exactMatchExpression('zyzz', wordsWithPrefix)).toBe('"zyzz"');
    const many = (prefix: string) => Array.from({ length: 40 }, (_, i) => `${prefix}${i}`);
    expect(exactMatchExpression('s', many)).toBeNull();
    expect(exactMatchExpression('call-7', wordsWithPrefix)).toBeNull(); // two tokens: left to the gathering form
  });
});
