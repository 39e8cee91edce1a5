import { z } from 'zod';
import { emptyCallFacts, type JsonObject, type NormalizedCall } from '../model/call';
import { instantMs, toIsoInstant } from '../model/time';
import { blandTranscript, turnsFromBlandLines } from './bland-transcript';
import { isRecord, type FormatModule } from './types';
import { invalidPayload } from './zod-problems';
import { timeMinutes, timeSeconds } from './time-fields';

export { blandTranscriptToTurns } from './bland-transcript';

/**
 * Bland AI (FORMATS.md §4): the GET /v1/calls/{id} object, which the post-call webhook also sends.
 * Units: `call_length` minutes, `corrected_duration` seconds as a string, `max_duration` minutes.
 * `end_at` is the end of the call in Bland's published examples, but some deliveries carry the
 * max_duration cut-off there instead (started_at + max_duration): that one is no end.
 */
export const SOURCE_FORMAT = 'bland.call-details';

const isoInstant = z.string().refine((value) => toIsoInstant(value) !== null, { message: 'not an ISO-8601 instant' });

const secondsText = z
  .union([z.string(), z.number()])
  .refine((value) => value === '' || timeSeconds.safeParse(Number(value)).success, { message: 'not a number of seconds' });

/** Fields read here; every other top-level key is kept in `extra` as sent (`answered_by` included). */
const interpreted = {
  call_id: z.union([z.string().min(1), z.number()]),
  to: z.string().nullish(),
  from: z.string().nullish(),
  inbound: z.boolean().nullish(),
  started_at: isoInstant.nullish(),
  call_length: timeMinutes.nonnegative().nullish(),
  corrected_duration: secondsText.nullish(),
  status: z.string().nullish(),
  call_ended_by: z.string().nullish(),
  recording_url: z.string().nullish(),
  price: z.number().finite().nullish(),
  pathway_id: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  transcripts: blandTranscript.nullish(),
};

const callDetails = z.looseObject({
  ...interpreted,
  answered_by: z.string().nullish(),
  request_data: z.looseObject({ pathway_id: z.string().nullish(), max_duration: z.number().finite().nonnegative().nullish() }).nullish(),
  end_at: isoInstant.nullish(),
  max_duration: z.number().finite().nonnegative().nullish(),
});
type CallDetails = z.infer<typeof callDetails>;

export function normalizeBland(payload: unknown): NormalizedCall {
  const parsed = callDetails.safeParse(payload);
  if (!parsed.success) throw invalidPayload('Bland call', parsed.error);
  const body = parsed.data;

  const startedAt = body.started_at ? toIsoInstant(body.started_at) : null;
  const turns = turnsFromBlandLines(body.transcripts ?? [], instantMs(startedAt));
  const direction = body.inbound == null ? null : body.inbound ? 'inbound' : 'outbound';

  const call = emptyCallFacts('bland', SOURCE_FORMAT);
  call.external_id = String(body.call_id);
  // Bland has no agent id; the pathway that ran the call stands in for one (corpus convention).
  call.agent_id = body.pathway_id ?? body.request_data?.pathway_id ?? null;
  call.direction = direction;
  call.from_number = body.from ?? null;
  call.to_number = body.to ?? null;
  call.customer_number = direction === 'inbound' ? call.from_number : direction === 'outbound' ? call.to_number : null;
  call.started_at = startedAt;
  call.ended_at = endedAt(body, startedAt, durationSeconds(body));
  call.duration_s = durationSeconds(body);
  call.status = body.status ?? null;
  call.end_reason = body.call_ended_by ?? null;
  call.recording_url = body.recording_url ?? null;
  call.cost_usd = body.price ?? null;
  call.metadata = body.metadata ?? null;
  call.dynamic_variables = body.variables ?? null;
  call.extra = extraFields(body);
  return { call, turns };
}

/** Bland's default `max_duration` (minutes) when the call does not state one. */
const BLAND_DEFAULT_MAX_MINUTES = 30;

/**
 * `end_at`, unless it is not the end: before the start, or exactly the max_duration cut-off of a
 * call whose stated length is shorter than that.
 */
function endedAt(body: CallDetails, startedAt: string | null, seconds: number | null): string | null {
  const end = body.end_at ? toIsoInstant(body.end_at) : null;
  const startMs = instantMs(startedAt);
  const endMs = instantMs(end);
  if (end === null || endMs === null) return null;
  if (startMs === null) return end;
  if (endMs < startMs) return null;
  const maxMinutes = body.max_duration ?? body.request_data?.max_duration ?? BLAND_DEFAULT_MAX_MINUTES;
  const cutOffMs = startMs + maxMinutes * 60_000;
  const ranShorter = seconds !== null && seconds < maxMinutes * 60 - 1;
  return Math.abs(endMs - cutOffMs) < 1000 && ranShorter ? null : end;
}

/** `corrected_duration` (string seconds), else `call_length` (minutes). */
function durationSeconds(body: CallDetails): number | null {
  const corrected = body.corrected_duration;
  if (corrected != null && corrected !== '') return Number(corrected);
  return body.call_length == null ? null : body.call_length * 60;
}

function extraFields(body: CallDetails): JsonObject | null {
  const extra = Object.fromEntries(Object.entries(body).filter(([key]) => !Object.hasOwn(interpreted, key)));
  return Object.keys(extra).length > 0 ? extra : null;
}

/** Detect: `transcripts[].user` + (`c_id` or `concatenated_transcript` or `call_length`) (FORMATS.md §4). */
function detectBland(payload: unknown): string | null {
  if (!isRecord(payload) || !('call_id' in payload)) return null;
  const lines = payload.transcripts;
  if (!Array.isArray(lines) || !lines.every((l) => isRecord(l) && 'user' in l)) return null;
  return 'c_id' in payload || 'concatenated_transcript' in payload || 'call_length' in payload ? SOURCE_FORMAT : null;
}

export const blandFormat = {
  provider: 'bland',
  detect: detectBland,
  normalize: normalizeBland,
} satisfies FormatModule;
