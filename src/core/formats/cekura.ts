import { z } from 'zod';
import { ApiError } from '../api/errors';
import { emptyCallFacts, type NormalizedCall, type Turn } from '../model/call';
import { instantMs, toIsoInstant } from '../model/time';
import { isRecord, setOwn, type FormatModule } from './types';
import { invalidPayload } from './zod-problems';
import { decodeJsonText } from './json-text';
import { assertPayloadWithinLimits } from './limits';
import { transcriptParsers, type TranscriptParser } from './transcript-types';

/**
 * Seed 003: Cekura's observe body (`POST /observability/v1/observe/`). The call facts come from
 * the body; `transcript_json` is parsed with the rules of its `transcript_type`.
 */
const parsers: Record<string, TranscriptParser | null> = { ...transcriptParsers, 'none-mono': null };
export const cekuraTranscriptTypes = Object.keys(parsers);

const redactFields = [
  'person_name', 'age', 'phone_number', 'email_address', 'date', 'time', 'location', 'origin', 'gender_sexuality',
  'physical_attribute', 'occupation', 'username', 'password', 'ip_address', 'url', 'filename', 'event', 'vehicle_id',
  'dob', 'healthcare_number', 'medical_professional', 'credit_card', 'account_number', 'bank_account', 'money', 'ssn',
  'passport_number', 'driver_license', 'numerical_pii',
] as const;

const known = {
  call_id: z.union([z.string().min(1).max(100), z.number()]),
  agent: z.number().int().nullish(),
  assistant_id: z.string().nullish(),
  voice_recording_url: z.string().nullish(),
  transcript_type: z.enum(cekuraTranscriptTypes).default('cekura'),
  transcript_json: z.unknown().optional(),
  call_ended_reason: z.string().nullish(),
  customer_number: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  timestamp: z.string().refine((v) => toIsoInstant(v) !== null, { message: 'not an ISO-8601 instant' }).nullish(),
  dynamic_variables: z.record(z.string(), z.unknown()).nullish(),
  feedback: z.string().nullish(),
  redact_fields: z.array(z.enum(redactFields)).nullish(),
  metric_ids: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]).nullish(),
  main_agent_channel_index: z.union([z.literal(0), z.literal(1)]).nullish(),
  trace_id: z.string().max(32).nullish(),
};
const observeBody = z.looseObject(known);

function transcriptValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new ApiError('invalid_payload', 'transcript_json is a string but not valid JSON', [
      { path: 'transcript_json', message: 'not valid JSON' },
    ]);
  }
}

export function normalizeCekura(payload: unknown): NormalizedCall {
  const parsed = observeBody.safeParse(payload);
  if (!parsed.success) throw invalidPayload('Cekura observe', parsed.error);
  const body = parsed.data;
  const parser = parsers[body.transcript_type];
  const transcript = transcriptValue(body.transcript_json);
  // a transcript sent as JSON text was not sized up with the body
  if (typeof body.transcript_json === 'string') assertPayloadWithinLimits(transcript, 'transcript_json');
  const turnsFrom = (callStartMs: number | null): Turn[] => {
    const context = { callStartMs, path: 'transcript_json' };
    // Deepgram has no roles: Cekura's stated agent channel decides them (channel 0 otherwise).
    if (transcript == null || !parser) return [];
    return body.transcript_type === 'deepgram'
      ? transcriptParsers.deepgram(transcript, { ...context, agentChannel: body.main_agent_channel_index ?? 0 })
      : parser(transcript, context);
  };
  let startedAt = body.timestamp ? toIsoInstant(body.timestamp) : null;
  let turns = turnsFrom(instantMs(startedAt));
  // `timestamp` is "when the call occurred": a transcript with wall-clock times that began before
  // it shows it is not the start (senders stamp the send time), so the start is unknown.
  if (startedAt !== null && turns.some((turn) => turn.start_ms !== null && turn.start_ms < 0)) {
    startedAt = null;
    turns = turnsFrom(null);
  }

  const call = emptyCallFacts('cekura', `cekura.observe(transcript_type=${body.transcript_type})`);
  call.external_id = String(body.call_id);
  call.agent_id = body.agent != null ? String(body.agent) : (body.assistant_id ?? null);
  call.started_at = startedAt;
  call.customer_number = body.customer_number ?? null;
  call.end_reason = body.call_ended_reason ?? null;
  call.recording_url = body.voice_recording_url ?? null;
  call.agent_channel = body.main_agent_channel_index ?? null;
  call.metadata = body.metadata ?? null;
  call.dynamic_variables = body.dynamic_variables ?? null;
  const extra = Object.fromEntries(Object.entries(body).filter(([key]) => !Object.hasOwn(known, key)));
  call.extra = {
    ...extra,
    transcript_type: body.transcript_type,
    ...(body.feedback != null ? { feedback: body.feedback } : {}),
    ...(body.redact_fields ? { redact_fields: body.redact_fields } : {}),
    ...(body.metric_ids != null ? { metric_ids: body.metric_ids } : {}),
    ...(body.trace_id ? { trace_id: body.trace_id } : {}),
  };
  return { call, turns };
}

/** Detect: `transcript_type` or `transcript_json` with a top-level `call_id` (FORMATS.md §8(ii)). */
function detectCekura(payload: unknown): string | null {
  if (!isRecord(payload) || !('call_id' in payload)) return null;
  if (!('transcript_type' in payload) && !('transcript_json' in payload)) return null;
  const type = typeof payload.transcript_type === 'string' ? payload.transcript_type : 'cekura';
  return `cekura.observe(transcript_type=${type})`;
}

export const cekuraFormat = { provider: 'cekura', detect: detectCekura, normalize: normalizeCekura } satisfies FormatModule;

/**
 * A form or multipart body arrives as strings: numbers, JSON objects and lists are decoded here
 * so the same schema validates every content type.
 */
export function cekuraBodyFromForm(fields: Record<string, string | string[]>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(fields)) {
    const value = Array.isArray(raw) && key !== 'redact_fields' ? raw.at(-1) : raw;
    if (key === 'agent' || key === 'main_agent_channel_index') body[key] = value === '' ? null : Number(value);
    else if (key === 'redact_fields') body[key] = decodeList(raw);
    else if (['transcript_json', 'metadata', 'dynamic_variables'].includes(key) && typeof value === 'string') body[key] = decodeJsonText(value);
    else setOwn(body, key, value);
  }
  return body;
}

function decodeList(raw: string | string[]): unknown {
  if (Array.isArray(raw)) return raw;
  const decoded = decodeJsonText(raw);
  return Array.isArray(decoded) ? decoded : raw.split(',').map((s) => s.trim()).filter(Boolean);
}
