import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppCore } from '../../app';
import { dispatch } from '../../api/dispatch';
import { piiTypesParam } from '../../export/options';
import { callIdFromParam, parseQuery } from '../route-helpers';

/** `GET /api/v1/calls/{id}/pii?types=phone_number,credit_card`: findings and the redacted turns. */
const query = z.object({ types: piiTypesParam });

export function registerPiiRoute(app: FastifyInstance, core: AppCore): void {
  app.get<{ Params: { id: string } }>('/api/v1/calls/:id/pii', { config: { auth: 'api-key' } }, async (request) => {
    const id = callIdFromParam(core, request.params.id);
    const { types } = parseQuery(query, request);
    // a type named twice is asked once (the contract takes each type at most once)
    return dispatch(core.handlers, 'getCallPii', { id, types: [...new Set(types)] });
  });
}
