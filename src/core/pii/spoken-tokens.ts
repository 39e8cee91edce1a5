/** Tokens of a transcript line and the edits the spoken-form passes make to it (see spoken.ts). */

export const DIGIT_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};
export const ZERO_LETTERS = new Set(['oh', 'o']);
export const REPEATERS: Record<string, number> = { double: 2, triple: 3 };

export interface Token {
  word: string;
  start: number;
  end: number;
}

export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

export function tokenize(text: string): Token[] {
  return [...text.matchAll(/[A-Za-z]+(?:'[A-Za-z]+)?|\d+/g)].map((m) => ({
    word: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

export function gapBetween(text: string, a: Token, b: Token): string {
  return text.slice(a.end, b.start);
}

