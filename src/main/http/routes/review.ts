import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppCore } from '../../app';
import { callFromParam, parseBody } from '../route-helpers';

/**
 * `PUT /api/v1/calls/{id}/review` with `{verdict, note}`: the manual verdict ("success" |
 * "failure" | null to clear) and, optionally, a note (anchored with `at_ms`).
 */
const reviewBody = z.object({
  verdict: z.enum(['success', 'failure']).nullable(),
  note: z.string().trim().min(1).max(10_000).optional(),
  at_ms: z.number().int().min(0).nullable().optional(),
});

export function registerReviewRoute(app: FastifyInstance, core: AppCore): void {
  app.put<{ Params: { id: string } }>('/api/v1/calls/:id/review', { config: { auth: 'api-key' } }, async (request) => {
    const call = callFromParam(core, request.params.id);
    const body = parseBody(reviewBody, request);
    let detail = await core.handlers.setVerdict({ id: call.id, verdict: body.verdict });
    if (body.note) detail = await core.handlers.addNote({ id: call.id, at_ms: body.at_ms ?? null, text: body.note });
    return { id: detail.call.uuid, verdict: detail.call.verdict, reviewed_at: detail.call.reviewed_at, notes: detail.notes };
  });
}
