import { describe, expect, it } from 'vitest';
import { ftsMatchExpression } from '../../src/main/store/fts-query';

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
