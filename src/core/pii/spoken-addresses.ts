import { DIGIT_WORDS, gapBetween, type Edit, type Token } from './spoken-tokens';

/** Spoken email and web addresses ("john dot smith at gmail dot com"), for the normalizer in spoken.ts. */

/** Top-level domains a spoken address must end in before "dot" and "at" are written as symbols. */
const SPOKEN_TLDS = new Set([
  'com', 'org', 'net', 'edu', 'gov', 'io', 'co', 'us', 'uk', 'ca', 'de', 'fr', 'info', 'biz', 'ai', 'app', 'dev', 'me',
  'ly', 'tv', 'shop', 'store', 'online', 'site', 'tech', 'health', 'studio', 'law', 'music', 'design', 'club', 'blog', 'cloud', 'live',
]);
const isWordToken = (token: Token | undefined): token is Token => !!token && /^[A-Za-z0-9]+$/.test(token.word);
const NOT_A_LABEL = new Set(['the', 'a', 'an', 'this', 'that', 'and', 'or', 'of', 'to', 'in', 'on', 'is', 'it', 'its']);
const SEPARATOR_WORDS: Record<string, string> = { dot: '.', underscore: '_', dash: '-', hyphen: '-' };
/** Hosts that only ever serve mail: "at gmail dot com" is an email whatever came before. */
const MAIL_HOSTS = new Set(['gmail', 'googlemail', 'hotmail', 'outlook', 'yahoo', 'icloud', 'aol', 'proton', 'protonmail', 'live', 'msn', 'comcast', 'verizon', 'att', 'sbcglobal', 'gmx', 'zoho', 'yandex', 'mail']);
/** Words that end a sentence's run-up to an address, never part of it. */
const LOCAL_PART_STOP = new Set(['to', 'is', 'at', 'my', 'me', 'email', 'e', 'mail', 'address', "it's", 'its', 'it', 'the', 'send', 'sent', 'was', 'be', 'and', 'or', 'please', "that's", 'use', 'try', 'under', 'as', 'from', 'on', 'of', 'your', 'his', 'her', 'our', 'their', 'um', 'uh', 'yeah', 'so', 'just', 'copy', 'cc', 'also', 'new', 'old', 'work', 'personal', 'same']);
/** Words that announce an email address. */
const EMAIL_CUE = /\b(?:e-?mail|mail|address|inbox|send (?:it|that|them|me) to|write to|reach me at)\b/i;

/**
 * Spoken addresses: `label (dot label)* dot tld`, optionally preceded by `local at`, where the local
 * part is `word ((dot|underscore|dash) word)*`. "w w w" becomes "www".
 */
export function addressEdits(text: string, tokens: readonly Token[]): Edit[] {
  const edits: Edit[] = [];
  const lower = tokens.map((t) => t.word.toLowerCase());
  // Every gap between tokens a..b is plain spaces (no punctuation ends the address).
  const onlySpaces = (a: number, b: number): boolean => {
    for (let k = a; k < b; k++) {
      const ta = tokens[k];
      const tb = tokens[k + 1];
      if (!ta || !tb || !/^ +$/.test(gapBetween(text, ta, tb))) return false;
    }
    return a >= 0;
  };
  for (let tld = 2; tld < tokens.length; tld++) {
    if (!SPOKEN_TLDS.has(lower[tld] ?? '') || lower[tld - 1] !== 'dot' || !isWordToken(tokens[tld - 2])) continue;
    if (!onlySpaces(tld - 2, tld - 1) || !onlySpaces(tld - 1, tld)) continue;
    /** token index -> the symbol it is spoken for ("dot" -> ".", "at" -> "@"). */
    const symbols = new Map<number, string>([[tld - 1, '.']]);
    // Walk back over "label dot" pairs of the host name.
    let hostStart = tld - 2;
    while (hostStart >= 2 && lower[hostStart - 1] === 'dot' && isWordToken(tokens[hostStart - 2]) && onlySpaces(hostStart - 2, hostStart)) {
      symbols.set(hostStart - 1, '.');
      hostStart -= 2;
    }
    let start = hostStart;
    // "w w w dot": three single w's.
    if (lower[hostStart] === 'w' && lower[hostStart - 1] === 'w' && lower[hostStart - 2] === 'w' && onlySpaces(hostStart - 2, hostStart)) {
      start = hostStart - 2;
    }
    // An email needs a reason to read "at" as "@": an email word before it, or a local part that is
    // plainly an address ("john dot smith", "jdoe88"). "pay online at acme dot com" is a web address.
    const emailCue = MAIL_HOSTS.has(lower[hostStart] ?? '') || EMAIL_CUE.test(text.slice(Math.max(0, (tokens[hostStart]?.start ?? 0) - 60), tokens[hostStart]?.start ?? 0));
    // "proton mail dot com": ASR splits a one-word mail host in two.
    if (emailCue && lower[hostStart - 1] !== 'at' && lower[hostStart - 2] === 'at' && isWordToken(tokens[hostStart - 1]) && onlySpaces(hostStart - 3, hostStart)) {
      hostStart -= 1;
      start = hostStart;
    }
    let isEmail = false;
    if (lower[hostStart - 1] === 'at' && isWordToken(tokens[hostStart - 2]) && onlySpaces(hostStart - 2, hostStart)) {
      let localStart = hostStart - 2;
      const localSymbols = new Map<number, string>();
      const spelledUnit = (k: number) => DIGIT_WORDS[lower[k] ?? ''] !== undefined || /^[a-z0-9]$/.test(lower[k] ?? '');
      for (;;) {
        if (localStart >= 2 && SEPARATOR_WORDS[lower[localStart - 1] ?? ''] !== undefined && isWordToken(tokens[localStart - 2]) && onlySpaces(localStart - 2, localStart)) {
          localSymbols.set(localStart - 1, SEPARATOR_WORDS[lower[localStart - 1] ?? ''] ?? '');
          localStart -= 2;
        } else if (localStart >= 1 && spelledUnit(localStart) && isWordToken(tokens[localStart - 1]) && SEPARATOR_WORDS[lower[localStart - 1] ?? ''] === undefined && (spelledUnit(localStart - 1) || SEPARATOR_WORDS[lower[localStart - 2] ?? ''] !== undefined) && onlySpaces(localStart - 1, localStart)) {
          // "r nine nine", "k l e e": letters and digits read one by one join without a separator
          localStart -= 1;
        } else break;
      }
      // "siobhan mac at yahoo": ASR splits a local part in two; one more word joins when it is plainly not a sentence word
      const before = lower[localStart - 1] ?? '';
      if ((emailCue || MAIL_HOSTS.has(lower[hostStart] ?? '')) && localStart >= 1 && isWordToken(tokens[localStart - 1]) && !LOCAL_PART_STOP.has(before) && !/^\d+$/.test(before) && onlySpaces(localStart - 1, localStart)) {
        localStart -= 1;
      }
      // digits read out in the local part are written: "mateo underscore r nine nine" -> "mateo_r99"
      for (let k = localStart; k < hostStart - 1; k++) {
        const digit = DIGIT_WORDS[lower[k] ?? ''];
        if (digit !== undefined) localSymbols.set(k, digit);
      }
      const plainLocal = localSymbols.size > 0 || /\d/.test(tokens[hostStart - 2]?.word ?? '');
      if (emailCue || plainLocal) {
        isEmail = true;
        start = localStart;
        symbols.set(hostStart - 1, '@');
        for (const [k, symbol] of localSymbols) symbols.set(k, symbol);
      }
    }
    // A bare "acme dot com" is an address, but "the dot com era" is not.
    if (!isEmail && start === hostStart && NOT_A_LABEL.has(lower[hostStart] ?? '')) continue;
    // "ridepal dot com slash help": a path of up to three spoken segments.
    let end = tld;
    while (!isEmail && end - tld < 6 && lower[end + 1] === 'slash' && isWordToken(tokens[end + 2]) && onlySpaces(end, end + 2)) {
      symbols.set(end + 1, '/');
      end += 2;
    }
    for (let k = start; k <= end; k++) {
      const token = tokens[k];
      const next = tokens[k + 1];
      if (!token) continue;
      const word = lower[k] ?? '';
      const symbol = symbols.get(k);
      if (symbol !== undefined) edits.push({ start: token.start, end: token.end, replacement: symbol });
      else if (token.word !== word) edits.push({ start: token.start, end: token.end, replacement: word });
      if (next && k < end) edits.push({ start: token.end, end: next.start, replacement: '' });
    }
    tld = end + 1;
  }
  return edits;
}

