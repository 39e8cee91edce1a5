import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE, cookieValue } from './auth';

/**
 * Cross-site write guard. The browser attaches the session cookie to any request to the listener,
 * and SameSite=Strict does not help: every port of 127.0.0.1 is the same site, so a page served on
 * another local port counts as same-site. So a state change that rides on the cookie must say where
 * it comes from: its `Origin` (or, when a browser sends none, `Sec-Fetch-Site`) must be this app.
 * Requests without the cookie (scripts with the API key, provider webhooks) are left alone: they
 * carry no ambient credential a web page could borrow.
 */
const STATE_CHANGING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SAME_ORIGIN_FETCH_SITES = new Set(['same-origin', 'none']);

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The app's own origin for this request: the (already checked) Host it was addressed to. */
function isOwnOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === `${url.protocol}//${host.toLowerCase()}`;
  } catch {
    return false;
  }
}

/** Why a request must be refused as a cross-site write, or null when it may go on. */
export function crossSiteWriteRefusal(request: FastifyRequest): string | null {
  if (!STATE_CHANGING_METHODS.has(request.method)) return null;
  if (cookieValue(request, SESSION_COOKIE) === undefined) return null;
  const origin = header(request, 'origin');
  if (origin !== undefined) {
    return isOwnOrigin(origin, request.headers.host) ? null : `cross-site request refused: Origin ${origin} is not this app`;
  }
  const site = header(request, 'sec-fetch-site');
  if (site !== undefined && !SAME_ORIGIN_FETCH_SITES.has(site.toLowerCase())) {
    return `cross-site request refused: Sec-Fetch-Site is ${site}`;
  }
  return null;
}
