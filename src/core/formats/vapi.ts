import { z } from 'zod';
import { emptyCallFacts, type JsonObject, type NormalizedCall } from '../model/call';
import { instantMs, toIsoInstant } from '../model/time';
import { invalidPayload } from './zod-problems';
import { isRecord, type FormatModule } from './types';
import { vapiMessageSchema, vapiTurnsFromMessages, type VapiMessage } from './vapi-transcript';
import { timeMs, timeSeconds } from './time-fields';

export { vapiMessagesToTurns } from './vapi-transcript';

/**
 * Vapi (corpus FORMATS.md §1): the `end-of-call-report` server message (`{message: {...}}`) and
 * the GET /call/{id} Call object. Both carry the same fields (`startedAt`, `endedReason`, `cost`,
 * `artifact`, ...); the report also names the agent's number (`phoneNumber`) and its `call` is the
 * Call object (which may be stale).
 */
export const REPORT_FORMAT = 'vapi.server-message.end-of-call-report';
export const GET_CALL_FORMAT = 'vapi.get-call';

const isoInstant = z.string().refine((value) => toIsoInstant(value) !== null, { message: 'not an ISO-8601 instant' });
const jsonObject = z.record(z.string(), z.unknown());
const phone = z.looseObject({ number: z.string().nullish() });

const artifact = z.looseObject({
  messages: z.array(vapiMessageSchema).nullish(),
  recordingUrl: z.string().nullish(),
  stereoRecordingUrl: z.string().nullish(),
  recording: z
    .looseObject({ stereoUrl: z.string().nullish(), mono: z.looseObject({ combinedUrl: z.string().nullish() }).nullish() })
    .nullish(),
  performanceMetrics: jsonObject.nullish(),
});

/** Fields the report message and the Call object share. */
const sharedFields = {
  startedAt: isoInstant.nullish(),
  endedAt: isoInstant.nullish(),
  endedReason: z.string().nullish(),
  cost: z.number().finite().nullish(),
  costBreakdown: z.looseObject({ total: z.number().finite().nullish() }).nullish(),
  customer: phone.nullish(),
  phoneNumber: phone.nullish(),
  artifact: artifact.nullish(),
  messages: z.array(vapiMessageSchema).nullish(),
};

const callObject = z.looseObject({
  ...sharedFields,
  id: z.string().min(1),
  assistantId: z.string().nullish(),
  type: z.string().nullish(),
  status: z.string().nullish(),
  metadata: jsonObject.nullish(),
  assistantOverrides: z.looseObject({ variableValues: jsonObject.nullish() }).nullish(),
});
type CallObject = z.infer<typeof callObject>;

const report = z.looseObject({
  ...sharedFields,
  type: z.literal('end-of-call-report'),
  call: callObject,
  // fields of older deliveries, absent from the current schema (FORMATS.md "Unconfirmed points")
  recordingUrl: z.string().nullish(),
  stereoRecordingUrl: z.string().nullish(),
  durationSeconds: timeSeconds.nonnegative().nullish(),
  durationMs: timeMs.nonnegative().nullish(),
});
type Report = z.infer<typeof report>;

const webhookBody = z.looseObject({ message: report });

/** Keys whose whole value becomes a fact or the turns; everything else stays in `extra` as sent. */
const reportInterpreted = new Set([
  'type', 'startedAt', 'endedAt', 'endedReason', 'cost', 'messages', 'recordingUrl', 'stereoRecordingUrl', 'durationSeconds',
  'durationMs', 'artifact',
]);
const callInterpreted = new Set([
  'id', 'assistantId', 'status', 'startedAt', 'endedAt', 'endedReason', 'cost', 'messages', 'metadata', 'artifact',
]);
const artifactInterpreted = new Set(['messages', 'performanceMetrics', 'recordingUrl', 'stereoRecordingUrl']);

function withoutKeys(source: Record<string, unknown>, drop: ReadonlySet<string>): JsonObject {
  return Object.fromEntries(Object.entries(source).filter(([key, value]) => !drop.has(key) && value !== undefined));
}

function extraFields(source: Record<string, unknown>, drop: ReadonlySet<string>): JsonObject | null {
  const extra = withoutKeys(source, drop);
  if (isRecord(source.artifact)) {
    const rest = withoutKeys(source.artifact, artifactInterpreted);
    if (Object.keys(rest).length > 0) extra.artifact = rest;
  }
  return Object.keys(extra).length > 0 ? extra : null;
}

const first = <T>(...values: (T | null | undefined)[]): T | null => values.find((v): v is T => v != null) ?? null;

/** Inbound: customer -> agent number; outbound: agent number -> customer; web calls have neither. */
function parties(type: string | null | undefined, customer: string | null, agentNumber: string | null) {
  if (type === 'inboundPhoneCall') return { direction: 'inbound', from: customer, to: agentNumber };
  if (type === 'outboundPhoneCall') return { direction: 'outbound', from: agentNumber, to: customer };
  return { direction: null, from: null, to: null };
}

function durationSeconds(stated: number | null, startedAt: string | null, endedAt: string | null): number | null {
  if (stated !== null) return stated;
  const start = instantMs(startedAt);
  const end = instantMs(endedAt);
  return start === null || end === null ? null : (end - start) / 1000;
}

/**
 * The stereo recording: the first candidate that is not the mono file (a report forwarded with its
 * URLs rewritten can name the mono file as the artifact's stereo one, with the real stereo URL on the
 * message); the first one when every candidate is the mono file.
 */
function stereoUrl(mono: string | null, candidates: readonly (string | null | undefined)[]): string | null {
  const present = candidates.filter((url): url is string => typeof url === 'string' && url.length > 0);
  return present.find((url) => url !== mono) ?? present[0] ?? null;
}

/** Builds the call from the Call object, with the report's own fields (if any) taking precedence. */
function toNormalized(sourceFormat: string, call: CallObject, message: Report | null): NormalizedCall {
  const art = message?.artifact ?? call.artifact ?? null;
  const startedAt = first(message?.startedAt, call.startedAt);
  const endedAt = first(message?.endedAt, call.endedAt);
  const customerNumber = first(message?.customer?.number, call.customer?.number);
  const agentNumber = first(message?.phoneNumber?.number, call.phoneNumber?.number);
  const { direction, from, to } = parties(call.type, customerNumber, agentNumber);
  const statedSeconds = first(message?.durationSeconds, message?.durationMs == null ? null : message.durationMs / 1000);

  const facts = emptyCallFacts('vapi', sourceFormat);
  facts.external_id = call.id;
  facts.agent_id = call.assistantId ?? null;
  facts.direction = direction;
  facts.from_number = from;
  facts.to_number = to;
  facts.customer_number = customerNumber;
  facts.started_at = startedAt === null ? null : toIsoInstant(startedAt);
  facts.ended_at = endedAt === null ? null : toIsoInstant(endedAt);
  facts.duration_s = durationSeconds(statedSeconds, facts.started_at, facts.ended_at);
  // an end-of-call report is only sent once the call has ended; its `call` copy may be stale
  facts.status = message ? 'ended' : (call.status ?? null);
  facts.end_reason = first(message?.endedReason, call.endedReason);
  facts.recording_url = first(art?.recordingUrl, art?.recording?.mono?.combinedUrl, message?.recordingUrl);
  facts.stereo_recording_url = stereoUrl(facts.recording_url, [art?.stereoRecordingUrl, art?.recording?.stereoUrl, message?.stereoRecordingUrl]);
  facts.cost_usd = first(message?.cost, message?.costBreakdown?.total, call.cost, call.costBreakdown?.total);
  facts.metadata = call.metadata ?? null;
  facts.dynamic_variables = call.assistantOverrides?.variableValues ?? null;
  facts.provider_metrics = art?.performanceMetrics ?? null;
  facts.extra = message ? extraFields(message, reportInterpreted) : extraFields(call, callInterpreted);

  const [messages, path] = transcriptOf(call, message);
  // validated with the call above: not parsed a second time
  const turns = vapiTurnsFromMessages(messages, { callStartMs: instantMs(facts.started_at), path });
  return { call: facts, turns };
}

/** The turns live in `artifact.messages`; older reports and Call objects also have top-level `messages`. */
function transcriptOf(call: CallObject, message: Report | null): [VapiMessage[], string] {
  const candidates: [VapiMessage[] | null | undefined, string][] = [
    [message?.artifact?.messages, 'message.artifact.messages'],
    [message?.messages, 'message.messages'],
    [call.artifact?.messages, message ? 'message.call.artifact.messages' : 'artifact.messages'],
    [call.messages, message ? 'message.call.messages' : 'messages'],
  ];
  const found = candidates.find(([list]) => list != null);
  return found?.[0] ? [found[0], found[1]] : [[], 'messages'];
}

export function normalizeVapi(payload: unknown): NormalizedCall {
  // a `message` wrapper means a server message: validate it as the report so errors name `message.*`
  if (isRecord(payload) && isRecord(payload.message)) {
    const parsed = webhookBody.safeParse(payload);
    if (!parsed.success) throw invalidPayload('Vapi end-of-call report', parsed.error);
    return toNormalized(REPORT_FORMAT, parsed.data.message.call, parsed.data.message);
  }
  const parsed = callObject.safeParse(payload);
  if (!parsed.success) throw invalidPayload('Vapi call', parsed.error);
  return toNormalized(GET_CALL_FORMAT, parsed.data, null);
}

/** Detect: `message.type == "end-of-call-report"`, or top-level `orgId` + (`artifact` or timed `messages`). */
function detectVapi(payload: unknown): string | null {
  if (!isRecord(payload)) return null;
  if (isRecord(payload.message) && payload.message.type === 'end-of-call-report') return REPORT_FORMAT;
  if (typeof payload.orgId !== 'string') return null;
  const messages = payload.messages;
  const timed = Array.isArray(messages) && messages.some((m) => isRecord(m) && 'secondsFromStart' in m);
  return isRecord(payload.artifact) || timed ? GET_CALL_FORMAT : null;
}

export const vapiFormat = {
  provider: 'vapi',
  detect: detectVapi,
  normalize: normalizeVapi,
} satisfies FormatModule;
