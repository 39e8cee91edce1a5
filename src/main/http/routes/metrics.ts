import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppCore } from '../../app';
import { dispatch } from '../../api/dispatch';
import { callIdFromParam, parseBody } from '../route-helpers';

/**
 * `GET /api/v1/calls/{id}/metrics` (seed 002 keys plus every figure by source) and
 * `POST /api/v1/calls/{id}/analyse` (queue the recording's analysis; remote recordings are
 * fetched into the media cache when `fetch_remote` is true).
 */
const analyseBody = z.object({ fetch_remote: z.boolean().default(true), wait: z.boolean().default(false) }).default({ fetch_remote: true, wait: false });

export function registerMetricsRoutes(app: FastifyInstance, core: AppCore): void {
  const auth = { config: { auth: 'api-key' as const } };

  app.get<{ Params: { id: string } }>('/api/v1/calls/:id/metrics', auth, async (request) => {
    return dispatch(core.handlers, 'getCallMetrics', { id: callIdFromParam(core, request.params.id) });
  });

  app.post<{ Params: { id: string } }>('/api/v1/calls/:id/analyse', auth, async (request, reply) => {
    const id = callIdFromParam(core, request.params.id);
    const body = parseBody(analyseBody, request);
    const analysis = await dispatch(core.handlers, 'analyseRecording', { id, fetch_remote: body.fetch_remote, wait: body.wait });
    if (!body.wait) return reply.code(202).send({ queued: true, status: analysis.status ?? 'queued' });
    const metrics = await dispatch(core.handlers, 'getCallMetrics', { id });
    return reply.code(analysis.status === 'done' ? 200 : 422).send({ status: analysis.status ?? undefined, error: analysis.error, metrics });
  });
}
