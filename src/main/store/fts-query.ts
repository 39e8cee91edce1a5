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

/** At most this many words may stand for a typed prefix when each call is checked one by one. */
const MAX_PREFIX_TERMS = 16;

/**
 * The same search with the last word's prefix spelled out as the indexed words it stands for
 * (`"cancel" AND ("subscription" OR "subscriptions")`), given those words: checking one call against
 * a prefix costs FTS5 a scan of every word with that prefix, checking it against a few words does
 * not. Null when the prefix stands for too many words (the caller gathers the matches instead).
 */
export function exactMatchExpression(input: string, wordsWithPrefix: (prefix: string) => string[]): string | null {
  const words = input.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  const last = words.at(-1);
  if (last === undefined) return null;
  // the tokenizer's own folding (unicode61, remove_diacritics 2): a single token or no expansion
  const prefix = last.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const phrase = (word: string) => `"${word.replaceAll('"', '""')}"`;
  const tokens = prefix.split(/[^\p{L}\p{N}]+/u).filter((token) => token.length > 0);
  const lastToken = tokens.at(-1);
  if (lastToken === undefined) return null;
  if (tokens.length > 1) {
    // A word the tokenizer splits ("assistant-ended-call") is a phrase whose last token is the
    // prefix; no OR fits inside a phrase, so it keeps its prefix form: cheap enough call by call
    // while that prefix stands for few words.
    if (wordsWithPrefix(lastToken).length > MAX_PREFIX_TERMS) return null;
    return [...words.slice(0, -1).map(phrase), `${phrase(last)}*`].join(' AND ');
  }
  const terms = wordsWithPrefix(prefix);
  if (terms.length > MAX_PREFIX_TERMS) return null;
  const lastPart = terms.length === 0 ? phrase(prefix) : `(${terms.map(phrase).join(' OR ')})`;
  // explicit AND: FTS5 has no implicit AND between a phrase and a parenthesised group
  return [...words.slice(0, -1).map(phrase), lastPart].join(' AND ');
}

export const PREFIX_TERMS_LIMIT = MAX_PREFIX_TERMS + 1;
