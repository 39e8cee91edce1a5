import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** Header names under which the seeds' clients send the API key (DESIGN §3). */
const apiKeyHeaders = ['x-api-key', 'x-efficientai-api-key', 'x-cekura-api-key'] as const;

export const SESSION_COOKIE = 'callscope_session';

/** Constant-time string comparison (hashing first makes the lengths equal). */
export function safeEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = headerValue(request, 'authorization');
  const match = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  return match?.[1];
}

/** Every credential the request carries that could be the API key. */
export function presentedApiKeys(request: FastifyRequest): string[] {
  const keys = apiKeyHeaders.map((name) => headerValue(request, name)).filter((v): v is string => Boolean(v));
  const bearer = bearerToken(request);
  return bearer ? [...keys, bearer] : keys;
}

export function hasValidApiKey(request: FastifyRequest, apiKey: string): boolean {
  return apiKey.length > 0 && presentedApiKeys(request).some((key) => safeEqual(key, apiKey));
}

/** A malformed escape (`%E0%A4%A`) is kept as sent: it then simply matches no token (401). */
function decodeCookieValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function cookieValue(request: FastifyRequest, name: string): string | undefined {
  const header = headerValue(request, 'cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeCookieValue(rest.join('='));
  }
  return undefined;
}

/** The UI session: the per-start token as a cookie (browser) or as a Bearer token (scripts, tests). */
export function hasValidSession(request: FastifyRequest, uiToken: string): boolean {
  const cookie = cookieValue(request, SESSION_COOKIE);
  const bearer = bearerToken(request);
  return [cookie, bearer].some((value) => value !== undefined && safeEqual(value, uiToken));
}
