import type { FastifyInstance } from 'fastify';
import { dispatch } from '../../api/dispatch';
import type { AppCore } from '../../app';
import { z } from 'zod';
import { callIdFromParam, parseBody } from '../route-helpers';

/** Seed 000's body; checked here so a problem is named by the seed's own field. */
const evaluateBody = z.object({ evaluator_id: z.string().min(1).max(100), force: z.boolean().default(false) });

/**
 * Evaluators over HTTP (issue 7): CRUD under `/api/v1/evaluators`, seed 000's
 * `POST /api/v1/observability/calls/{call_short_id}/evaluate`, and evaluation runs. Every route goes
 * through the API contract, so inputs are validated exactly as over IPC.
 */
export function registerEvaluatorRoutes(app: FastifyInstance, core: AppCore): void {
  const auth = { config: { auth: 'api-key' as const } };
  const call = <M extends Parameters<typeof dispatch>[1]>(method: M, input: unknown) => dispatch(core.handlers, method, input);

  app.get('/api/v1/evaluators', auth, async () => ({ evaluators: await call('listEvaluators', {}) }));
  app.get('/api/v1/evaluator-templates', auth, async () => ({ templates: await call('listEvaluatorTemplates', {}) }));
  app.post('/api/v1/evaluators', auth, async (request, reply) => reply.code(201).send(await call('createEvaluator', request.body)));
  app.get<{ Params: { id: string } }>('/api/v1/evaluators/:id', auth, async (request) => call('getEvaluator', { id: request.params.id }));
  app.put<{ Params: { id: string } }>('/api/v1/evaluators/:id', auth, async (request) => call('updateEvaluator', { id: request.params.id, spec: request.body }));
  app.delete<{ Params: { id: string } }>('/api/v1/evaluators/:id', auth, async (request) => call('deleteEvaluator', { id: request.params.id }));
  app.post<{ Params: { id: string } }>('/api/v1/evaluators/:id/restore', auth, async (request) => call('restoreEvaluator', { id: request.params.id }));
  app.get<{ Querystring: { evaluator_id?: string } }>('/api/v1/evaluators-alignment', auth, async (request) => ({
    alignment: await call('getAlignment', request.query.evaluator_id ? { evaluator_id: request.query.evaluator_id } : {}),
  }));

  // Seed 000: evaluate one call with one evaluator; asynchronous, so 202 with the run to poll.
  app.post<{ Params: { id: string } }>('/api/v1/observability/calls/:id/evaluate', auth, async (request, reply) => {
    const callId = callIdFromParam(core, request.params.id);
    const body = parseBody(evaluateBody, request);
    const run = await call('startEvaluationRun', { evaluator_ids: [body.evaluator_id], call_ids: [callId], force: body.force });
    return reply.code(202).send({ ...run, run_id: run.id, status_url: `/api/v1/evaluation-runs/${run.id}` });
  });

  app.post('/api/v1/evaluation-runs', auth, async (request, reply) => {
    const run = await call('startEvaluationRun', request.body);
    return reply.code(202).send({ ...run, status_url: `/api/v1/evaluation-runs/${run.id}` });
  });
  app.get<{ Params: { id: string } }>('/api/v1/evaluation-runs/:id', auth, async (request) => call('getEvaluationRun', { run_id: request.params.id }));
  app.post<{ Params: { id: string } }>('/api/v1/evaluation-runs/:id/cancel', auth, async (request) => call('cancelEvaluationRun', { run_id: request.params.id }));
  app.get<{ Params: { id: string } }>('/api/v1/calls/:id/evaluations', auth, async (request) => ({
    results: await call('getCallEvaluations', { id: callIdFromParam(core, request.params.id) }),
  }));
}
