import { z } from 'zod';
import { emptyCallFacts, type JsonObject, type NormalizedCall } from '../model/call';
import { toIsoInstant } from '../model/time';
import { invalidPayload } from './zod-problems';
import { isRecord, type FormatModule } from './types';
import { retellTranscriptList, retellTranscriptToTurns } from './retell-transcript';
import { timeMs } from './time-fields';

export { retellTranscriptToTurns } from './retell-transcript';

/**
 * Retell AI (corpus FORMATS.md §2): webhooks `{event, call}` and the unwrapped GET /v2/get-call
 * object. Timestamps are epoch ms, word times seconds of call audio, `call_cost` in cents.
 */
export const GET_CALL_FORMAT = 'retell.get-call';
const webhookFormat = (event: string) => `retell.webhook.${event}`;

export const retellWebhookEvents = [
  'call_started',
  'call_ended',
  'call_analyzed',
  'transcript_updated',
  'transfer_started',
  'transfer_bridged',
  'transfer_cancelled',
  'transfer_ended',
] as const;

const jsonObject = z.record(z.string(), z.unknown());
const epochMs = timeMs.nonnegative();

export const retellCallSchema = z.looseObject({
  call_id: z.string().min(1),
  agent_id: z.string().nullish(),
  call_type: z.string().nullish(),
  call_status: z.string().nullish(),
  direction: z.string().nullish(),
  from_number: z.string().nullish(),
  to_number: z.string().nullish(),
  start_timestamp: epochMs.nullish(),
  end_timestamp: epochMs.nullish(),
  duration_ms: timeMs.nonnegative().nullish(),
  disconnection_reason: z.string().nullish(),
  recording_url: z.string().nullish(),
  recording_multi_channel_url: z.string().nullish(),
  transcript_object: retellTranscriptList.nullish(),
  transcript_with_tool_calls: retellTranscriptList.nullish(),
  latency: jsonObject.nullish(),
  call_cost: z.looseObject({ combined_cost: z.number().finite().nullish() }).nullish(),
  metadata: jsonObject.nullish(),
  retell_llm_dynamic_variables: jsonObject.nullish(),
});
export type RetellCall = z.infer<typeof retellCallSchema>;

const webhookBody = z.looseObject({ event: z.enum(retellWebhookEvents), call: retellCallSchema });

/** Keys whose whole value becomes a fact or the turns; everything else stays in `extra` as sent. */
const interpreted = new Set([
  'call_id', 'agent_id', 'call_status', 'direction', 'from_number', 'to_number', 'start_timestamp', 'end_timestamp',
  'duration_ms', 'disconnection_reason', 'recording_url', 'recording_multi_channel_url', 'transcript_object',
  'transcript_with_tool_calls', 'latency', 'metadata', 'retell_llm_dynamic_variables',
]);

function extraFields(call: RetellCall): JsonObject | null {
  const extra = Object.fromEntries(Object.entries(call).filter(([key, value]) => !interpreted.has(key) && value !== undefined));
  return Object.keys(extra).length > 0 ? extra : null;
}

/** The customer is the caller on inbound calls and the callee on outbound ones; web calls have no numbers. */
function customerNumber(call: RetellCall): string | null {
  if (call.direction === 'inbound') return call.from_number ?? null;
  if (call.direction === 'outbound') return call.to_number ?? null;
  return null;
}

/**
 * Retell states costs in cents with four decimals (13.3401); the corpus states USD to four decimals
 * (0.1334), i.e. to a hundredth of a cent, which is also as fine as any bill gets.
 */
function centsToUsd(cents: number): number {
  return Math.round(cents * 100) / 10_000;
}

/**
 * An epoch-ms timestamp that can be a call's: from 2000 on. Published examples carry edited values
 * (a 10-digit start, an 11-digit end) that read as ms fall in 1970; those are no instant of the call.
 */
const EPOCH_MS_2000 = Date.UTC(2000, 0, 1);
function plausibleEpochMs(value: number | null | undefined): number | null {
  return value != null && value >= EPOCH_MS_2000 ? value : null;
}

function durationSeconds(call: RetellCall, startMs: number | null, endMs: number | null): number | null {
  if (call.duration_ms != null) return call.duration_ms / 1000;
  if (startMs === null || endMs === null) return null;
  return (endMs - startMs) / 1000;
}

/**
 * A validated Retell call object -> the normalized call. `path` is where the object sits in the
 * payload (`call`, `data`, or '' at the top), for the field paths of transcript errors.
 * Also used by the wrapped Retell-like envelope, which names its own provider and format.
 */
export function retellCallToNormalized(call: RetellCall, ids: { provider: string; sourceFormat: string }, path: string): NormalizedCall {
  const facts = emptyCallFacts(ids.provider, ids.sourceFormat);
  facts.external_id = call.call_id;
  facts.agent_id = call.agent_id ?? null;
  facts.direction = call.direction ?? null;
  facts.from_number = call.from_number ?? null;
  facts.to_number = call.to_number ?? null;
  facts.customer_number = customerNumber(call);
  const startMs = plausibleEpochMs(call.start_timestamp);
  const endMs = plausibleEpochMs(call.end_timestamp);
  facts.started_at = startMs === null ? null : toIsoInstant(startMs);
  facts.ended_at = endMs === null ? null : toIsoInstant(endMs);
  facts.duration_s = durationSeconds(call, startMs, endMs);
  facts.status = call.call_status ?? null;
  facts.end_reason = call.disconnection_reason ?? null;
  facts.recording_url = call.recording_url ?? null;
  facts.stereo_recording_url = call.recording_multi_channel_url ?? null;
  facts.cost_usd = call.call_cost?.combined_cost == null ? null : centsToUsd(call.call_cost.combined_cost);
  facts.metadata = call.metadata ?? null;
  facts.dynamic_variables = call.retell_llm_dynamic_variables ?? null;
  facts.provider_metrics = call.latency ?? null;
  facts.extra = extraFields(call);

  // call_started carries no transcript at all: zero turns
  const key = call.transcript_with_tool_calls ? 'transcript_with_tool_calls' : 'transcript_object';
  const transcript = call[key] ?? [];
  const turns = retellTranscriptToTurns(transcript, {
    callStartMs: startMs,
    path: path ? `${path}.${key}` : key,
  });
  return { call: facts, turns };
}

export function normalizeRetell(payload: unknown): NormalizedCall {
  // an `event` key means a webhook: validate it as one so errors name `call.*`
  if (isRecord(payload) && 'event' in payload) {
    const parsed = webhookBody.safeParse(payload);
    if (!parsed.success) throw invalidPayload('Retell webhook', parsed.error);
    return retellCallToNormalized(parsed.data.call, { provider: 'retell', sourceFormat: webhookFormat(parsed.data.event) }, 'call');
  }
  const parsed = retellCallSchema.safeParse(payload);
  if (!parsed.success) throw invalidPayload('Retell call', parsed.error);
  return retellCallToNormalized(parsed.data, { provider: 'retell', sourceFormat: GET_CALL_FORMAT }, '');
}

const isWebhookEvent = (value: unknown): value is (typeof retellWebhookEvents)[number] =>
  typeof value === 'string' && (retellWebhookEvents as readonly string[]).includes(value);

/** Detect: a known `event` with `call.call_id`, or a top-level `call_id` with `call_type` phone_call / web_call. */
function detectRetell(payload: unknown): string | null {
  if (!isRecord(payload)) return null;
  if (isWebhookEvent(payload.event) && isRecord(payload.call) && typeof payload.call.call_id === 'string') return webhookFormat(payload.event);
  const typed = payload.call_type === 'phone_call' || payload.call_type === 'web_call';
  return typed && typeof payload.call_id === 'string' ? GET_CALL_FORMAT : null;
}

export const retellFormat = {
  provider: 'retell',
  detect: detectRetell,
  normalize: normalizeRetell,
} satisfies FormatModule;
