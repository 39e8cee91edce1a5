import { z } from 'zod';
import { emptyCallFacts, type JsonObject, type NormalizedCall } from '../model/call';
import { DEFAULT_AGENT_CHANNEL, deepgramResults, turnsFromDeepgramResults } from './deepgram-transcript';
import { isRecord, type FormatModule } from './types';
import { invalidPayload } from './zod-problems';
import { timeSeconds } from './time-fields';

export { deepgramToTurns } from './deepgram-transcript';

/**
 * Deepgram pre-recorded transcription (FORMATS.md §7): the sync response of `POST /v1/listen`, or
 * the same body POSTed to a callback URL. It knows nothing of the call: no call id, no wall-clock
 * start, no parties. The call id is one the requester echoed through `&extra=call_id:...`, else
 * Deepgram's `request_id`.
 */
const FORMAT_BASE = 'deepgram.listen.v1.prerecorded';

/** A shared secret echoed back for callback authentication: never copied into the call's facts. */
const SECRET_EXTRA_KEYS = new Set(['callback_secret']);

const metadata = z.looseObject({
  request_id: z.string().min(1).nullish(),
  // seconds of audio
  duration: timeSeconds.nonnegative().nullish(),
  channels: z.number().int().nonnegative().nullish(),
  extra: z.looseObject({ call_id: z.union([z.string().min(1), z.number()]).nullish() }).nullish(),
});

const response = z.looseObject({ metadata, results: deepgramResults });
type DeepgramResponse = z.infer<typeof response>;

export function normalizeDeepgram(payload: unknown): NormalizedCall {
  const parsed = response.safeParse(payload);
  if (!parsed.success) throw invalidPayload('Deepgram transcription', parsed.error);
  const body = parsed.data;
  const echoed = body.metadata.extra?.call_id;

  const call = emptyCallFacts('deepgram', sourceFormat(body.results.channels.length, body.metadata.channels, body.results.utterances));
  call.external_id = echoed != null ? String(echoed) : (body.metadata.request_id ?? null);
  call.duration_s = body.metadata.duration ?? null;
  call.agent_channel = DEFAULT_AGENT_CHANNEL;
  call.metadata = userExtra(body.metadata.extra ?? null);
  call.extra = extraFields(body);
  return { call, turns: turnsFromDeepgramResults(body.results, DEFAULT_AGENT_CHANNEL) };
}

/** Names the request options the body shows, e.g. `...prerecorded(multichannel+utterances)`. */
function sourceFormat(resultChannels: number, statedChannels: number | null | undefined, utterances: unknown): string {
  const features = [
    ...(Math.max(resultChannels, statedChannels ?? 0) > 1 ? ['multichannel'] : []),
    ...(Array.isArray(utterances) ? ['utterances'] : []),
  ];
  return features.length > 0 ? `${FORMAT_BASE}(${features.join('+')})` : FORMAT_BASE;
}

/** The requester's own `extra` keys are the closest thing Deepgram has to call metadata. */
function userExtra(extra: JsonObject | null): JsonObject | null {
  if (!extra) return null;
  const kept = Object.entries(extra).filter(([key]) => !SECRET_EXTRA_KEYS.has(key));
  return kept.length > 0 ? Object.fromEntries(kept) : null;
}

/** Deepgram's own metadata and any results beyond the transcript (summaries, topics...), as sent. */
function extraFields(body: DeepgramResponse): JsonObject | null {
  const { metadata: meta, results, ...rest } = body;
  const { extra: _echoed, ...deepgramMetadata } = meta;
  const { channels: _channels, utterances: _utterances, ...otherResults } = results;
  return {
    ...rest,
    metadata: deepgramMetadata,
    ...(Object.keys(otherResults).length > 0 ? { results: otherResults } : {}),
  };
}

/** Detect: `metadata.request_id` + `results.channels` (FORMATS.md §7). */
function detectDeepgram(payload: unknown): string | null {
  if (!isRecord(payload) || !isRecord(payload.metadata) || !isRecord(payload.results)) return null;
  const { metadata: meta, results } = payload;
  if (!('request_id' in meta) || !Array.isArray(results.channels)) return null;
  const stated = typeof meta.channels === 'number' ? meta.channels : null;
  return sourceFormat(results.channels.length, stated, results.utterances);
}

export const deepgramFormat = {
  provider: 'deepgram',
  detect: detectDeepgram,
  normalize: normalizeDeepgram,
} satisfies FormatModule;
