import { pathToFileURL } from 'node:url';
import { net, protocol, type CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../http/routes/ui';
import { MEDIA_SCHEME_PRIVILEGES } from './media-protocol';
import { APP_SCHEME, rendererFileOf } from './policy';

/**
 * `app://callscope/...`: the built renderer, served from its folder with the CSP on every answer.
 * A standard, secure scheme gives the page an origin of its own (not file://, which would let it
 * read the disk), and lets the fuses turn off file:// extras.
 */
const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Must run once, before the app is ready: Electron keeps only the last call's list. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES, MEDIA_SCHEME_PRIVILEGES]);
}

export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('method not allowed', { status: 405 });
    const file = rendererFileOf(request.url, rendererDir);
    if (!file) return new Response('not found', { status: 404 });
    const found = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(found.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(found.body, { status: found.status, headers });
  });
}
