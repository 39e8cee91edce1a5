import { expect } from 'vitest';
import type { EvaluationRunView } from '../../src/core/api/evaluators-contract';
import type { EvaluatorSpecInput } from '../../src/core/evaluators/definition';
import { findCallIdByRef } from '../../src/main/store/calls';
import { evaluatorSpecSchema } from '../../src/core/evaluators/definition';
import type { FakeOpenAi } from './fake-openai';
import { postJson, type RunningTestApp } from './temp-app';
import { waitFor } from './wait-for';

/** Helpers for the evaluator integration tests: calls posted over HTTP, the judge pointed at the fake server. */

export interface PostedCall {
  id: number;
  short_id: string;
  uuid: string;
}

/** A seed-000 call: agent and caller alternate, 4 s apart; `confirm` makes the agent say "confirmed" in turn 2. */
export function callMessages(confirm: boolean): { role: string; content: string; start_time: number; end_time: number }[] {
  const lines = [
    ['bot', 'Thanks for calling Riverside Dental, this call may be recorded. How can I help?'],
    ['user', 'I would like to move my cleaning to Thursday afternoon.'],
    ['bot', confirm ? 'Done: your cleaning is confirmed for Thursday at 3 pm.' : 'Let me look at the schedule for you.'],
    ['user', 'Great, thank you.'],
    ['bot', 'You are welcome, goodbye.'],
  ] as const;
  return lines.map(([role, content], i) => ({ role, content, start_time: i * 4000, end_time: i * 4000 + 3000 }));
}

export async function postCall(app: RunningTestApp, externalId: string, confirm = true, extra: Record<string, unknown> = {}): Promise<PostedCall> {
  const response = await postJson(app, '/api/v1/observability/calls', { id: externalId, messages: callMessages(confirm), endedReason: 'customer-ended-call', ...extra });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { id: string; call_short_id: string };
  const id = findCallIdByRef(app.core.db, body.call_short_id);
  if (id === null) throw new Error(`posted call ${externalId} is not stored`);
  return { id, short_id: body.call_short_id, uuid: body.id };
}

/** Points the judge at the fake server, with quick timeouts and the retries a test needs. */
export function useFakeJudge(app: RunningTestApp, fake: FakeOpenAi, overrides: { concurrency?: number; timeout_ms?: number; max_retries?: number; api_key?: string } = {}): void {
  app.core.handlers.updateEvalSettings({ base_url: fake.baseUrl, model: 'fake-judge', api_key: 'sk-test-not-a-real-key', concurrency: 4, timeout_ms: 1000, max_retries: 2, ...overrides });
}

export function createEvaluator(app: RunningTestApp, spec: EvaluatorSpecInput): Promise<{ id: string; version: number }> {
  return Promise.resolve(app.core.handlers.createEvaluator({ spec: evaluatorSpecSchema.parse(spec) }));
}

export const confirmRubric: Extract<EvaluatorSpecInput, { kind: 'llm' }> = { kind: 'llm', name: 'Confirms the booking', rubric: 'Pass if the agent confirmed the booking.', output: { type: 'pass_fail' } };

/** Polls the run until it is no longer running (no sleeps), and returns it with its results. */
export async function finishedRun(app: RunningTestApp, runId: string, limitMs = 20_000): Promise<EvaluationRunView> {
  return waitFor(
    async () => {
      const run = await app.core.handlers.getEvaluationRun({ run_id: runId, results: true });
      return run.status === 'running' ? null : run;
    },
    `evaluation run ${runId} to finish`,
    limitMs,
  );
}

export async function runAndWait(app: RunningTestApp, evaluatorIds: string[], callIds: number[], force = false): Promise<EvaluationRunView> {
  const started = await app.core.handlers.startEvaluationRun({ evaluator_ids: evaluatorIds, call_ids: callIds, force });
  return finishedRun(app, started.id);
}
