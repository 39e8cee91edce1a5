import { detectContextual } from './contextual';
import { detectStructured } from './detectors';
import { resolveOverlaps, type Finding, type PiiType } from './types';
import { asksForBirthDate } from './dob';

/**
 * Every PII detector on one string (structured + contextual), overlaps resolved; offsets are into
 * `text`. With `types`, only findings of those types are returned (resolution happens first, so a
 * card number is never re-reported as a phone number because cards were filtered out).
 */
export function detectPii(text: string, types?: ReadonlySet<PiiType> | null): Finding[] {
  const found = resolveOverlaps([...detectStructured(text), ...detectContextual(text)]);
  return types ? found.filter((f) => types.has(f.type)) : found;
}

/** How much of the previous turn is read as context: the question the answer replies to. */
const CONTEXT_CHARS = 80;

/**
 * Detection in one turn of a conversation: the end of the other speaker's previous turn ("Can I
 * have your social?") is context for this one ("It's 336 49 2448"). Offsets are into `text`; what
 * the context itself contains is not reported.
 */
export function detectPiiInReply(text: string, previous: string | null, types?: ReadonlySet<PiiType> | null): Finding[] {
  if (!previous) return detectPii(text, types);
  const question = previous.slice(-CONTEXT_CHARS);
  const context = `${question}\n`;
  // Dates are found as dates first, so the filter cannot drop one the question makes a dob.
  const wanted = types && types.has('dob') ? new Set<PiiType>([...types, 'date']) : types;
  const found = detectPii(context + text, wanted)
    .filter((f) => f.start >= context.length)
    .map((f) => ({ ...f, start: f.start - context.length, end: f.end - context.length }));
  const answers = answerToBirthQuestion(question, found);
  return types ? answers.filter((f) => types.has(f.type)) : answers;
}

/** How far into a reply its answer may start ("Sure, um, let me grab my license, it's ..."). */
const ANSWER_WINDOW = 160;

/**
 * After "what is your date of birth?", the first date in the reply is the date of birth, however
 * much the caller says before it (the birth word is too far back for the dob detector's window).
 */
function answerToBirthQuestion(question: string, found: Finding[]): Finding[] {
  if (!asksForBirthDate(question)) return found;
  const first = found.find((f) => f.type === 'date' || f.type === 'dob');
  if (!first || first.type === 'dob' || first.start > ANSWER_WINDOW) return found;
  return found.map((f) => (f === first ? { ...f, type: 'dob' } : f));
}
