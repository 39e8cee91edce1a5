import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { normalizeEfficientAi } from '../../../core/formats/efficientai';
import { normalizeWithinLimits } from '../../../core/formats/limits';
import { ingestResponse, observabilityDetail, observabilitySummary } from '../../../core/present/efficientai-observability';
import type { AppCore } from '../../app';
import { dispatch } from '../../api/dispatch';
import { callIdFromParam, contentTypeOf, parseQuery, rawBodyOf } from '../route-helpers';

/** Seed 000: EfficientAI call ingestion and its list / detail / delete routes. */

const INGEST = '/api/v1/observability/calls';

const listQuery = z.object({
  skip: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export function registerObservabilityRoutes(app: FastifyInstance, core: AppCore): void {
  const auth = { config: { auth: 'api-key' as const } };

  app.post(INGEST, auth, async (request, reply) => {
    const normalized = normalizeWithinLimits(request.body, normalizeEfficientAi);
    const { outcome, call } = await core.ingest(normalized, {
      body: rawBodyOf(request),
      content_type: contentTypeOf(request),
      route: INGEST,
    });
    return reply.code(outcome === 'created' ? 201 : 200).send(ingestResponse(call, outcome));
  });

  app.get(INGEST, auth, async (request) => {
    const { skip, limit } = parseQuery(listQuery, request);
    const page = await dispatch(core.handlers, 'listCalls', { offset: skip, limit, sort: { column: 'created_at', direction: 'desc' } });
    return { items: page.rows.map(observabilitySummary), total: page.total, skip, limit };
  });

  app.get<{ Params: { callShortId: string } }>(`${INGEST}/:callShortId`, auth, async (request) => {
    const { call, turns } = await dispatch(core.handlers, 'getCall', { id: callIdFromParam(core, request.params.callShortId) });
    return observabilityDetail(call, turns);
  });

  app.delete<{ Params: { callShortId: string } }>(`${INGEST}/:callShortId`, auth, async (request) => {
    const id = callIdFromParam(core, request.params.callShortId);
    const { call } = await dispatch(core.handlers, 'getCall', { id });
    await dispatch(core.handlers, 'deleteCall', { id });
    return { message: 'Call deleted', call_short_id: call.short_id };
  });
}
