import { describe, expect, it } from 'vitest';
import { normalizeSpoken, toOriginalSpan } from '../../../src/core/pii/spoken';

describe('normalizeSpoken', () => {
  it('turns spoken digits into one digit run', () => {
    expect(normalizeSpoken('it is four one five five five five one two one two thanks').text).toBe('it is 4155551212 thanks');
  });

  it('reads "oh" as zero only between digits, and double / triple', () => {
    expect(normalizeSpoken('five oh oh double seven triple two').text).toBe('50077222');
    expect(normalizeSpoken('oh I see, one two three oh, right').text).toBe('oh I see, 123 oh, right');
    expect(normalizeSpoken('oh seven one oh seven five').text).toBe('071075');
    expect(normalizeSpoken('two one two, three three six oh').text).toBe('2123360');
    expect(normalizeSpoken('zero nine one').text).toBe('091');
  });

  it('joins spoken and written digits split by spaces, dashes and spoken commas', () => {
    expect(normalizeSpoken('call 415-555-1212 now').text).toBe('call 4155551212 now');
    expect(normalizeSpoken('four one five, five five five, 1212').text).toBe('4155551212');
  });

  it('leaves ordinary words and short spoken numbers alone', () => {
    for (const text of ['I have one question', 'one or two', 'twenty twenty-four', 'the dot com era', 'we met at noon', 'oh no']) {
      expect(normalizeSpoken(text).text).toBe(text);
    }
  });

  it('writes out spoken emails and web addresses', () => {
    expect(normalizeSpoken('it is john dot smith at gmail dot com ok').text).toBe('it is john.smith@gmail.com ok');
    expect(normalizeSpoken('go to w w w dot acme dot com now').text).toBe('go to www.acme.com now');
    expect(normalizeSpoken('John underscore Doe at Acme dot co dot uk').text).toBe('john_doe@acme.co.uk');
  });

  it('maps every normalized character back to the original', () => {
    const original = 'my number is four one five five five five one two one two thanks';
    const normalized = normalizeSpoken(original);
    expect(normalized.map).toHaveLength(normalized.text.length);
    const start = normalized.text.indexOf('4155551212');
    const span = toOriginalSpan(normalized, start, start + 10);
    expect(original.slice(span.start, span.end)).toBe('four one five five five five one two one two');
    const unchanged = normalized.text.indexOf('thanks');
    expect(original.slice(normalized.map[unchanged], (normalized.map[unchanged] ?? 0) + 6)).toBe('thanks');
  });

  it('reads tens and teens among digits read out, spoken separators, and "plus"', () => {
    expect(normalizeSpoken('four one five, five five five, twelve twelve').text).toBe('4155551212');
    expect(normalizeSpoken('four one five eighty one two three four five six').text).toBe('4158123456');
    expect(normalizeSpoken('one two three dash four five dash six seven eight nine').text).toBe('123-45-6789');
    expect(normalizeSpoken('ten dot zero dot zero dot one').text).toBe('10.0.0.1');
    expect(normalizeSpoken('plus four four seven seven zero zero').text).toBe('+447700');
    // numbers said as numbers stay words: years, amounts
    expect(normalizeSpoken('nineteen eighty eight').text).toBe('nineteen eighty eight');
    expect(normalizeSpoken('forty nine dollars').text).toBe('forty nine dollars');
  });

  it('joins ids spelled letter by letter, and leaves short ones and words alone', () => {
    expect(normalizeSpoken('plate eight k l m two one four ok').text).toBe('plate 8KLM214 ok');
    expect(normalizeSpoken('g b two five m i d l oh two').text).toBe('GB25MIDL02');
    expect(normalizeSpoken('plan b one two').text).toBe('plan b one two');
    expect(normalizeSpoken('i have a question').text).toBe('i have a question');
    const original = 'vin two t one x two e f a zero t x four five nine seven seven eight thanks';
    const normalized = normalizeSpoken(original);
    const start = normalized.text.indexOf('2T1X');
    const span = toOriginalSpan(normalized, start, start + 17);
    expect(original.slice(span.start, span.end)).toBe('two t one x two e f a zero t x four five nine seven seven eight');
  });
});
