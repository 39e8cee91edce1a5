import { ApiError } from '../api/errors';
import type { NormalizedCall } from '../model/call';
import { isRecord, type FormatModule } from './types';
import { wrappedRetellFormat } from './wrapped';
import { cekuraFormat } from './cekura';
import { cekuraWebhookFormat } from './cekura-webhook';
import { retellFormat } from './retell';
import { vapiFormat } from './vapi';
import { elevenLabsFormat } from './elevenlabs';
import { blandFormat } from './bland';
import { livekitFormat } from './livekit';
import { pipecatFormat } from './pipecat';
import { deepgramFormat } from './deepgram';
import { efficientAiFormat } from './efficientai';
import { assertPayloadWithinLimits, assertStorableCall } from './limits';
import { transcriptArrayFormats } from './transcript-array';

/**
 * Every supported payload format, most specific first: the first module whose `detect` names a
 * shape wins. (EfficientAI's flat body is the loosest object shape; bare transcript arrays come
 * after every format of the platforms' own.)
 */
export const formatModules: readonly FormatModule[] = [
  wrappedRetellFormat,
  cekuraFormat,
  cekuraWebhookFormat,
  retellFormat,
  vapiFormat,
  elevenLabsFormat,
  blandFormat,
  livekitFormat,
  pipecatFormat,
  deepgramFormat,
  efficientAiFormat,
  ...transcriptArrayFormats,
];

export const supportedProviders = [...new Set(formatModules.map((m) => m.provider))];

export interface Detection {
  module: FormatModule;
  sourceFormat: string;
}

export function detectFormat(payload: unknown): Detection | null {
  for (const module of formatModules) {
    const sourceFormat = module.detect(payload);
    if (sourceFormat) return { module, sourceFormat };
  }
  return null;
}

/** Says in words why a payload matched no format, naming what it looks like. */
export function whyUnrecognized(payload: unknown): string {
  if (Array.isArray(payload)) return 'a JSON array is a list of calls or a transcript (an array of turns), and this one is neither';
  if (!isRecord(payload)) return `expected a JSON object, got ${payload === null ? 'null' : typeof payload}`;
  const keys = Object.keys(payload).slice(0, 12);
  return (
    `no supported call format matches an object with keys [${keys.join(', ')}${Object.keys(payload).length > keys.length ? ', ...' : ''}]; ` +
    `supported: ${supportedProviders.join(', ')}`
  );
}

/** Normalizes a payload of any supported format (within the size limits, else 413), or throws a 422 saying why none fits. */
export function normalizeAny(payload: unknown, allowedProviders?: readonly string[]): NormalizedCall {
  assertPayloadWithinLimits(payload);
  return assertStorableCall(normalizeDetected(payload, allowedProviders));
}

function normalizeDetected(payload: unknown, allowedProviders?: readonly string[]): NormalizedCall {
  const detection = detectFormat(payload);
  // On a provider's own route an unrecognizable body is that provider's payload gone wrong:
  // its normalizer names the missing or bad fields better than "unrecognized" can.
  const only = allowedProviders?.length === 1 ? formatModules.find((m) => m.provider === allowedProviders[0]) : undefined;
  if (!detection && only) return only.normalize(payload);
  if (!detection) throw new ApiError('invalid_payload', `unrecognized payload: ${whyUnrecognized(payload)}`, [{ path: '$', message: 'unrecognized format' }]);
  if (allowedProviders && !allowedProviders.includes(detection.module.provider)) {
    throw new ApiError(
      'invalid_payload',
      `this route takes ${allowedProviders.join(' or ')} payloads, but the body looks like ${detection.sourceFormat}`,
      [{ path: '$', message: `unexpected format ${detection.sourceFormat}` }],
    );
  }
  return detection.module.normalize(payload);
}

/**
 * The calls inside a document: one call, an array of calls, or a provider's list response
 * (`{items: [...]}`, `{calls: [...]}`, `{data: [...]}`, `{conversations: [...]}`).
 */
export function callsInDocument(document: unknown): unknown[] {
  // Some formats are themselves arrays (a Pipecat message list): a document that is a call comes first.
  if (detectFormat(document)) return [document];
  if (Array.isArray(document)) return document;
  if (isRecord(document)) {
    for (const key of ['items', 'calls', 'data', 'conversations', 'results']) {
      const list = document[key];
      if (Array.isArray(list)) return list;
    }
  }
  return [document];
}
