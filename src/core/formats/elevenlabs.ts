import { z } from 'zod';
import { emptyCallFacts, type JsonObject, type NormalizedCall } from '../model/call';
import { toIsoInstant } from '../model/time';
import { elevenLabsTranscript, turnsFromElevenLabsEntries } from './elevenlabs-transcript';
import { isRecord, type FormatModule } from './types';
import { invalidPayload } from './zod-problems';
import { timeSeconds } from './time-fields';

export { elevenLabsTranscriptToTurns } from './elevenlabs-transcript';

/**
 * ElevenLabs Agents (FORMATS.md §3): the `post_call_transcription` webhook `{type, event_timestamp, data}`
 * and the GET /v1/convai/conversations/{id} object, which is the webhook's `data` itself.
 */
export const WEBHOOK_FORMAT = 'elevenlabs.webhook.post_call_transcription';
export const CONVERSATION_FORMAT = 'elevenlabs.get-conversation';

/** Statuses of a conversation that has not ended yet: its duration is only the time so far. */
const ongoingStatuses = new Set(['initiated', 'in-progress']);

const phoneCall = z.looseObject({
  direction: z.string().nullish(),
  agent_number: z.string().nullish(),
  external_number: z.string().nullish(),
});

const conversationMetadata = z.looseObject({
  start_time_unix_secs: timeSeconds.nullish(),
  call_duration_secs: timeSeconds.nonnegative().nullish(),
  // `cost` is in credits; only `cost_fiat` is USD (corpus README).
  cost_fiat: z.number().finite().nullish(),
  termination_reason: z.string().nullish(),
  phone_call: phoneCall.nullish(),
});

/** Fields read here; every other key of the conversation is kept in `extra` as sent. */
const interpreted = {
  conversation_id: z.string().min(1),
  agent_id: z.string().nullish(),
  status: z.string().nullish(),
  transcript: elevenLabsTranscript.nullish(),
};

const conversation = z.looseObject({
  ...interpreted,
  metadata: conversationMetadata.nullish(),
  conversation_initiation_client_data: z
    .looseObject({ dynamic_variables: z.record(z.string(), z.unknown()).nullish() })
    .nullish(),
});
type Conversation = z.infer<typeof conversation>;

const webhook = z.looseObject({
  type: z.literal('post_call_transcription'),
  event_timestamp: timeSeconds.nullish(),
  data: conversation,
});

export function normalizeElevenLabs(payload: unknown): NormalizedCall {
  // The webhook envelope is told by its keys, so a broken envelope is reported as one.
  if (isRecord(payload) && 'type' in payload && 'data' in payload) {
    const parsed = webhook.safeParse(payload);
    if (!parsed.success) throw invalidPayload('ElevenLabs post_call_transcription', parsed.error);
    const { data, ...envelope } = parsed.data;
    return fromConversation(data, WEBHOOK_FORMAT, envelope);
  }
  const parsed = conversation.safeParse(payload);
  if (!parsed.success) throw invalidPayload('ElevenLabs conversation', parsed.error);
  return fromConversation(parsed.data, CONVERSATION_FORMAT, {});
}

function fromConversation(body: Conversation, sourceFormat: string, envelope: JsonObject): NormalizedCall {
  const { turns, turnMetrics } = turnsFromElevenLabsEntries(body.transcript ?? []);
  const meta = body.metadata;
  const ongoing = ongoingStatuses.has(body.status ?? '');
  const startSecs = meta?.start_time_unix_secs ?? null;
  // While the conversation runs, call_duration_secs is the elapsed time, not the call's duration.
  const durationS = ongoing ? null : (meta?.call_duration_secs ?? null);

  const call = emptyCallFacts('elevenlabs', sourceFormat);
  call.external_id = body.conversation_id;
  call.agent_id = body.agent_id ?? null;
  call.status = body.status ?? null;
  call.started_at = startSecs === null ? null : toIsoInstant(startSecs * 1000);
  call.ended_at = startSecs === null || durationS === null ? null : toIsoInstant((startSecs + durationS) * 1000);
  call.duration_s = durationS;
  call.end_reason = ongoing || !meta?.termination_reason ? null : meta.termination_reason;
  call.cost_usd = meta?.cost_fiat ?? null;
  const phone = phoneNumbers(meta?.phone_call ?? null);
  call.direction = phone.direction;
  call.from_number = phone.from;
  call.to_number = phone.to;
  call.customer_number = phone.customer;
  call.dynamic_variables = body.conversation_initiation_client_data?.dynamic_variables ?? null;
  call.provider_metrics = turnMetrics.length > 0 ? { conversation_turn_metrics: turnMetrics } : null;
  call.extra = extraFields(body, envelope);
  return { call, turns };
}

/** Inbound: external -> agent number; outbound: agent -> external (FORMATS.md §3). */
function phoneNumbers(phone: z.infer<typeof phoneCall> | null) {
  const agent = phone?.agent_number ?? null;
  const external = phone?.external_number ?? null;
  const direction = phone?.direction ?? null;
  if (direction === 'outbound') return { direction, from: agent, to: external, customer: external };
  if (direction === 'inbound') return { direction, from: external, to: agent, customer: external };
  return { direction, from: null, to: null, customer: external };
}

function extraFields(body: Conversation, envelope: JsonObject): JsonObject | null {
  const kept = Object.entries(body).filter(([key]) => !Object.hasOwn(interpreted, key));
  const extra = { ...envelope, ...Object.fromEntries(kept) };
  return Object.keys(extra).length > 0 ? extra : null;
}

/**
 * Detect: `type == "post_call_transcription"` with `data.conversation_id`, or a top-level
 * `conversation_id` with `transcript[].time_in_call_secs` (FORMATS.md §3). A conversation whose
 * transcript is still empty is recognised by its `metadata.start_time_unix_secs`.
 */
function detectElevenLabs(payload: unknown): string | null {
  if (!isRecord(payload)) return null;
  if (payload.type === 'post_call_transcription') {
    return isRecord(payload.data) && 'conversation_id' in payload.data ? WEBHOOK_FORMAT : null;
  }
  if (typeof payload.conversation_id !== 'string' || !Array.isArray(payload.transcript)) return null;
  const timed = payload.transcript.some((entry) => isRecord(entry) && 'time_in_call_secs' in entry);
  const started = isRecord(payload.metadata) && 'start_time_unix_secs' in payload.metadata;
  return timed || (payload.transcript.length === 0 && started) ? CONVERSATION_FORMAT : null;
}

export const elevenLabsFormat = {
  provider: 'elevenlabs',
  detect: detectElevenLabs,
  normalize: normalizeElevenLabs,
} satisfies FormatModule;
