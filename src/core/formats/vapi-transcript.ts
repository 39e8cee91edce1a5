import { z } from 'zod';
import { fieldProblems, formatPath, invalidFields, type FieldProblem } from '../api/errors';
import type { Turn } from '../model/call';
import { lookupRole } from '../model/roles';
import { isRecord } from './types';
import { decodeJsonText } from './json-text';
import { pendingToolCalls, type PendingToolCalls } from './pending-tools';
import { timeMs, timeSeconds } from './time-fields';

/**
 * Vapi's `messages[]` / `artifact.messages[]` (corpus FORMATS.md §1): `bot` / `user` utterances,
 * `system` prompts (not turns), `tool_calls` (one tool turn per `toolCalls[]` entry) and
 * `tool_call_result` (merged into its invocation, README rule 2). Reports of early 2024 use OpenAI's
 * older names instead: `function_call` (`{name, args}`, one tool turn) and `function_result`. A role
 * Vapi never documented is kept as a turn of its own (role `other`), never a reason to refuse the call.
 *
 * Times: `secondsFromStart` is seconds from call start; `time` / `endTime` are epoch ms. Cekura's docs
 * show a `vapi` variant whose `time` is seconds from start (`"time": 0.0`), so `time` / `endTime` are
 * read by magnitude: values from 10^11 up are epoch ms, smaller ones are seconds from start.
 */

const EPOCH_MS_THRESHOLD = 1e11;

const toolCall = z.looseObject({
  id: z.string().nullish(),
  function: z.looseObject({ name: z.string().min(1), arguments: z.unknown().optional() }),
});

export const vapiMessageSchema = z.looseObject({
  role: z.string().min(1),
  message: z.string().nullish(),
  content: z.string().nullish(),
  time: timeMs.nullish(),
  endTime: timeMs.nullish(),
  secondsFromStart: timeSeconds.nullish(),
  toolCalls: z.array(toolCall).nullish(),
  toolCallId: z.string().nullish(),
  name: z.string().nullish(),
  result: z.unknown().optional(),
  // `function_call` messages of early-2024 reports: `{name, args}`
  args: z.unknown().optional(),
  arguments: z.unknown().optional(),
});
export type VapiMessage = z.infer<typeof vapiMessageSchema>;

type Kind = 'agent' | 'user' | 'tool_calls' | 'tool_call' | 'tool_result' | 'skip' | 'other';

/**
 * Vapi's own tool roles first (`tool` is OpenAI's result role, `function_result` its older name),
 * then the shared speaker names; any other tool name is one invocation named by `name`.
 */
function kindOf(role: string): Kind {
  const key = role.trim().toLowerCase();
  if (key === 'tool_calls') return 'tool_calls';
  if (key === 'tool_call_result' || key === 'tool' || key === 'function_result') return 'tool_result';
  const lookup = lookupRole(key);
  if (!lookup.known) return 'other';
  if (lookup.role === 'tool') return 'tool_call';
  return lookup.role ?? 'skip';
}

const at = (prefix: string, path: readonly PropertyKey[]) => formatPath(prefix ? [prefix, ...path] : path);

/** Milliseconds from call start for a `time`-like value; epoch values need the call start (`base`). */
function offsetMs(value: number, base: number | null): number | null {
  if (value >= EPOCH_MS_THRESHOLD) return base === null ? null : value - base;
  return value * 1000;
}

/** `endTime - time` in ms, when both are in the same unit. */
function spanMs(time: number, endTime: number): number | null {
  const epoch = time >= EPOCH_MS_THRESHOLD;
  if (epoch !== endTime >= EPOCH_MS_THRESHOLD) return null;
  return epoch ? endTime - time : (endTime - time) * 1000;
}

/**
 * The epoch ms that `time` values are measured from when a message lacks `secondsFromStart`:
 * the call start, else what a message with both fields implies, else the first epoch time.
 */
function timeBase(messages: readonly VapiMessage[], callStartMs: number | null): number | null {
  if (callStartMs !== null) return callStartMs;
  const anchored = messages.find((m) => m.time != null && m.time >= EPOCH_MS_THRESHOLD && m.secondsFromStart != null);
  if (anchored?.time != null && anchored.secondsFromStart != null) return anchored.time - anchored.secondsFromStart * 1000;
  return messages.find((m) => m.time != null && m.time >= EPOCH_MS_THRESHOLD)?.time ?? null;
}

/**
 * Start from `secondsFromStart` (else `time`); end = start + (`endTime - time`), which equals
 * `endTime - startedAt` when both clocks agree and stays on the start's clock when they do not
 * (Vapi does not document whether `secondsFromStart` counts from call or recording start).
 */
function messageTimes(m: VapiMessage, base: number | null): { start_ms: number | null; end_ms: number | null } {
  const start = m.secondsFromStart != null ? m.secondsFromStart * 1000 : m.time != null ? offsetMs(m.time, base) : null;
  let end: number | null = null;
  if (m.endTime != null) {
    const span = m.time != null ? spanMs(m.time, m.endTime) : null;
    end = start !== null && span !== null ? start + span : offsetMs(m.endTime, base);
  }
  return { start_ms: start === null ? null : Math.round(start), end_ms: end === null ? null : Math.round(end) };
}

/** The messages array itself, or one held by a Vapi call / report (`artifact.messages`, `messages`). */
function locateMessages(transcript: unknown, path: string): { value: unknown; path: string } {
  if (!isRecord(transcript)) return { value: transcript, path };
  const holder = isRecord(transcript.message) ? transcript.message : transcript;
  const prefix = holder === transcript ? path : at(path, ['message']);
  if (isRecord(holder.artifact) && Array.isArray(holder.artifact.messages)) {
    return { value: holder.artifact.messages, path: at(prefix, ['artifact', 'messages']) };
  }
  return { value: holder.messages, path: at(prefix, ['messages']) };
}

function invalid(what: string, fields: FieldProblem[]) {
  return invalidFields(`${what} is invalid at`, fields);
}

/** Vapi messages -> turns; throws a 422 naming `<path>.<i>.<field>` for malformed entries. */
export function vapiMessagesToTurns(transcript: unknown, context: { callStartMs: number | null; path: string }): Turn[] {
  const located = locateMessages(transcript, context.path);
  const parsed = z.array(vapiMessageSchema).safeParse(located.value);
  if (!parsed.success) {
    throw invalid('Vapi messages', fieldProblems(parsed.error.issues, located.path));
  }
  return vapiTurnsFromMessages(parsed.data, { callStartMs: context.callStartMs, path: located.path });
}

/** Messages already validated (by the call schema) -> turns; `path` is where the list sits. */
export function vapiTurnsFromMessages(messages: readonly VapiMessage[], context: { callStartMs: number | null; path: string }): Turn[] {
  // an unknown role never sinks a call: its turn is kept as 'other' with the payload's own name
  const problems = messages.flatMap((m, i): FieldProblem[] =>
    kindOf(m.role) === 'tool_calls' && !m.toolCalls ? [{ path: at(context.path, [i, 'toolCalls']), message: 'a tool_calls message needs its toolCalls list' }] : [],
  );
  if (problems.length > 0) throw invalid('Vapi messages', problems);

  const base = timeBase(messages, context.callStartMs);
  const turns: Turn[] = [];
  const toolTurnById = new Map<string, Turn>();
  const pending = pendingToolCalls();
  for (const m of messages) {
    const kind = kindOf(m.role);
    const times = messageTimes(m, base);
    if (kind === 'agent' || kind === 'user' || kind === 'other') {
      turns.push({
        idx: turns.length,
        role: kind,
        text: m.message ?? m.content ?? '',
        ...times,
        words: null,
        tool: null,
        interrupted: null,
        agent_name: null,
        ...(kind === 'other' ? { raw_role: m.role } : {}),
      });
    } else if (kind === 'tool_call') {
      const name = m.name ?? 'unknown';
      const turn: Turn = { idx: turns.length, role: 'tool', text: '', ...times, words: null, tool: { name, arguments: decodeJsonText(m.args ?? m.arguments), result: null }, interrupted: null, agent_name: null };
      turns.push(turn);
      // a 2024 `function_call` is answered by the next `function_result` of its name
      pending.add(turn);
    } else if (kind === 'tool_calls') {
      for (const call of m.toolCalls ?? []) {
        const turn: Turn = {
          idx: turns.length,
          role: 'tool',
          text: '',
          ...times,
          words: null,
          tool: { name: call.function.name, arguments: decodeJsonText(call.function.arguments), result: null },
          interrupted: null,
          agent_name: null,
        };
        if (call.id) toolTurnById.set(call.id, turn);
        turns.push(turn);
        pending.add(turn);
      }
    } else if (kind === 'tool_result') {
      mergeResult(m, toolTurnById, pending);
    }
  }
  return turns;
}

/** Puts a result on its invocation: by `toolCallId`, else the latest unanswered call of that name. */
function mergeResult(m: VapiMessage, byId: Map<string, Turn>, pending: PendingToolCalls): void {
  const target = (m.toolCallId ? byId.get(m.toolCallId) : undefined) ?? pending.latest(m.name ?? null);
  if (!target?.tool) return;
  target.tool = { ...target.tool, result: decodeJsonText(m.result ?? m.message ?? m.content) };
  pending.answer(target);
}
