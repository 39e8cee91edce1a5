import { z } from 'zod';
import { ApiError, fieldProblems, type FieldProblem } from '../api/errors';
import { emptyCallFacts, type JsonObject, type NormalizedCall } from '../model/call';
import { instantMs, toIsoInstant } from '../model/time';
import {
  earliestTimestampMs,
  looksLikeLlmContext,
  looksLikeTranscriptMessages,
  parsePipecatMessages,
  pipecatError,
  pipecatTurnsFromMessages,
} from './pipecat-messages';
import { isRecord, type FormatModule } from './types';

export { pipecatMessagesToTurns } from './pipecat-messages';

/**
 * Pipecat (FORMATS.md §6): app-assembled message lists, bare or wrapped as `{messages: [...]}`.
 * No call id, agent, numbers, recording or end times exist, so those facts stay null (the store
 * derives a content hash for the id). Corpus convention: `started_at` = the wrapper's start if any,
 * else the earliest message timestamp, and turn times are measured from it.
 */
export const TRANSCRIPT_MESSAGES = 'pipecat.transcript-messages';
export const LLM_CONTEXT_MESSAGES = 'pipecat.llm-context-messages';

const isoInstant = z.string().refine((value) => toIsoInstant(value) !== null, { message: 'not an ISO-8601 instant' });

// wrapper keys vary by app: only an explicit start/end is read, everything else is kept in extra
const wrapperFields = {
  messages: z.array(z.unknown()),
  started_at: isoInstant.nullish(),
  ended_at: isoInstant.nullish(),
};
const wrapper = z.looseObject(wrapperFields);

function messageList(payload: unknown): unknown[] | null {
  if (Array.isArray(payload)) return payload;
  return isRecord(payload) && Array.isArray(payload.messages) ? payload.messages : null;
}

export function normalizePipecat(payload: unknown): NormalizedCall {
  if (!Array.isArray(payload) && !isRecord(payload)) {
    throw new ApiError('invalid_payload', 'Pipecat payload must be a message list or {messages: [...]}', [
      { path: '$', message: 'expected a list of messages or an object with messages' },
    ]);
  }
  const wrapped = isRecord(payload) ? wrapper.safeParse(payload) : null;
  const parsed = parsePipecatMessages(payload, '');
  const problems: FieldProblem[] = [
    ...(wrapped && !wrapped.success ? fieldProblems(wrapped.error.issues) : []),
    // a missing/non-list `messages` is already named by the wrapper check
    ...('problems' in parsed && messageList(payload) !== null ? parsed.problems : []),
  ];
  if (problems.length > 0 || 'problems' in parsed) throw pipecatError(problems);

  const messages = parsed.messages;
  const timed = messages.some((m) => m.timestamp != null);
  const head = wrapped?.success ? wrapped.data : null;
  const startMs = instantMs(head?.started_at ?? null) ?? earliestTimestampMs(messages);
  const endedAt = head?.ended_at ? toIsoInstant(head.ended_at) : null;

  const call = emptyCallFacts('pipecat', timed ? TRANSCRIPT_MESSAGES : LLM_CONTEXT_MESSAGES);
  call.started_at = startMs === null ? null : toIsoInstant(startMs);
  call.ended_at = endedAt;
  const endMs = instantMs(endedAt);
  call.duration_s = startMs !== null && endMs !== null ? (endMs - startMs) / 1000 : null;
  call.extra = head ? wrapperExtra(head) : null;
  return { call, turns: pipecatTurnsFromMessages(messages, startMs) };
}

function wrapperExtra(head: Record<string, unknown>): JsonObject | null {
  const extra = Object.fromEntries(Object.entries(head).filter(([key]) => !Object.hasOwn(wrapperFields, key)));
  return Object.keys(extra).length > 0 ? extra : null;
}

/** Detect: a list (or `messages` list) of timed `{role, content, timestamp}`, or an OpenAI-format context (FORMATS.md §6). */
function detectPipecat(payload: unknown): string | null {
  const list = messageList(payload);
  if (list === null) return null;
  if (looksLikeTranscriptMessages(list)) return TRANSCRIPT_MESSAGES;
  if (looksLikeLlmContext(list)) return LLM_CONTEXT_MESSAGES;
  return null;
}

export const pipecatFormat = {
  provider: 'pipecat',
  detect: detectPipecat,
  normalize: normalizePipecat,
} satisfies FormatModule;
