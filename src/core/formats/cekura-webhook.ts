import { z } from 'zod';
import { ApiError } from '../api/errors';
import { emptyCallFacts, type JsonObject, type NormalizedCall, type ProviderEvaluation } from '../model/call';
import { toIsoInstant } from '../model/time';
import { cekuraTranscriptToTurns } from './cekura-transcript';
import { isRecord, type FormatModule } from './types';
import { invalidPayload } from './zod-problems';

/**
 * Cekura's outgoing webhook `{event_type: "call_log.completed", data: <call log>}` (Cekura docs,
 * "Webhook format": Observability Call Success / Failed). `data` is the call log as Cekura lists it
 * (seed 003 CallLogList): `duration` "mm:ss", `timestamp` = when the call occurred (its start),
 * `transcript_object` in Cekura's transcript format, and `evaluation.metrics[]` = Cekura's own
 * judgements of the call, kept as the call's provider evaluations.
 */
const webhookFormat = (eventType: string) => `cekura.webhook.${eventType}`;

const metric = z.looseObject({
  id: z.union([z.string(), z.number()]).nullish(),
  name: z.string().nullish(),
  eval_type: z.string().nullish(),
  passed: z.boolean().nullish(),
  score: z.number().finite().nullish(),
  value: z.unknown().optional(),
  explanation: z.union([z.string(), z.array(z.string())]).nullish(),
});

const callLog = z.looseObject({
  id: z.union([z.string(), z.number()]).nullish(),
  call_id: z.union([z.string().min(1), z.number()]),
  agent_id: z.union([z.string(), z.number()]).nullish(),
  agent: z.union([z.string(), z.number()]).nullish(),
  duration: z.union([z.string(), z.number()]).nullish(),
  voice_recording_url: z.string().nullish(),
  status: z.string().nullish(),
  success: z.boolean().nullish(),
  timestamp: z.string().refine((v) => toIsoInstant(v) !== null, { message: 'not an ISO-8601 instant' }).nullish(),
  call_ended_reason: z.string().nullish(),
  customer_number: z.string().nullish(),
  transcript_object: z.unknown().optional(),
  evaluation: z.looseObject({ metrics: z.array(metric).nullish() }).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  dynamic_variables: z.record(z.string(), z.unknown()).nullish(),
});
const webhookBody = z.looseObject({ event_type: z.string(), data: callLog });

/** Keys of `data` read into facts or turns; the rest stays in `extra` as sent. */
const interpreted = new Set([
  'call_id', 'agent_id', 'agent', 'duration', 'voice_recording_url', 'status', 'timestamp', 'call_ended_reason',
  'customer_number', 'transcript_object', 'transcript', 'evaluation', 'metadata', 'dynamic_variables',
]);

/** "01:10" (mm:ss) or "1:02:03" (h:mm:ss) or plain seconds. */
export function clockSeconds(value: string | number | null | undefined): number | null {
  if (value == null || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (!/^\d+(:\d{1,2}){0,2}(\.\d+)?$/.test(value.trim())) return null;
  return value
    .trim()
    .split(':')
    .reduce((total, part) => total * 60 + Number(part), 0);
}

const blankToNull = (value: string | null | undefined) => (value == null || value.trim() === '' ? null : value);

function transcriptRows(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? [];
  try {
    return JSON.parse(value);
  } catch {
    throw new ApiError('invalid_payload', 'data.transcript_object is a string but not valid JSON', [{ path: 'data.transcript_object', message: 'not valid JSON' }]);
  }
}

function evaluations(log: z.infer<typeof callLog>): ProviderEvaluation[] | null {
  const metrics = (log.evaluation?.metrics ?? []).map(
    (m): ProviderEvaluation => ({
      name: m.name ?? (m.id != null ? `metric ${m.id}` : 'metric'),
      id: m.id == null ? null : String(m.id),
      type: m.eval_type ?? null,
      passed: m.passed ?? null,
      score: m.score ?? (typeof m.value === 'number' ? m.value : null),
      explanation: Array.isArray(m.explanation) ? m.explanation.join(' ') : (m.explanation ?? null),
    }),
  );
  // Cekura's verdict on the whole call, beside its metrics
  const overall: ProviderEvaluation[] =
    log.success == null ? [] : [{ name: 'call success', id: null, type: 'binary', passed: log.success, score: null, explanation: null }];
  const all = [...overall, ...metrics];
  return all.length > 0 ? all : null;
}

export function normalizeCekuraWebhook(payload: unknown): NormalizedCall {
  const parsed = webhookBody.safeParse(payload);
  if (!parsed.success) throw invalidPayload('Cekura webhook', parsed.error);
  const log = parsed.data.data;
  const turns = cekuraTranscriptToTurns(transcriptRows(log.transcript_object), { callStartMs: null, path: 'data.transcript_object' });

  const call = emptyCallFacts('cekura', webhookFormat(parsed.data.event_type));
  call.external_id = String(log.call_id);
  const agent = log.agent_id ?? log.agent;
  call.agent_id = agent == null || agent === '' ? null : String(agent);
  // `timestamp` is when the call occurred; the end is not stated (a rounded mm:ss duration is no end)
  call.started_at = log.timestamp ? toIsoInstant(log.timestamp) : null;
  call.duration_s = clockSeconds(log.duration);
  call.status = log.status ?? null;
  call.end_reason = blankToNull(log.call_ended_reason);
  call.customer_number = blankToNull(log.customer_number);
  call.recording_url = blankToNull(log.voice_recording_url);
  call.metadata = log.metadata ?? null;
  call.dynamic_variables = log.dynamic_variables ?? null;
  call.provider_evaluations = evaluations(log);
  const extra: JsonObject = Object.fromEntries(Object.entries(log).filter(([key]) => !interpreted.has(key)));
  call.extra = { ...extra, event_type: parsed.data.event_type };
  return { call, turns };
}

/** Detect: `{event_type: "call_log.*", data: {call_id, ...}}`. */
function detectCekuraWebhook(payload: unknown): string | null {
  if (!isRecord(payload) || typeof payload.event_type !== 'string' || !payload.event_type.startsWith('call_log.')) return null;
  return isRecord(payload.data) && 'call_id' in payload.data ? webhookFormat(payload.event_type) : null;
}

export const cekuraWebhookFormat = { provider: 'cekura', detect: detectCekuraWebhook, normalize: normalizeCekuraWebhook } satisfies FormatModule;
