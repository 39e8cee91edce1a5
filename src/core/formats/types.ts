import type { NormalizedCall } from '../model/call';

/**
 * One provider's payload shapes. `detect` is cheap and never throws: it names the shape
 * (the `source_format`, e.g. `retell.webhook.call_ended`) or returns null. `normalize` turns a
 * payload that `detect` accepted into the normalized call, or throws an ApiError
 * ('invalid_payload', 422) whose `fields` name every bad field path.
 */
export interface FormatModule {
  provider: string;
  detect(payload: unknown): string | null;
  normalize(payload: unknown): NormalizedCall;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets a key as the object's own property, even "__proto__" (a plain assignment would change its prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
