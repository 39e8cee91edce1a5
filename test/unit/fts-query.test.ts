import Database from 'better-sqlite3';
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
  // a real FTS5 index with the store's tokenizer: the expression must parse and find what the prefix search finds
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE f USING fts5(text, tokenize = 'unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE v USING fts5vocab(f, 'row');");
  const texts = ['please cancel my subscription', 'two subscriptions to cancel', 'a subtle point', 'José called', 'cancel the order', 'assistant-ended-call', 'the assistant ended the call'];
  texts.forEach((text, i) => db.prepare('INSERT INTO f (rowid, text) VALUES (?, ?)').run(i + 1, text));
  const wordsWithPrefix = (prefix: string) => (db.prepare('SELECT term FROM v WHERE term >= ? AND term < ? || char(1114111)').all(prefix, prefix) as { term: string }[]).map((r) => r.term);
  const found = (match: string | null) => (db.prepare('SELECT rowid FROM f WHERE f MATCH ? ORDER BY rowid').all(match) as { rowid: number }[]).map((r) => r.rowid);

  it.each(['cancel subscr', 'subscription', '"cancel my subscription"', 'JOSÉ', 'jos', 'cancel', 'zyzz', 'the ord', 'assistant-ended-call', 'assistant-ended-ca', 'cancel assistant-ended'])('finds what the prefix search finds: %s', (input) => {
    const exact = exactMatchExpression(input, wordsWithPrefix);
    expect(exact).not.toBeNull();
    expect(found(exact)).toEqual(found(ftsMatchExpression(input)));
  });

  it('spells the prefix out as words', () => {
    expect(exactMatchExpression('cancel subscr', wordsWithPrefix)).toBe('"cancel" AND ("subscription" OR "subscriptions")');
  });

  it('keeps a last word of several tokens as a phrase with its prefix ("assistant-ended-call", an end reason typed in the search)', () => {
    expect(exactMatchExpression('assistant-ended-call', wordsWithPrefix)).toBe('"assistant-ended-call"*');
  });

  it('gives up on a prefix of too many words, whole or as the last token of a word', () => {
    const many = (prefix: string) => Array.from({ length: 40 }, (_, i) => `${prefix}${i}`);
    expect(exactMatchExpression('s', many)).toBeNull();
    expect(exactMatchExpression('call-7', many)).toBeNull();
  });
});
