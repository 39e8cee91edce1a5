import { z } from 'zod';
import { emptyCallFacts, type NormalizedCall, type Turn, type JsonObject } from '../model/call';
import { turnRole } from '../model/roles';
import { instantMs, toIsoInstant } from '../model/time';
import { invalidPayload } from './zod-problems';
import { isRecord, type FormatModule } from './types';
import { minOf } from '../model/extremes';
import { timeMs } from './time-fields';

/**
 * Seed 000: the EfficientAI flat ingest body (`POST /api/v1/observability/calls`).
 * Message times are epoch milliseconds, or (some senders) milliseconds from call start:
 * values under 10^11 are offsets (corpus FORMATS.md §8(i)).
 */
export const SOURCE_FORMAT = 'efficientai.observability.ingest';

const EPOCH_MS_THRESHOLD = 1e11;

const isoInstant = z
  .string()
  .refine((value) => toIsoInstant(value) !== null, { message: 'not an ISO-8601 instant' });

const message = z.looseObject({
  role: z.string().min(1),
  content: z.string(),
  start_time: timeMs.nullish(),
  end_time: timeMs.nullish(),
});

const knownFields = {
  id: z.union([z.string().min(1), z.number()]),
  agent_id: z.union([z.string(), z.number()]).nullish(),
  startedAt: isoInstant.nullish(),
  endedAt: isoInstant.nullish(),
  to_phone_number: z.string().nullish(),
  from_phone_number: z.string().nullish(),
  messages: z.array(message).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  endedReason: z.string().nullish(),
  recording_url: z.string().nullish(),
  provider_platform: z.string().min(1).nullish(),
};

export const efficientAiBody = z.looseObject(knownFields);
export type EfficientAiBody = z.infer<typeof efficientAiBody>;

export function normalizeEfficientAi(payload: unknown): NormalizedCall {
  const parsed = efficientAiBody.safeParse(payload);
  if (!parsed.success) throw invalidPayload('EfficientAI call', parsed.error);
  const body = parsed.data;

  const startedAt = body.startedAt ? toIsoInstant(body.startedAt) : null;
  const endedAt = body.endedAt ? toIsoInstant(body.endedAt) : null;
  const messages = body.messages ?? [];
  const turns = toTurns(messages, instantMs(startedAt));

  const call = emptyCallFacts('efficientai', SOURCE_FORMAT);
  call.external_id = String(body.id);
  call.platform = body.provider_platform ?? 'external';
  call.agent_id = body.agent_id == null ? null : String(body.agent_id);
  call.started_at = startedAt;
  call.ended_at = endedAt;
  call.duration_s = durationSeconds(startedAt, endedAt);
  call.from_number = body.from_phone_number ?? null;
  call.to_number = body.to_phone_number ?? null;
  call.end_reason = body.endedReason ?? null;
  call.recording_url = body.recording_url ?? null;
  call.metadata = body.metadata ?? null;
  call.extra = extraFields(body);
  return { call, turns };
}

function toTurns(messages: z.infer<typeof message>[], callStartMs: number | null): Turn[] {
  const base = timeBase(messages, callStartMs);
  const turns: Turn[] = [];
  for (const m of messages) {
    // an unknown speaker is kept as said (role `other`), never a reason to refuse the call
    const role = turnRole(m.role);
    if (role === null) continue;
    turns.push({
      idx: turns.length,
      ...role,
      text: m.content,
      start_ms: relative(m.start_time, base),
      end_ms: relative(m.end_time, base),
      words: null,
      tool: null,
      interrupted: null,
      agent_name: null,
    });
  }
  return turns;
}

/** Epoch times are made relative to the call start, or to the first utterance when no start is given. */
function timeBase(messages: z.infer<typeof message>[], callStartMs: number | null): number {
  const epochStarts = messages
    .map((m) => m.start_time)
    .filter((t): t is number => typeof t === 'number' && t >= EPOCH_MS_THRESHOLD);
  const earliest = minOf(epochStarts);
  if (earliest === null) return 0;
  return callStartMs ?? earliest;
}

function relative(value: number | null | undefined, base: number): number | null {
  if (value == null) return null;
  return Math.round(value >= EPOCH_MS_THRESHOLD ? value - base : value);
}

function durationSeconds(startedAt: string | null, endedAt: string | null): number | null {
  const start = instantMs(startedAt);
  const end = instantMs(endedAt);
  return start === null || end === null ? null : (end - start) / 1000;
}

function extraFields(body: EfficientAiBody): JsonObject | null {
  const extra = Object.fromEntries(Object.entries(body).filter(([key]) => !Object.hasOwn(knownFields, key)));
  return Object.keys(extra).length > 0 ? extra : null;
}

/** Detect: `provider_platform`, or `startedAt` + `messages[].start_time`, with a top-level `id` (FORMATS.md §8(i)). */
function detectEfficientAi(payload: unknown): string | null {
  if (!isRecord(payload) || !('id' in payload)) return null;
  if (typeof payload.provider_platform === 'string') return SOURCE_FORMAT;
  const messages = payload.messages;
  const timed = Array.isArray(messages) && messages.some((m) => isRecord(m) && 'start_time' in m && 'content' in m);
  return 'startedAt' in payload && timed ? SOURCE_FORMAT : null;
}

export const efficientAiFormat = {
  provider: 'efficientai',
  detect: detectEfficientAi,
  normalize: normalizeEfficientAi,
} satisfies FormatModule;
