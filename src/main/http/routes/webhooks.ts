import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../../../core/api/errors';
import { webhookProviderNames, type WebhookProviderName } from '../../../core/api/types';
import { isRecord } from '../../../core/formats/types';
import { ingestResponse } from '../../../core/present/efficientai-observability';
import type { AppCore } from '../../app';
import { hasValidApiKey } from '../auth';
import { ingestRequest } from '../ingest-helpers';
import { rawBodyOf } from '../route-helpers';
import { verifyWebhook } from '../signatures';

/**
 * Native provider webhooks: `POST /webhooks/{vapi,retell,elevenlabs,bland}` and seed 000's
 * `POST /api/v1/observability/calls/retell/webhook`. With a signing secret configured for the
 * provider the signature must verify; without one, only loopback callers (or the API key) get in.
 */
function isLoopbackAddress(ip: string): boolean {
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1' || ip.startsWith('127.');
}

export function checkWebhookAuth(core: AppCore, provider: WebhookProviderName, request: FastifyRequest, nowMs: number): void {
  const secret = core.config.webhookSecrets[provider];
  if (secret) {
    const verdict = verifyWebhook(provider, rawBodyOf(request), request.headers, secret, nowMs);
    if (!verdict.ok) throw new ApiError('unauthorized', `${provider} webhook signature rejected: ${verdict.reason}`);
    return;
  }
  if (!isLoopbackAddress(request.ip) && !hasValidApiKey(request, core.config.apiKey)) {
    throw new ApiError('unauthorized', `unsigned ${provider} webhook from ${request.ip}: configure the ${provider} signing secret, or send the API key`);
  }
}

/** Server messages that are not a finished call: acknowledged, not stored. */
function eventWithoutCall(provider: WebhookProviderName, body: unknown): string | null {
  if (!isRecord(body)) return null;
  if (provider === 'vapi' && isRecord(body.message) && typeof body.message.type === 'string' && body.message.type !== 'end-of-call-report') {
    return body.message.type;
  }
  if (provider === 'elevenlabs' && typeof body.type === 'string' && body.type !== 'post_call_transcription') return body.type;
  return null;
}

export function registerWebhookRoutes(app: FastifyInstance, core: AppCore, now: () => number): void {
  const publicRoute = { config: { auth: 'public' as const } };

  const handle = async (provider: WebhookProviderName, request: FastifyRequest, route: string) => {
    checkWebhookAuth(core, provider, request, now());
    const ignored = eventWithoutCall(provider, request.body);
    if (ignored) return { status: 202, body: { ignored: true, reason: `${provider} "${ignored}" messages carry no finished call` } };
    const { outcome, call } = await ingestRequest(core, request, { route, providers: [provider] });
    return { status: outcome === 'created' ? 201 : 200, body: ingestResponse(call, outcome) };
  };

  app.post<{ Params: { provider: string } }>('/webhooks/:provider', publicRoute, async (request, reply) => {
    const provider = webhookProviderNames.find((p) => p === request.params.provider);
    if (!provider) throw new ApiError('not_found', `no webhook route for "${request.params.provider}" (have: ${webhookProviderNames.join(', ')})`);
    const { status, body } = await handle(provider, request, `/webhooks/${provider}`);
    return reply.code(status).send(body);
  });

  app.post('/api/v1/observability/calls/retell/webhook', publicRoute, async (request, reply) => {
    const { status, body } = await handle('retell', request, '/api/v1/observability/calls/retell/webhook');
    return reply.code(status).send(body);
  });
}
