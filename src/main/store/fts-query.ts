/**
 * Turns what an analyst types into a safe FTS5 expression: every word becomes a quoted phrase
 * (so `"`, `-`, `OR`, `:` in the input are text, never syntax), all words must match, and the
 * last word matches as a prefix so results narrow while typing.
 */
export function ftsMatchExpression(input: string): string | null {
  const words = input.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) return null;
  return words
    .map((word, i) => {
      const phrase = `"${word.replaceAll('"', '""')}"`;
      return i === words.length - 1 ? `${phrase}*` : phrase;
    })
    .join(' ');
}
