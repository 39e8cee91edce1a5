import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { detectCallPii } from '../../../core/pii/call-findings';
import { PII_TYPES } from '../../../core/pii/detectors';
import type { AppCore } from '../../app';
import { listTurns } from '../../store/turns';
import { callFromParam, parseQuery } from '../route-helpers';

/** `GET /api/v1/calls/{id}/pii?types=phone_number,credit_card`: findings and the redacted turns. */
const query = z.object({
  types: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(',').map((t) => t.trim()).filter(Boolean) : []))
    .pipe(z.array(z.enum(PII_TYPES))),
});

export function registerPiiRoute(app: FastifyInstance, core: AppCore): void {
  app.get<{ Params: { id: string } }>('/api/v1/calls/:id/pii', { config: { auth: 'api-key' } }, async (request) => {
    const call = callFromParam(core, request.params.id);
    const { types } = parseQuery(query, request);
    return detectCallPii(listTurns(core.db, call.id), types);
  });
}
