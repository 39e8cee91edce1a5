import { z } from 'zod';
import { fieldProblems, invalidFields } from '../api/errors';
import type { JsonObject, Turn } from '../model/call';
import { turnRole } from '../model/roles';
import { isRecord } from './types';
import { decodeJsonText } from './json-text';
import { pendingToolCalls, type PendingToolCalls } from './pending-tools';
import { timeSeconds } from './time-fields';

/**
 * ElevenLabs `transcript[]` (FORMATS.md §3): one entry per agent/user message, `time_in_call_secs`
 * = integer seconds from call start at which the entry starts; there is no end time. Tool use
 * arrives as agent entries with `tool_calls` (and usually `message: null`), the results as later
 * agent entries with `tool_results`, matched by `request_id`.
 */

const toolCall = z.looseObject({
  request_id: z.string().nullish(),
  tool_name: z.string().min(1),
  params_as_json: z.string().nullish(),
});

const toolResult = z.looseObject({
  request_id: z.string().nullish(),
  tool_name: z.string().nullish(),
  result_value: z.unknown().optional(),
  is_error: z.boolean().nullish(),
});

const entry = z.looseObject({
  // an unknown role is kept as said (role `other`), never a reason to refuse the call
  role: z.string(),
  message: z.string().nullish(),
  time_in_call_secs: timeSeconds.nonnegative().nullish(),
  interrupted: z.boolean().nullish(),
  tool_calls: z.array(toolCall).nullish(),
  tool_results: z.array(toolResult).nullish(),
  // SDK shape `{metrics: {name: {elapsed_time}}}`; the docs example has the names at the top level.
  conversation_turn_metrics: z.record(z.string(), z.unknown()).nullish(),
  agent_metadata: z.looseObject({ agent_id: z.string().nullish() }).nullish(),
});

export const elevenLabsTranscript = z.array(entry);
export type ElevenLabsEntry = z.infer<typeof entry>;

export interface ElevenLabsTurns {
  turns: Turn[];
  /** per-turn latency figures as reported, keyed by the index of the turn they belong to. */
  turnMetrics: { turn: number; metrics: JsonObject }[];
}

/** The native transcript (or a whole conversation holding one) as turns; `path` prefixes error paths. */
export function elevenLabsTranscriptToTurns(transcript: unknown, context: { callStartMs: number | null; path: string }): Turn[] {
  // A whole GET-conversation object is accepted too: its `transcript` is the list.
  const holdsList = isRecord(transcript) && Array.isArray(transcript.transcript);
  const list = holdsList ? transcript.transcript : transcript;
  const path = holdsList ? `${context.path}.transcript` : context.path;
  const parsed = elevenLabsTranscript.safeParse(list);
  if (!parsed.success) {
    throw invalidFields('ElevenLabs transcript is invalid at', fieldProblems(parsed.error.issues, path));
  }
  return turnsFromElevenLabsEntries(parsed.data).turns;
}

export function turnsFromElevenLabsEntries(entries: readonly ElevenLabsEntry[]): ElevenLabsTurns {
  const turns: Turn[] = [];
  const turnMetrics: ElevenLabsTurns['turnMetrics'] = [];
  const toolTurnByRequest = new Map<string, Turn>();
  const pending = pendingToolCalls();
  // Agent names only mean something when the conversation was handed between agents.
  const agentIds = new Set(entries.map((e) => e.agent_metadata?.agent_id).filter((id): id is string => typeof id === 'string'));
  const handoffs = agentIds.size > 1;

  for (const item of entries) {
    const role = turnRole(item.role);
    if (role === null) continue;
    const startMs = item.time_in_call_secs == null ? null : Math.round(item.time_in_call_secs * 1000);
    const agentName = handoffs ? (item.agent_metadata?.agent_id ?? null) : null;
    const firstTurnOfEntry = turns.length;

    if (item.message != null && item.message !== '') {
      turns.push({
        idx: turns.length,
        ...role,
        text: item.message,
        start_ms: startMs,
        end_ms: null,
        words: null,
        tool: null,
        interrupted: item.interrupted ?? null,
        agent_name: role.role === 'agent' ? agentName : null,
      });
    }
    for (const call of item.tool_calls ?? []) {
      const turn = toolTurn(turns.length, call.tool_name, decodeJsonText(call.params_as_json ?? null), startMs, agentName);
      turns.push(turn);
      pending.add(turn);
      if (call.request_id) toolTurnByRequest.set(call.request_id, turn);
    }
    for (const result of item.tool_results ?? []) {
      const target = matchingToolTurn(result, toolTurnByRequest, pending);
      const value = decodeJsonText(result.result_value ?? null);
      if (target?.tool) {
        target.tool = { ...target.tool, result: value };
        pending.answer(target);
      }
      // A result whose call was never logged still proves the tool ran: it stands for its invocation.
      else turns.push(toolTurn(turns.length, result.tool_name ?? 'unknown', null, startMs, agentName, value));
    }

    const metrics = turnMetricsOf(item);
    if (metrics && turns.length > firstTurnOfEntry) turnMetrics.push({ turn: firstTurnOfEntry, metrics });
  }
  return { turns, turnMetrics };
}

function toolTurn(idx: number, name: string, args: unknown, startMs: number | null, agentName: string | null, result: unknown = null): Turn {
  return {
    idx,
    role: 'tool',
    text: '',
    start_ms: startMs,
    end_ms: null,
    words: null,
    tool: { name, arguments: args, result },
    interrupted: null,
    agent_name: agentName,
  };
}

function matchingToolTurn(result: z.infer<typeof toolResult>, byRequest: Map<string, Turn>, pending: PendingToolCalls): Turn | undefined {
  if (result.request_id) {
    const byId = byRequest.get(result.request_id);
    if (byId) return byId;
  }
  // Without a request id, the latest call of that tool still waiting for its result.
  return typeof result.tool_name === 'string' ? pending.latest(result.tool_name) : undefined;
}

function turnMetricsOf(item: ElevenLabsEntry): JsonObject | null {
  const raw = item.conversation_turn_metrics;
  if (!raw) return null;
  const inner = raw.metrics;
  const metrics = isRecord(inner) ? inner : raw;
  return Object.keys(metrics).length > 0 ? metrics : null;
}

