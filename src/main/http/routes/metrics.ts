import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppCore } from '../../app';
import { callMetrics } from '../../api/call-metrics';
import { getAudioState } from '../../store/audio';
import { callFromParam, parseBody } from '../route-helpers';

/**
 * `GET /api/v1/calls/{id}/metrics` (seed 002 keys plus every figure by source) and
 * `POST /api/v1/calls/{id}/analyse` (queue the recording's analysis; remote recordings are
 * fetched into the media cache when `fetch_remote` is true).
 */
const analyseBody = z.object({ fetch_remote: z.boolean().default(true), wait: z.boolean().default(false) }).default({ fetch_remote: true, wait: false });

export function registerMetricsRoutes(app: FastifyInstance, core: AppCore): void {
  const auth = { config: { auth: 'api-key' as const } };

  app.get<{ Params: { id: string } }>('/api/v1/calls/:id/metrics', auth, async (request) => {
    return callMetrics(core.db, callFromParam(core, request.params.id));
  });

  app.post<{ Params: { id: string } }>('/api/v1/calls/:id/analyse', auth, async (request, reply) => {
    const call = callFromParam(core, request.params.id);
    const body = parseBody(analyseBody, request);
    const done = core.audio.analyse(call.id, { fetchRemote: body.fetch_remote });
    if (!body.wait) return reply.code(202).send({ queued: true, status: getAudioState(core.db, call.id)?.status ?? 'queued' });
    await done;
    const state = getAudioState(core.db, call.id);
    return reply.code(state?.status === 'done' ? 200 : 422).send({ status: state?.status, error: state?.error ?? null, metrics: callMetrics(core.db, call) });
  });
}
