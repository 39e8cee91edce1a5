import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { SESSION_COOKIE, safeEqual } from '../auth';

/** The renderer's Content-Security-Policy in serve mode, sent on every answer (the desktop window sets the same). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "media-src 'self' blob: callscope-media:",
  "connect-src 'self' callscope-media:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the built renderer. Opening `/?token=...` (the URL `callscope serve` prints) trades the
 * per-start token for an HttpOnly, SameSite=Strict cookie and redirects to `/`, like Jupyter.
 */
export async function registerUiRoutes(app: FastifyInstance, rendererDir: string, uiToken: string): Promise<void> {
  const indexHtml = readFileSync(join(rendererDir, 'index.html'));
  const publicRoute = { config: { auth: 'public' as const } };

  await app.register(fastifyStatic, {
    root: rendererDir,
    index: false,
    wildcard: true,
    serve: true,
  });

  app.get<{ Querystring: { token?: string } }>('/', publicRoute, async (request, reply) => {
    const token = request.query.token;
    if (token !== undefined && safeEqual(token, uiToken)) {
      reply.header('set-cookie', `${SESSION_COOKIE}=${encodeURIComponent(uiToken)}; HttpOnly; SameSite=Strict; Path=/`);
      return reply.redirect('/', 302);
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(indexHtml);
  });
}
