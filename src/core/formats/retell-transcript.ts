import { z } from 'zod';
import { fieldProblems, formatPath, invalidFields } from '../api/errors';
import type { Turn, Word } from '../model/call';
import { isRecord } from './types';
import { decodeJsonText } from './json-text';
import { timeSeconds } from './time-fields';

/**
 * Retell's `transcript_with_tool_calls[]` / `transcript_object[]` (corpus FORMATS.md §2). Utterances
 * have no start/end of their own: a turn runs from its first word's `start` to its last word's `end`
 * (seconds of call audio). Tool invocations become tool turns and their results merge into them
 * (README rule 2); node transitions, DTMF, SMS and injected context are not spoken, so not turns.
 * A role Retell does not document is kept as a turn of its own (role `other`), never a reason to
 * refuse the call.
 */

const word = z.looseObject({
  word: z.string().nullish(),
  start: timeSeconds.nullish(),
  end: timeSeconds.nullish(),
});

export const retellTranscriptItem = z.discriminatedUnion('role', [
  z.looseObject({
    role: z.enum(['agent', 'user', 'transfer_target']),
    content: z.string(),
    words: z.array(word).nullish(),
  }),
  z.looseObject({
    role: z.literal('tool_call_invocation'),
    tool_call_id: z.string().nullish(),
    name: z.string().min(1),
    arguments: z.unknown().optional(),
    // seen only in third-party notes (FORMATS.md "Unconfirmed points"): seconds from call start
    time_sec: timeSeconds.nullish(),
  }),
  z.looseObject({
    role: z.literal('tool_call_result'),
    tool_call_id: z.string().nullish(),
    content: z.unknown().optional(),
    successful: z.boolean().nullish(),
  }),
  z.looseObject({ role: z.enum(['node_transition', 'dtmf', 'sms', 'injected']) }),
]);
export type RetellTranscriptItem = z.infer<typeof retellTranscriptItem>;

const retellRoles = new Set(['agent', 'user', 'transfer_target', 'tool_call_invocation', 'tool_call_result', 'node_transition', 'dtmf', 'sms', 'injected']);

/** An utterance of a speaker Retell does not document: `{role: <anything else>, content?, words?}`. */
const unknownSpeaker = z.looseObject({ role: z.string().min(1), content: z.string().nullish(), words: z.array(word).nullish() });
type UnknownSpeaker = z.infer<typeof unknownSpeaker>;

function isUnknownSpeaker(item: unknown): boolean {
  return isRecord(item) && typeof item.role === 'string' && !retellRoles.has(item.role);
}

type Entry = { known: RetellTranscriptItem } | { unknown: UnknownSpeaker };

function parseEntry(raw: unknown): { entry: Entry } | { issues: z.core.$ZodIssue[] } {
  if (isUnknownSpeaker(raw)) {
    const speaker = unknownSpeaker.safeParse(raw);
    return speaker.success ? { entry: { unknown: speaker.data } } : { issues: speaker.error.issues };
  }
  const item = retellTranscriptItem.safeParse(raw);
  return item.success ? { entry: { known: item.data } } : { issues: item.error.issues };
}

/** Each item validated by its role (an undocumented role by the loose speaker shape); issue paths start at the item index. */
function parseItems(value: readonly unknown[]): { items: Entry[] } | { issues: { path: PropertyKey[]; message: string }[] } {
  const items: Entry[] = [];
  const issues: { path: PropertyKey[]; message: string }[] = [];
  value.forEach((raw, i) => {
    const parsed = parseEntry(raw);
    if ('entry' in parsed) items.push(parsed.entry);
    else issues.push(...parsed.issues.map((issue) => ({ path: [i, ...issue.path], message: issue.message })));
  });
  return issues.length > 0 ? { issues } : { items };
}

/** A transcript list for a call schema: every item checked as `retellTranscriptToTurns` reads it. */
export const retellTranscriptList = z.array(z.unknown()).superRefine((list, ctx) => {
  const parsed = parseItems(list);
  if ('issues' in parsed) for (const issue of parsed.issues) ctx.addIssue({ code: 'custom', path: issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)), message: issue.message });
});

const at = (prefix: string, path: readonly PropertyKey[]) => formatPath(prefix ? [prefix, ...path] : path);
const ms = (seconds: number) => Math.round(seconds * 1000);

/** Words with both times; the others cannot be placed on the timeline. */
function timedWords(words: z.infer<typeof word>[] | null | undefined): Word[] {
  return (words ?? []).flatMap((w) => (w.start == null || w.end == null ? [] : [{ text: w.word ?? '', start_ms: ms(w.start), end_ms: ms(w.end) }]));
}

/**
 * The array itself, or the one a Retell call object (or `{event, call}` webhook body) holds:
 * `transcript_with_tool_calls` when present, else `transcript_object`.
 */
function locateTranscript(transcript: unknown, path: string): { value: unknown; path: string } {
  if (!isRecord(transcript)) return { value: transcript, path };
  const holder = isRecord(transcript.call) ? transcript.call : transcript;
  const prefix = holder === transcript ? path : at(path, ['call']);
  const key = Array.isArray(holder.transcript_with_tool_calls) ? 'transcript_with_tool_calls' : 'transcript_object';
  return { value: holder[key] ?? [], path: at(prefix, [key]) };
}

/** Retell transcript -> turns; throws a 422 naming `<path>.<i>.<field>` for malformed entries. */
export function retellTranscriptToTurns(transcript: unknown, context: { callStartMs: number | null; path: string }): Turn[] {
  const located = locateTranscript(transcript, context.path);
  const parsed: ReturnType<typeof parseItems> = Array.isArray(located.value)
    ? parseItems(located.value)
    : { issues: [{ path: [], message: 'expected a list of transcript items' }] };
  if ('issues' in parsed) {
    throw invalidFields('Retell transcript is invalid at', fieldProblems(parsed.issues, located.path));
  }

  const turns: Turn[] = [];
  const toolTurnById = new Map<string, Turn>();
  for (const entry of parsed.items) {
    if ('unknown' in entry) {
      const words = timedWords(entry.unknown.words);
      turns.push({
        idx: turns.length,
        role: 'other',
        raw_role: entry.unknown.role,
        text: entry.unknown.content ?? '',
        start_ms: words[0]?.start_ms ?? null,
        end_ms: words.at(-1)?.end_ms ?? null,
        words: words.length > 0 ? words : null,
        tool: null,
        interrupted: null,
        agent_name: null,
      });
      continue;
    }
    const item = entry.known;
    switch (item.role) {
      case 'agent':
      case 'user':
      case 'transfer_target': {
        const words = timedWords(item.words);
        turns.push({
          idx: turns.length,
          // the transfer target speaks for the business side after a transfer, like the agent
          role: item.role === 'user' ? 'user' : 'agent',
          text: item.content,
          start_ms: words[0]?.start_ms ?? null,
          end_ms: words.at(-1)?.end_ms ?? null,
          words: words.length > 0 ? words : null,
          tool: null,
          interrupted: null,
          agent_name: item.role === 'transfer_target' ? 'transfer_target' : null,
        });
        break;
      }
      case 'tool_call_invocation': {
        const turn: Turn = {
          idx: turns.length,
          role: 'tool',
          text: '',
          start_ms: item.time_sec == null ? null : ms(item.time_sec),
          end_ms: null,
          words: null,
          tool: { name: item.name, arguments: decodeJsonText(item.arguments), result: null },
          interrupted: null,
          agent_name: null,
        };
        if (item.tool_call_id) toolTurnById.set(item.tool_call_id, turn);
        turns.push(turn);
        break;
      }
      case 'tool_call_result': {
        const target = item.tool_call_id ? toolTurnById.get(item.tool_call_id) : undefined;
        if (target?.tool) target.tool = { ...target.tool, result: decodeJsonText(item.content) };
        break;
      }
      default:
        break;
    }
  }
  return turns;
}
