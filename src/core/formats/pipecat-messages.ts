import { z } from 'zod';
import { fieldProblems, invalidFields, type ApiError, type FieldProblem } from '../api/errors';
import type { ToolInvocation, Turn } from '../model/call';
import { turnRole } from '../model/roles';
import { instantMs, toIsoInstant } from '../model/time';
import { isRecord } from './types';
import { decodeJsonText } from './json-text';
import { minOf } from '../model/extremes';

/**
 * Pipecat message lists (FORMATS.md §6). Pipecat has no export format; apps persist either the
 * transcript messages (`{role: user|assistant, content, user_id, timestamp}`, timestamp = ISO turn
 * START, `interrupted` on assistant turns) or `LLMContext.get_messages()` (OpenAI chat format, no
 * timing, assistant `tool_calls[]` answered by `role: tool` messages). Cekura documents a third
 * shape for its `pipecat` transcript type: `start_time` / `end_time` in seconds from call start, and
 * tool rows `{role: tool_call | tool_call_result, data: {id, name, arguments | result}}`. One
 * reader handles all three.
 */

const isoInstant = z.string().refine((value) => toIsoInstant(value) !== null, { message: 'not an ISO-8601 instant' });

const contentPart = z.looseObject({ type: z.string(), text: z.string().nullish() });

const toolCall = z.looseObject({
  id: z.string().min(1),
  function: z.looseObject({
    name: z.string().min(1),
    arguments: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
  }),
});

const cekuraToolData = z.looseObject({
  id: z.string().nullish(),
  name: z.string().nullish(),
  arguments: z.unknown().optional(),
  result: z.unknown().optional(),
});

const secondsFromStart = z.number().finite().nonnegative();

const pipecatMessage = z.looseObject({
  // system, developer, user, assistant, tool (Cekura: tool_call, tool_call_result); any other is kept as said
  role: z.string().min(1),
  content: z.union([z.string(), z.array(contentPart)]).nullish(),
  timestamp: isoInstant.nullish(),
  start_time: secondsFromStart.nullish(),
  end_time: secondsFromStart.nullish(),
  data: cekuraToolData.nullish(),
  interrupted: z.boolean().nullish(),
  tool_calls: z.array(toolCall).nullish(),
  tool_call_id: z.string().nullish(),
  name: z.string().nullish(),
});

export type PipecatMessage = z.infer<typeof pipecatMessage>;

export interface PipecatContext {
  /** epoch ms of the call start; null = measure from the earliest message timestamp. */
  callStartMs: number | null;
  /** prefix of error field paths ('' for a top-level list). */
  path: string;
}

function joinPath(prefix: string, rest: string): string {
  if (prefix === '') return rest;
  return rest === '$' || rest === '' ? prefix : `${prefix}.${rest}`;
}

export function pipecatError(problems: FieldProblem[]): ApiError {
  return invalidFields('Pipecat messages are invalid at', problems);
}

/** Validates a message list, or an app wrapper `{messages: [...]}` around one. */
export function parsePipecatMessages(transcript: unknown, path: string): { messages: PipecatMessage[] } | { problems: FieldProblem[] } {
  const listPath = isRecord(transcript) ? joinPath(path, 'messages') : path;
  const list = isRecord(transcript) ? transcript.messages : transcript;
  if (!Array.isArray(list)) {
    return { problems: [{ path: listPath || '$', message: 'expected a list of Pipecat messages (or {messages: [...]})' }] };
  }
  const parsed = z.array(pipecatMessage).safeParse(list);
  if (parsed.success) return { messages: parsed.data };
  return {
    problems: fieldProblems(parsed.error.issues, listPath),
  };
}

/** The transcript function (Cekura `transcript_type: pipecat`). */
export function pipecatMessagesToTurns(transcript: unknown, context: PipecatContext): Turn[] {
  const parsed = parsePipecatMessages(transcript, context.path);
  if ('problems' in parsed) throw pipecatError(parsed.problems);
  return pipecatTurnsFromMessages(parsed.messages, context.callStartMs);
}

/** Earliest message timestamp (epoch ms): the call start when nothing better is known. */
export function earliestTimestampMs(messages: PipecatMessage[]): number | null {
  const times = messages.flatMap((m) => {
    const ms = instantMs(m.timestamp ?? null);
    return ms === null ? [] : [ms];
  });
  return minOf(times);
}

export function pipecatTurnsFromMessages(messages: PipecatMessage[], callStartMs: number | null): Turn[] {
  const base = callStartMs ?? earliestTimestampMs(messages);
  const turns: Turn[] = [];
  const toolByCallId = new Map<string, ToolInvocation>();
  const push = (turn: Omit<Turn, 'idx'>) => {
    turns.push({ idx: turns.length, ...turn });
  };

  for (const message of messages) {
    const { startMs, endMs } = messageTimes(message, base);
    if (message.role === 'tool_call') {
      const data = message.data ?? {};
      const tool: ToolInvocation = { name: data.name ?? 'unknown', arguments: decodeJsonText(data.arguments), result: null };
      if (data.id) toolByCallId.set(data.id, tool);
      push({ ...toolTurn(tool, startMs), end_ms: endMs });
      continue;
    }
    if (message.role === 'tool_call_result') {
      const data = message.data ?? {};
      const result = decodeJsonText(data.result ?? message.content ?? null);
      const tool = data.id ? toolByCallId.get(data.id) : undefined;
      const byName = tool ?? [...turns].reverse().find((t) => t.tool !== null && t.tool.result === null && t.tool.name === data.name)?.tool;
      if (byName) byName.result = result;
      else push(toolTurn({ name: data.name ?? 'unknown', arguments: null, result }, startMs));
      continue;
    }
    if (message.role === 'tool') {
      const tool = message.tool_call_id ? toolByCallId.get(message.tool_call_id) : undefined;
      if (tool) tool.result = message.content ?? null;
      // a result whose call was trimmed from the context still proves an invocation
      else push(toolTurn({ name: message.name ?? 'unknown', arguments: null, result: message.content ?? null }, startMs));
      continue;
    }
    const role = turnRole(message.role);
    if (role === null) continue;
    const text = contentText(message.content);
    const toolCalls = message.tool_calls ?? [];
    // an assistant message that only carries tool calls says nothing aloud
    if (text !== '' || toolCalls.length === 0) {
      push({
        ...role,
        text,
        start_ms: startMs,
        end_ms: endMs,
        words: null,
        tool: null,
        interrupted: message.interrupted ?? null,
        agent_name: null,
      });
    }
    for (const call of toolCalls) {
      const tool: ToolInvocation = { name: call.function.name, arguments: decodeJsonText(call.function.arguments), result: null };
      toolByCallId.set(call.id, tool);
      push(toolTurn(tool, startMs));
    }
  }
  return turns;
}

/**
 * An ISO `timestamp` is the turn's wall-clock start (Pipecat records no end); Cekura's shape gives
 * `start_time` / `end_time` in seconds from the call start instead.
 */
function messageTimes(message: PipecatMessage, base: number | null): { startMs: number | null; endMs: number | null } {
  const timestampMs = instantMs(message.timestamp ?? null);
  if (timestampMs !== null) return { startMs: base === null ? null : Math.round(timestampMs - base), endMs: null };
  const seconds = (value: number | null | undefined) => (value == null ? null : Math.round(value * 1000));
  return { startMs: seconds(message.start_time), endMs: seconds(message.end_time) };
}

function toolTurn(tool: ToolInvocation, startMs: number | null): Omit<Turn, 'idx'> {
  return { role: 'tool', text: '', start_ms: startMs, end_ms: null, words: null, tool, interrupted: null, agent_name: null };
}

/** OpenAI content: a string, or parts of which only the text parts are spoken. */
function contentText(content: PipecatMessage['content']): string {
  if (content == null) return '';
  if (typeof content === 'string') return content;
  return content.flatMap((part) => (typeof part.text === 'string' ? [part.text] : [])).join('\n');
}

const openAiRoles = new Set(['system', 'developer', 'user', 'assistant', 'tool']);
// the LLM context carries no timing: messages with these keys belong to some other format
const timingKeys = ['timestamp', 'time', 'start_time', 'end_time', 'secondsFromStart'];

/** Transcript messages: every entry `{role: user|assistant, content: string, timestamp: string}`. */
export function looksLikeTranscriptMessages(list: unknown[]): boolean {
  return (
    list.length > 0 &&
    list.every(
      (m) =>
        isRecord(m) &&
        (m.role === 'user' || m.role === 'assistant') &&
        typeof m.content === 'string' &&
        typeof m.timestamp === 'string',
    )
  );
}

/** LLM context: untimed OpenAI messages, opening with the system prompt or carrying tool calls. */
export function looksLikeLlmContext(list: unknown[]): boolean {
  if (list.length === 0) return false;
  const openAi = list.every(
    (m) => isRecord(m) && typeof m.role === 'string' && openAiRoles.has(m.role) && !timingKeys.some((key) => key in m),
  );
  if (!openAi) return false;
  const first = list[0];
  const opensWithPrompt = isRecord(first) && (first.role === 'system' || first.role === 'developer');
  const hasTools = list.some((m) => isRecord(m) && (m.role === 'tool' || Array.isArray(m.tool_calls)));
  return opensWithPrompt || hasTools;
}
