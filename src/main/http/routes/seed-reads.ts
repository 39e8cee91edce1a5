import type { FastifyInstance } from 'fastify';
import { qaCallDetail } from '../../../core/present/qa-call-detail';
import { wrappedRetellCall, wrappedRetellNotFound } from '../../../core/present/wrapped-retell-call';
import type { AppCore } from '../../app';
import { findCallIdByRef, getCall } from '../../store/calls';
import { listTurns } from '../../store/turns';
import { loadMetrics } from '../../store/metrics';
import { latestResultsForCall } from '../../store/evaluation-results';
import { callFromParam } from '../route-helpers';

/** Read shapes of seed 001 (`/api/v1/calls/{id}/detail`) and seed 004 (`/api/calls/{callId}`). */
export function registerSeedReadRoutes(app: FastifyInstance, core: AppCore, baseUrl: () => string): void {
  const auth = { config: { auth: 'api-key' as const } };

  app.get<{ Params: { id: string } }>('/api/v1/calls/:id/detail', auth, async (request) => {
    const call = callFromParam(core, request.params.id);
    const turns = listTurns(core.db, call.id);
    const metrics = loadMetrics(core.db, call.id, turns);
    return qaCallDetail(call, turns, `${baseUrl()}/?call=${call.short_id}`, metrics.audio ?? metrics.transcript, latestResultsForCall(core.db, call.id));
  });

  app.get<{ Params: { callId: string } }>('/api/calls/:callId', auth, async (request, reply) => {
    const ref = request.params.callId;
    const id = findCallIdByRef(core.db, ref);
    const call = id === null ? null : getCall(core.db, id);
    if (!call) return reply.code(404).send(wrappedRetellNotFound(ref));
    const turns = listTurns(core.db, call.id);
    const metrics = loadMetrics(core.db, call.id, turns);
    const latency = metrics.provider?.latency_ms ?? (metrics.audio ?? metrics.transcript)?.latency_ms ?? null;
    return wrappedRetellCall(call, turns, latency);
  });
}

