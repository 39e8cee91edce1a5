import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../../core/api/errors';
import { qaCallDetail } from '../../../core/present/qa-call-detail';
import { wrappedRetellCall, wrappedRetellNotFound } from '../../../core/present/wrapped-retell-call';
import type { AppCore } from '../../app';
import { dispatch } from '../../api/dispatch';
import { callIdFromParam } from '../route-helpers';

/** Read shapes of seed 001 (`/api/v1/calls/{id}/detail`) and seed 004 (`/api/calls/{callId}`). */
export function registerSeedReadRoutes(app: FastifyInstance, core: AppCore, baseUrl: () => string): void {
  const auth = { config: { auth: 'api-key' as const } };

  app.get<{ Params: { id: string } }>('/api/v1/calls/:id/detail', auth, async (request) => {
    const id = callIdFromParam(core, request.params.id);
    const [{ call, turns }, metrics, evaluations] = await Promise.all([
      dispatch(core.handlers, 'getCall', { id }),
      dispatch(core.handlers, 'getCallMetrics', { id }),
      dispatch(core.handlers, 'getCallEvaluations', { id }),
    ]);
    const best = metrics.by_source.audio ?? metrics.by_source.transcript;
    return qaCallDetail(call, turns, `${baseUrl()}/?call=${call.short_id}`, best, evaluations);
  });

  app.get<{ Params: { callId: string } }>('/api/calls/:callId', auth, async (request, reply) => {
    const ref = request.params.callId;
    try {
      const id = callIdFromParam(core, ref);
      const [{ call, turns }, metrics] = await Promise.all([dispatch(core.handlers, 'getCall', { id }), dispatch(core.handlers, 'getCallMetrics', { id })]);
      const best = metrics.by_source.audio ?? metrics.by_source.transcript;
      return wrappedRetellCall(call, turns, metrics.latency_ms.provider ?? best?.latency_ms ?? null);
    } catch (error) {
      // seed 004 answers an unknown call in its own envelope
      if (error instanceof ApiError && error.code === 'not_found') return reply.code(404).send(wrappedRetellNotFound(ref));
      throw error;
    }
  });
}
