import { z } from 'zod';
import { ApiError, type FieldProblem } from '../api/errors';
import type { NormalizedCall } from '../model/call';
import { invalidPayload } from './zod-problems';
import { isRecord, type FormatModule } from './types';
import { retellCallSchema, retellCallToNormalized } from './retell';

/**
 * Seed format 8(iii): a Retell get-call object wrapped as `{message, status, error, data}`
 * (corpus FORMATS.md §8(iii)). Senders use `status: "success"` or `true`; an error envelope
 * (`status: "error"` / `false`, `error{...}`, `data: null`) is not a call and must be refused.
 * The wording of `status` and the shape of `error` are invented by the seed, so both are read loosely.
 */
export const GET_CALL_FORMAT = 'wrapped-retell-like.get-call';
export const ERROR_FORMAT = 'wrapped-retell-like.error';

const envelopeKeys = new Set(['message', 'status', 'error', 'data']);
const failureStatuses = new Set(['error', 'failed', 'failure', 'fail']);

const envelope = z.looseObject({
  message: z.string().nullish(),
  status: z.union([z.string(), z.boolean()]).nullish(),
  error: z.unknown().optional(),
  data: retellCallSchema,
});

function isEnvelope(payload: unknown): payload is Record<string, unknown> {
  return isRecord(payload) && 'data' in payload && 'status' in payload && Object.keys(payload).every((key) => envelopeKeys.has(key));
}

function isFailureStatus(status: unknown): boolean {
  return status === false || (typeof status === 'string' && failureStatuses.has(status.trim().toLowerCase()));
}

function isErrorEnvelope(payload: Record<string, unknown>): boolean {
  return isFailureStatus(payload.status) || payload.data == null;
}

/** "Call not found (CALL_NOT_FOUND: No call with id ...)" from whatever the envelope says. */
function describeError(payload: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof payload.message === 'string' && payload.message) parts.push(payload.message);
  const error = payload.error;
  if (typeof error === 'string' && error) parts.push(`(${error})`);
  else if (isRecord(error)) {
    const detail = [error.code, error.detail ?? error.message].filter((v) => typeof v === 'string' && v !== '').join(': ');
    if (detail) parts.push(`(${detail})`);
  }
  return parts.length > 0 ? `: ${parts.join(' ')}` : '';
}

function refuseErrorEnvelope(payload: Record<string, unknown>): ApiError {
  const fields: FieldProblem[] = [];
  if (isFailureStatus(payload.status)) fields.push({ path: 'status', message: `error status ${JSON.stringify(payload.status)}` });
  if (payload.data == null) fields.push({ path: 'data', message: 'no call: data is null' });
  return new ApiError('invalid_payload', `wrapped Retell-like payload is an error envelope, not a call${describeError(payload)}`, fields);
}

export function normalizeWrappedRetell(payload: unknown): NormalizedCall {
  if (isEnvelope(payload) && isErrorEnvelope(payload)) throw refuseErrorEnvelope(payload);
  const parsed = envelope.safeParse(payload);
  if (!parsed.success) throw invalidPayload('wrapped Retell-like call', parsed.error);
  const normalized = retellCallToNormalized(parsed.data.data, { provider: 'wrapped-retell', sourceFormat: GET_CALL_FORMAT }, 'data');
  // the envelope's own words are kept with the call's uninterpreted fields
  const { message, status } = parsed.data;
  normalized.call.extra = { ...normalized.call.extra, envelope: { message: message ?? null, status: status ?? null } };
  return normalized;
}

/** Detect: exactly the envelope keys, with `data.call_id` (a call) or an error status / null data (to refuse). */
function detectWrappedRetell(payload: unknown): string | null {
  if (!isEnvelope(payload)) return null;
  if (isErrorEnvelope(payload)) return ERROR_FORMAT;
  return isRecord(payload.data) && typeof payload.data.call_id === 'string' ? GET_CALL_FORMAT : null;
}

export const wrappedRetellFormat = {
  provider: 'wrapped-retell',
  detect: detectWrappedRetell,
  normalize: normalizeWrappedRetell,
} satisfies FormatModule;
