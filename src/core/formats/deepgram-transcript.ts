import { z } from 'zod';
import { fieldProblems, invalidFields } from '../api/errors';
import type { Role, Turn, Word } from '../model/call';
import { isRecord } from './types';
import { timeSeconds } from './time-fields';

/**
 * Deepgram pre-recorded `results` (FORMATS.md §7): times are seconds from audio start. Turns are the
 * `utterances` when requested; otherwise each channel's paragraphs, or failing those its runs of
 * words. Deepgram names no roles: a turn is the agent's when it comes from the agent channel
 * (channel 0 by the product convention, corpus README rule 7), anyone else's is the user's.
 */
export const DEFAULT_AGENT_CHANNEL = 0;

const word = z.looseObject({
  word: z.string(),
  start: timeSeconds,
  end: timeSeconds,
  punctuated_word: z.string().nullish(),
  speaker: z.number().int().nullish(),
});

const sentence = z.looseObject({ text: z.string(), start: timeSeconds, end: timeSeconds });
const paragraph = z.looseObject({
  sentences: z.array(sentence),
  start: timeSeconds,
  end: timeSeconds,
  speaker: z.number().int().nullish(),
});

const alternative = z.looseObject({
  transcript: z.string().nullish(),
  words: z.array(word).nullish(),
  paragraphs: z.looseObject({ paragraphs: z.array(paragraph).nullish() }).nullish(),
});

const utterance = z.looseObject({
  start: timeSeconds,
  end: timeSeconds,
  channel: z.number().int().nonnegative().nullish(),
  speaker: z.number().int().nullish(),
  transcript: z.string(),
  words: z.array(word).nullish(),
});

export const deepgramResults = z.looseObject({
  channels: z.array(z.looseObject({ alternatives: z.array(alternative) })),
  utterances: z.array(utterance).nullish(),
});
export type DeepgramResults = z.infer<typeof deepgramResults>;
type DeepgramWord = z.infer<typeof word>;

export interface DeepgramContext {
  callStartMs: number | null;
  path: string;
  /** which channel holds the agent; channel 0 unless the caller knows better. */
  agentChannel?: number | null;
}

/** Deepgram `results` (or the whole response holding them) as turns; `path` prefixes error paths. */
export function deepgramToTurns(transcript: unknown, context: DeepgramContext): Turn[] {
  const wholeResponse = isRecord(transcript) && isRecord(transcript.results);
  const results = wholeResponse ? transcript.results : transcript;
  const path = wholeResponse ? `${context.path}.results` : context.path;
  const parsed = deepgramResults.safeParse(results);
  if (!parsed.success) {
    throw invalidFields('Deepgram results are invalid at', fieldProblems(parsed.error.issues, path));
  }
  return turnsFromDeepgramResults(parsed.data, context.agentChannel ?? DEFAULT_AGENT_CHANNEL);
}

interface Segment {
  /** the channel, or for one-channel diarized audio the speaker, that said it. */
  source: number;
  text: string;
  start: number;
  end: number;
  words: DeepgramWord[];
}

export function turnsFromDeepgramResults(results: DeepgramResults, agentChannel: number): Turn[] {
  const utterances = results.utterances ?? [];
  const segments = utterances.length > 0 ? utteranceSegments(results) : channelSegments(results);
  // Array sort is stable: utterances are already in time order, channel segments are per channel.
  const ordered = [...segments].sort((a, b) => a.start - b.start);
  return ordered.map((s, idx) => ({
    idx,
    role: (s.source === agentChannel ? 'agent' : 'user') satisfies Role,
    text: s.text,
    start_ms: ms(s.start),
    end_ms: ms(s.end),
    words: s.words.length > 0 ? s.words.map(toWord) : null,
    tool: null,
    interrupted: null,
    agent_name: null,
  }));
}

/**
 * With one channel of audio every utterance is channel 0, so diarized speakers tell the parties
 * apart instead (speaker 0 = the agent, by the same convention).
 */
function utteranceSegments(results: DeepgramResults): Segment[] {
  const utterances = results.utterances ?? [];
  const byChannel = results.channels.length > 1;
  return utterances.map((u) => ({
    source: byChannel ? (u.channel ?? 0) : (u.speaker ?? u.channel ?? 0),
    text: u.transcript,
    start: u.start,
    end: u.end,
    words: u.words ?? [],
  }));
}

function channelSegments(results: DeepgramResults): Segment[] {
  const byChannel = results.channels.length > 1;
  const best = results.channels.map((channel) => channel.alternatives[0]);
  const spoken = best.filter((alt) => (alt?.words?.length ?? 0) > 0);
  if (spoken.length > 0 && spoken.every((alt) => (alt?.paragraphs?.paragraphs?.length ?? 0) > 0)) {
    return best.flatMap((alt, c) => {
      const paragraphs = alt?.paragraphs?.paragraphs ?? [];
      const wordsOf = wordsByParagraph(alt?.words ?? [], paragraphs);
      return paragraphs.map((p, i) => ({
        source: byChannel ? c : (p.speaker ?? c),
        text: p.sentences.map((s) => s.text).join(' '),
        start: p.start,
        end: p.end,
        words: wordsOf[i] ?? [],
      }));
    });
  }
  // No paragraphs to go by: all words in time order, cut wherever the speaking side changes.
  // Array sort is stable, so words keep their order within a channel on ties.
  const tagged = best
    .flatMap((alt, c) => (alt?.words ?? []).map((w) => ({ w, source: byChannel ? c : (w.speaker ?? c) })))
    .sort((a, b) => a.w.start - b.w.start || a.source - b.source);
  return wordRuns(tagged);
}

/**
 * The words inside each paragraph's span, in one sweep over both in time order (a filter of all
 * words per paragraph is quadratic in a long call). A word goes to at most one paragraph, which
 * only matters where paragraphs overlap; Deepgram's do not.
 */
function wordsByParagraph(words: readonly DeepgramWord[], paragraphs: readonly { start: number; end: number }[]): DeepgramWord[][] {
  const byStart = [...words].sort((a, b) => a.start - b.start);
  const order = paragraphs.map((_, i) => i).sort((a, b) => (paragraphs[a]?.start ?? 0) - (paragraphs[b]?.start ?? 0) || a - b);
  const found: DeepgramWord[][] = paragraphs.map(() => []);
  let next = 0;
  for (const i of order) {
    const paragraph = paragraphs[i];
    const into = found[i];
    if (!paragraph || !into) continue;
    while (next < byStart.length && (byStart[next]?.start ?? Infinity) < paragraph.start) next++;
    for (let word = byStart[next]; word !== undefined && word.start <= paragraph.end; word = byStart[++next]) {
      if (word.end <= paragraph.end) into.push(word);
    }
  }
  return found;
}

/** Consecutive words of one source make one segment (built in place: a long call has many). */
function wordRuns(words: readonly { w: DeepgramWord; source: number }[]): Segment[] {
  const runs: Segment[] = [];
  let last: Segment | undefined;
  for (const { w, source } of words) {
    const text = w.punctuated_word ?? w.word;
    if (last && last.source === source) {
      last.words.push(w);
      last.end = w.end;
      last.text += ` ${text}`;
    } else {
      last = { source, text, start: w.start, end: w.end, words: [w] };
      runs.push(last);
    }
  }
  return runs;
}

function toWord(w: DeepgramWord): Word {
  return { text: w.punctuated_word ?? w.word, start_ms: ms(w.start), end_ms: ms(w.end) };
}

const ms = (seconds: number): number => Math.round(seconds * 1000);
