import { z } from 'zod';
import { ApiError, fieldProblems, invalidFields, type FieldProblem } from '../api/errors';
import { emptyCallFacts, type JsonObject, type NormalizedCall } from '../model/call';
import { toIsoInstant } from '../model/time';
import { chatError, livekitChatFromItems, parseLivekitChat, readLivekitChat, type LivekitChat } from './livekit-chat';
import { isRecord, type FormatModule } from './types';
import { timeSeconds } from './time-fields';

export { livekitChatToTurns } from './livekit-chat';

/**
 * LiveKit Agents (FORMATS.md §5): the `SessionReport.to_dict()` an app POSTs from `on_session_end`,
 * or a bare `ChatContext.to_dict()` export (`{items: [...]}`). The report's only call id is the room:
 * `room_id` is the external id (corpus convention), `room` and `job_id` are kept in `extra`. There
 * is no end time, duration, agent id or phone number; the call start is `audio_recording_started_at`.
 */
export const SESSION_REPORT = 'livekit.agents.session-report';
export const CHAT_CONTEXT = 'livekit.agents.chat-context';

const epochSeconds = timeSeconds;

const reportFields = {
  job_id: z.string().nullish(),
  room_id: z.string().min(1),
  room: z.string().nullish(),
  events: z.array(z.looseObject({ type: z.string() })).nullish(),
  audio_recording_path: z.string().nullish(),
  audio_recording_started_at: epochSeconds.nullish(),
  // on the SessionReport dataclass but not serialized by 1.7's to_dict(); read if a later SDK sends them
  started_at: epochSeconds.nullish(),
  duration: epochSeconds.nonnegative().nullish(),
  chat_history: z.looseObject({ items: z.array(z.unknown()) }),
  usage: z.array(z.looseObject({})).nullish(),
};

const sessionReport = z.looseObject(reportFields);
type SessionReport = z.infer<typeof sessionReport>;

/** Top-level keys that become call facts; everything else is kept in `extra` as sent. */
const interpretedKeys = new Set<string>([
  'room_id', 'room', 'job_id', 'audio_recording_path', 'audio_recording_started_at', 'started_at', 'duration', 'chat_history', 'usage',
]);

function normalizeSessionReport(payload: Record<string, unknown>): NormalizedCall {
  const parsed = sessionReport.safeParse(payload);
  const history = payload.chat_history;
  const chat = parseLivekitChat(history, 'chat_history');
  // one 422 names the chat items' problems together with the top-level ones
  const problems = [
    ...(parsed.success ? [] : fieldProblems(parsed.error.issues)),
    ...closeReasonProblems(payload.events),
    // a missing or non-list chat_history.items is already named by the report schema
    ...('problems' in chat && isRecord(history) && Array.isArray(history.items) ? chat.problems : []),
  ];
  if (!parsed.success || !('items' in chat) || problems.length > 0) {
    throw invalidFields('LiveKit session report is invalid at', problems);
  }
  const report = parsed.data;

  const startSeconds = report.audio_recording_started_at ?? report.started_at ?? null;
  const callStartMs = startSeconds === null ? null : startSeconds * 1000;
  const { turns, turnMetrics } = livekitChatFromItems(chat.items, callStartMs);
  const close = closeEvent(report);

  const call = emptyCallFacts('livekit', SESSION_REPORT);
  call.external_id = report.room_id;
  call.started_at = callStartMs === null ? null : toIsoInstant(callStartMs);
  call.duration_s = report.duration ?? null;
  // the close event is the SDK's statement that the session is over
  call.status = close ? 'ended' : null;
  call.end_reason = close && typeof close.reason === 'string' ? close.reason : null;
  call.recording_url = report.audio_recording_path ?? null;
  call.provider_metrics = providerMetrics(turnMetrics, report.usage ?? null);
  call.extra = {
    ...uninterpreted(payload),
    room_name: report.room ?? null,
    job_id: report.job_id ?? null,
  };
  return { call, turns };
}

function closeEvent(report: SessionReport): JsonObject | null {
  return report.events?.find((event) => event.type === 'close') ?? null;
}

function closeReasonProblems(events: unknown): FieldProblem[] {
  if (!Array.isArray(events)) return [];
  return events.flatMap((event: unknown, index) =>
    isRecord(event) && event.type === 'close' && event.reason != null && typeof event.reason !== 'string'
      ? [{ path: `events.${index}.reason`, message: 'expected a string close reason' }]
      : [],
  );
}

function normalizeChatExport(payload: Record<string, unknown>): NormalizedCall {
  // a bare export has no call start: turn times are measured from the earliest speech
  const { turns, turnMetrics } = readLivekitChat(payload, { callStartMs: null, path: '' });
  const call = emptyCallFacts('livekit', CHAT_CONTEXT);
  call.provider_metrics = providerMetrics(turnMetrics, null);
  const extra = uninterpreted(payload);
  call.extra = Object.keys(extra).length > 0 ? extra : null;
  return { call, turns };
}

function providerMetrics(turnMetrics: LivekitChat['turnMetrics'], usage: JsonObject[] | null): JsonObject | null {
  const metrics: JsonObject = {};
  if (turnMetrics.length > 0) metrics.turns = turnMetrics;
  if (usage !== null && usage.length > 0) metrics.usage = usage;
  return Object.keys(metrics).length > 0 ? metrics : null;
}

function uninterpreted(payload: Record<string, unknown>): JsonObject {
  return Object.fromEntries(Object.entries(payload).filter(([key]) => !interpretedKeys.has(key) && key !== 'items'));
}

export function normalizeLivekit(payload: unknown): NormalizedCall {
  if (!isRecord(payload)) {
    throw new ApiError('invalid_payload', 'LiveKit payload must be a session report or a chat history object', [
      { path: '$', message: 'expected an object' },
    ]);
  }
  // any report key means a report, so a report without its room id is refused rather than read as a bare export
  if ('chat_history' in payload || 'room_id' in payload || 'job_id' in payload) return normalizeSessionReport(payload);
  if (!('items' in payload)) {
    throw chatError([{ path: 'items', message: 'expected chat_history (session report) or items (chat history export)' }]);
  }
  return normalizeChatExport(payload);
}

/** A bare export: every item typed, and at least one LiveKit message (content = list of strings, or a string). */
function looksLikeChatItems(items: unknown[]): boolean {
  if (items.length === 0 || !items.every((item) => isRecord(item) && typeof item.type === 'string')) return false;
  return items.some(
    (item) =>
      isRecord(item) &&
      item.type === 'message' &&
      typeof item.role === 'string' &&
      (typeof item.content === 'string' || (Array.isArray(item.content) && item.content.some((part) => typeof part === 'string'))),
  );
}

/** Detect: `chat_history.items` + `room_id`/`job_id` (report), or `{items: [{type: "message", role, content}]}` (FORMATS.md §5). */
function detectLivekit(payload: unknown): string | null {
  if (!isRecord(payload)) return null;
  const history = payload.chat_history;
  if (isRecord(history) && Array.isArray(history.items) && ('room_id' in payload || 'job_id' in payload)) return SESSION_REPORT;
  if (Array.isArray(payload.items) && looksLikeChatItems(payload.items)) return CHAT_CONTEXT;
  return null;
}

export const livekitFormat = {
  provider: 'livekit',
  detect: detectLivekit,
  normalize: normalizeLivekit,
} satisfies FormatModule;
