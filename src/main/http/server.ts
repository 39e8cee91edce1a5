import Fastify, { type FastifyInstance } from 'fastify';
import { ApiError } from '../../core/api/errors';
import type { AppCore } from '../app';
import { hasValidApiKey, hasValidSession } from './auth';
import { hostHeaderAllowed } from './host-guard';
import { crossSiteWriteRefusal } from './origin-guard';
import { rawPathRefusal } from './raw-path';
import { DEFAULT_UPLOAD_IDLE_MS } from './upload-deadline';
import { registerJsonParser } from './body';
import { registerErrorHandlers, sendError } from './errors';
import { registerObservabilityRoutes } from './routes/observability';
import { registerCallsV1Routes } from './routes/calls-v1';
import { registerRpcRoutes } from './routes/rpc';
import { CONTENT_SECURITY_POLICY, registerUiRoutes } from './routes/ui';
import { registerWebhookRoutes } from './routes/webhooks';
import { registerObserveRoutes } from './routes/observe';
import { registerImportRoute } from './routes/import';
import { registerSeedReadRoutes } from './routes/seed-reads';
import { registerRecordingRoutes } from './routes/recordings';
import { registerMetricsRoutes } from './routes/metrics';
import { registerMediaRoutes } from './routes/media';
import { registerReviewRoute } from './routes/review';
import { registerPiiRoute } from './routes/pii';
import { registerExportRoutes } from './routes/export';
import { registerCallsCsvRoutes } from './routes/calls-csv';
import { registerEvaluatorRoutes } from './routes/evaluators';
import { openApiDocument } from '../../core/api/openapi';
import { safeEqual } from './auth';

export interface ListenerOptions {
  core: AppCore;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** serve mode: the built renderer, and the per-start token that unlocks /rpc. */
  ui?: { rendererDir: string; token: string };
  /** the clock webhook signatures are checked against (tests pin it). */
  now?: () => number;
  /** an upload that sends nothing for this long is answered 408 (default 30 s). */
  uploadIdleTimeoutMs?: number;
}

/** A route as fastify registered it: `GET`, `/api/v1/calls/:id`. */
export interface RegisteredRoute {
  method: string;
  url: string;
}

export interface Listener {
  app: FastifyInstance;
  /** every route registered (HEAD twins of GET routes included), e.g. to check them against /openapi.json. */
  routes(): readonly RegisteredRoute[];
  host: string;
  port: number;
  url: string;
  close(): Promise<void>;
}

export class ListenerStartError extends Error {
  constructor(host: string, port: number, cause: NodeJS.ErrnoException) {
    const reasons: Record<string, string> = {
      EADDRINUSE: `port ${port} is already in use on ${host}; stop the other program or pick another port (--port)`,
      EACCES: `no permission to listen on ${host}:${port}`,
      EADDRNOTAVAIL: `${host} is not an address of this machine`,
    };
    super(reasons[cause.code ?? ''] ?? `cannot listen on ${host}:${port}: ${cause.message}`);
    this.name = 'ListenerStartError';
  }
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Builds the fastify app: auth, body parsing, errors and every route, and the list of those routes. */
export async function buildListenerApp(options: ListenerOptions & { host: string }): Promise<{ app: FastifyInstance; routes: readonly RegisteredRoute[] }> {
  const { core, ui, host } = options;
  const app = Fastify({
    logger: false,
    bodyLimit: core.config.bodyLimitBytes,
    forceCloseConnections: true,
    routerOptions: { ignoreTrailingSlash: true },
    // a download link names its calls in the URL (the ticked calls' CSV or redacted zip: up to
    // 10,000 ids); Node's 16 KiB default for the request line and headers takes some 1,500
    http: { maxHeaderSize: 256 * 1024 },
  });
  const routes: RegisteredRoute[] = [];
  // added first, so it hears the routes of every plugin registered below
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  registerJsonParser(app);
  registerErrorHandlers(app, core.config.bodyLimitBytes, core.storage);

  // One policy for every answer, whichever plugin sends it (static files included).
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY).header('x-content-type-options', 'nosniff');
    return payload;
  });

  const listeningPort = () => {
    const address = app.server.address();
    return typeof address === 'object' && address !== null ? address.port : 0;
  };
  const baseUrl = () => `http://${urlHost(host)}:${listeningPort()}`;

  app.addHook('onRequest', async (request, reply) => {
    const policy = { boundHost: host, port: request.socket.localPort ?? listeningPort(), allowedHosts: core.config.allowedHosts };
    if (!hostHeaderAllowed(request.headers.host, policy)) {
      return sendError(reply, new ApiError('forbidden', `requests for host "${request.headers.host ?? ''}" are not served`));
    }
    const badPath = rawPathRefusal(request.raw.url ?? '/');
    if (badPath) return sendError(reply, new ApiError('bad_request', badPath));
    const crossSite = crossSiteWriteRefusal(request);
    if (crossSite) return sendError(reply, new ApiError('forbidden', crossSite));
    const auth = request.routeOptions.config.auth ?? 'public';
    if (auth === 'api-key' && !hasValidApiKey(request, core.config.apiKey)) {
      return sendError(reply, new ApiError('unauthorized', 'missing or wrong API key: send it as X-API-KEY or Authorization: Bearer'));
    }
    const secret = core.config.apiSecret;
    if (auth === 'api-key' && secret !== null && !safeEqual(String(request.headers['x-api-secret'] ?? ''), secret)) {
      return sendError(reply, new ApiError('unauthorized', 'missing or wrong X-API-SECRET'));
    }
    if (auth === 'session' && !hasValidSession(request, ui?.token ?? '') && !hasValidApiKey(request, core.config.apiKey)) {
      return sendError(reply, new ApiError('unauthorized', 'not signed in: open the URL that `callscope serve` printed'));
    }
    return undefined;
  });

  registerObservabilityRoutes(app, core);
  registerCallsV1Routes(app, core);
  registerSeedReadRoutes(app, core, baseUrl);
  registerMetricsRoutes(app, core);
  registerMediaRoutes(app, core);
  registerReviewRoute(app, core);
  registerPiiRoute(app, core);
  registerExportRoutes(app, core);
  registerCallsCsvRoutes(app, core);
  registerEvaluatorRoutes(app, core);
  registerWebhookRoutes(app, core, options.now ?? Date.now);
  const uploadIdleMs = options.uploadIdleTimeoutMs ?? DEFAULT_UPLOAD_IDLE_MS;
  await registerObserveRoutes(app, core, uploadIdleMs);
  await registerImportRoute(app, core);
  await registerRecordingRoutes(app, core, uploadIdleMs);
  registerRpcRoutes(app, core);
  app.get('/openapi.json', { config: { auth: 'public' } }, async () => openApiDocument(baseUrl()));
  if (ui) await registerUiRoutes(app, ui.rendererDir, ui.token);
  return { app, routes };
}

export async function startListener(options: ListenerOptions): Promise<Listener> {
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? 8787;
  const { app, routes } = await buildListenerApp({ ...options, host });
  try {
    await app.listen({ host, port: requestedPort });
  } catch (error) {
    await app.close();
    throw new ListenerStartError(host, requestedPort, error instanceof Error ? error : new Error(String(error)));
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : requestedPort;
  const url = `http://${urlHost(host)}:${port}`;
  options.core.setListenerState({ url, error: null });
  return { app, routes: () => routes, host, port, url, close: () => app.close() };
}
