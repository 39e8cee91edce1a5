import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppCore } from '../../app';
import { dispatch } from '../../api/dispatch';
import { callIdFromParam, parseBody } from '../route-helpers';

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
    const id = callIdFromParam(core, request.params.id);
    const body = parseBody(reviewBody, request);
    const review = await dispatch(core.handlers, 'setVerdict', { id, verdict: body.verdict });
    const { call, notes } = await dispatch(core.handlers, 'getCall', { id });
    const latest = body.note ? (await dispatch(core.handlers, 'addNote', { id, at_ms: body.at_ms ?? null, text: body.note })).notes : notes;
    return { id: call.uuid, verdict: review.verdict, reviewed_at: review.reviewed_at, notes: latest };
  });
}
