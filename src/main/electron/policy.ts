import { isAbsolute, join, normalize, relative, sep } from 'node:path';

/**
 * The desktop shell's security decisions as plain functions (no 'electron' import), so the unit
 * tests can hold them to account; `security.ts` and the protocol handlers only wire them in.
 *
 * The UI loads from `app://callscope/` (a privileged standard scheme with its own origin), not
 * from file://, which would give the page the whole disk as its origin and file-protocol extras.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'callscope';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/**
 * The permissions the UI uses: writing to the clipboard (the "Copy" buttons), and notifications
 * (a watch rule's flag on an arriving call: the page's Notification API is Electron's native one).
 */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write', 'notifications'];

/** Whether a URL is the app's page (with a query or fragment at most): the only page IPC answers. */
export function isAppPage(url: string, appUrl: string): boolean {
  return url === appUrl || url.startsWith(`${appUrl}#`) || url.startsWith(`${appUrl}?`);
}

/** Whether a URL belongs to the app's own origin (the page, its scripts, styles and assets). */
export function isAppOrigin(url: string, appOrigin: string): boolean {
  try {
    // built by hand: WHATWG URL gives custom schemes the opaque origin "null"
    const { protocol, host } = new URL(url);
    return `${protocol}//${host}` === appOrigin;
  } catch {
    return false;
  }
}

/** Permission requests and checks: only the ones the UI needs, only from the app's own origin. */
export function isPermissionAllowed(permission: string, requestingUrl: string, appOrigin: string): boolean {
  return ALLOWED_PERMISSIONS.includes(permission) && isAppOrigin(requestingUrl, appOrigin);
}

/**
 * The built renderer file an `app://callscope/...` URL names, or null: another host, an encoded
 * separator, or a path that climbs out of the renderer folder.
 */
export function rendererFileOf(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (/%2f|%5c|%00/i.test(parsed.pathname)) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const file = normalize(join(rendererDir, path === '/' ? 'index.html' : path));
  const inside = relative(rendererDir, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return file;
}

/**
 * `Access-Control-Allow-Origin` for the media protocol: the app's own origin when it asks (the PII
 * audio preview plays through Web Audio, which needs it), nothing for anyone else. Never `*`.
 */
export function mediaCorsOrigin(requestOrigin: string | null, appOrigin: string): string | null {
  return requestOrigin === appOrigin ? appOrigin : null;
}
