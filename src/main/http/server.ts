import Fastify, { type FastifyInstance } from 'fastify';
import { ApiError } from '../../core/api/errors';
import type { AppCore } from '../app';
import { hasValidApiKey, hasValidSession, hostHeaderAllowed } from './auth';
import { registerJsonParser } from './body';
import { registerErrorHandlers, sendError } from './errors';
import { registerObservabilityRoutes } from './routes/observability';
import { registerCallsV1Routes } from './routes/calls-v1';
import { registerRpcRoutes } from './routes/rpc';
import { registerUiRoutes } from './routes/ui';
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
}

export interface Listener {
  app: FastifyInstance;
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

/** Builds the fastify app: auth, body parsing, errors and every route. Exported for inject() tests. */
export async function buildListenerApp(options: ListenerOptions & { host: string }): Promise<FastifyInstance> {
  const { core, ui, host } = options;
  const app = Fastify({
    logger: false,
    bodyLimit: core.config.bodyLimitBytes,
    forceCloseConnections: true,
    routerOptions: { ignoreTrailingSlash: true },
  });
  registerJsonParser(app);
  registerErrorHandlers(app, core.config.bodyLimitBytes, core.storage);

  app.addHook('onRequest', async (request, reply) => {
    if (!hostHeaderAllowed(request.headers.host, host)) {
      return sendError(reply, new ApiError('forbidden', `requests for host "${request.headers.host ?? ''}" are not served`));
    }
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

  let baseUrl = `http://${urlHost(host)}`;
  app.addHook('onReady', async () => {
    const address = app.server.address();
    if (typeof address === 'object' && address !== null) baseUrl = `http://${urlHost(host)}:${address.port}`;
  });
  registerObservabilityRoutes(app, core);
  registerCallsV1Routes(app, core);
  registerSeedReadRoutes(app, core, () => baseUrl);
  registerMetricsRoutes(app, core);
  registerMediaRoutes(app, core);
  registerReviewRoute(app, core);
  registerPiiRoute(app, core);
  registerExportRoutes(app, core);
  registerEvaluatorRoutes(app, core);
  registerWebhookRoutes(app, core, options.now ?? Date.now);
  await registerObserveRoutes(app, core);
  await registerImportRoute(app, core);
  await registerRecordingRoutes(app, core);
  registerRpcRoutes(app, core);
  app.get('/openapi.json', { config: { auth: 'public' } }, async () => openApiDocument(baseUrl));
  if (ui) await registerUiRoutes(app, ui.rendererDir, ui.token);
  return app;
}

export async function startListener(options: ListenerOptions): Promise<Listener> {
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? 8787;
  const app = await buildListenerApp({ ...options, host });
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
  return { app, host, port, url, close: () => app.close() };
}
