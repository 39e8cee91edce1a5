import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sequence, startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { startTestApp, type RunningTestApp } from '../support/temp-app';
import { waitFor } from '../support/wait-for';
import { confirmRubric, createEvaluator, finishedRun, postCall, runAndWait, useFakeJudge, type PostedCall } from '../support/evaluators';

/** LLM judges against a real local OpenAI-compatible HTTP server (issue 7, "Must show"). */
let app: RunningTestApp;
let fake: FakeOpenAi;
let confirmed: PostedCall;
let unconfirmed: PostedCall;
let judge: { id: string };

beforeAll(async () => {
  [app, fake] = await Promise.all([startTestApp(), startFakeOpenAi()]);
  confirmed = await postCall(app, 'judge-confirmed', true);
  unconfirmed = await postCall(app, 'judge-unconfirmed', false);
  judge = await createEvaluator(app, confirmRubric);
});
afterAll(async () => {
  await app.stop();
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  useFakeJudge(app, fake);
});

describe('a good verdict', () => {
  it('is stored with its evidence turns, model, tokens and one attempt', async () => {
    const run = await runAndWait(app, [judge.id], [confirmed.id, unconfirmed.id]);
    expect(run.status).toBe('completed');
    expect(run.progress).toMatchObject({ total: 2, done: 2, failed: 0, finished: 2 });
    const byCall = new Map(run.results.map((r) => [r.call_id, r]));
    expect(byCall.get(confirmed.id)).toMatchObject({ status: 'done', verdict: 'pass', passed: true, evidence: [2], attempts: 1, model: 'fake-judge', prompt_tokens: 120, completion_tokens: 30, evaluator_version: 1, error: null });
    expect(byCall.get(unconfirmed.id)).toMatchObject({ status: 'done', verdict: 'fail', passed: false, evidence: [4] });
    // structured output was asked for, with the key, and the transcript numbered by turn
    const first = fake.requests()[0];
    expect(first?.body?.response_format?.type).toBe('json_schema');
    expect(first?.authorization).toBe('Bearer sk-test-not-a-real-key');
    expect(first?.body?.messages?.[1]?.content).toMatch(/^\[2\] 00:08 AGENT: Done: your cleaning is confirmed/m);
    expect(await app.core.handlers.getCallEvaluations({ id: confirmed.id })).toEqual([expect.objectContaining({ evaluator_id: judge.id, verdict: 'pass', evidence: [2] })]);
  });

  it('reads a score and a label as the output type asks', async () => {
    const score = await createEvaluator(app, { ...confirmRubric, name: 'Score', output: { type: 'score', pass_at: 4 } });
    const labels = await createEvaluator(app, { ...confirmRubric, name: 'Labels', output: { type: 'labels', labels: ['booked', 'not_booked'], pass_labels: ['booked'] } });
    const run = await runAndWait(app, [score.id, labels.id], [confirmed.id]);
    expect(run.results.find((r) => r.evaluator_id === score.id)).toMatchObject({ status: 'done', score: 5, verdict: null, passed: true });
    expect(run.results.find((r) => r.evaluator_id === labels.id)).toMatchObject({ status: 'done', verdict: 'booked', passed: true });
  });
});

describe('retries', () => {
  it('429 twice then success: three requests, a done result, attempts = 3', async () => {
    fake.behave(sequence([{ kind: 'status', status: 429 }, { kind: 'status', status: 429 }]));
    const run = await runAndWait(app, [judge.id], [confirmed.id], true);
    expect(fake.requests()).toHaveLength(3);
    expect(run.results[0]).toMatchObject({ status: 'done', verdict: 'pass', attempts: 3 });
  });

  it('500 on every attempt ends as a failed result with its reason after the retries', async () => {
    fake.behave(() => ({ kind: 'status', status: 500 }));
    const run = await runAndWait(app, [judge.id], [confirmed.id], true);
    expect(run.status).toBe('completed');
    expect(fake.requests()).toHaveLength(3); // max_retries = 2
    expect(run.results[0]).toMatchObject({ status: 'failed', attempts: 3, verdict: null, passed: null });
    expect(run.results[0]?.error).toMatch(/answered 500 \(3 attempts\).*server had an error/);
  });

  it('a server that never answers times out on every attempt and fails with why', async () => {
    useFakeJudge(app, fake, { timeout_ms: 300, max_retries: 1 });
    fake.behave(() => ({ kind: 'hang' }));
    const run = await runAndWait(app, [judge.id], [confirmed.id], true);
    expect(fake.requests()).toHaveLength(2);
    expect(run.results[0]).toMatchObject({ status: 'failed', attempts: 2 });
    expect(run.results[0]?.error).toBe('Timed out after 300 ms (2 attempts).');
  });

  it('a body that starts and then stalls is a timeout too, not a hung run', async () => {
    useFakeJudge(app, fake, { timeout_ms: 300, max_retries: 0 });
    fake.behave(() => ({ kind: 'hang_body' }));
    const run = await runAndWait(app, [judge.id], [confirmed.id], true);
    expect(run.results[0]).toMatchObject({ status: 'failed', attempts: 1, error: 'Timed out after 300 ms (1 attempt).' });
  });
});

describe('malformed answers are failed results, not crashes', () => {
  it.each([
    ['a body that is not JSON', { kind: 'malformed_body' as const }, /JSON/],
    ['content that is prose', { kind: 'malformed_content' as const }, /not JSON: I think the agent did fine/],
    ['a verdict outside the allowed set', { kind: 'malformed_content' as const, content: '{"verdict": "maybe", "reason": "hm", "evidence_turns": []}' }, /"maybe" is not one of pass, fail/],
  ])('%s', async (_what, behaviour, reason) => {
    fake.behave(() => behaviour);
    const run = await runAndWait(app, [judge.id], [confirmed.id, unconfirmed.id], true);
    expect(run.status).toBe('completed');
    expect(run.progress).toMatchObject({ failed: 2, finished: 2 });
    expect(run.results).toHaveLength(2);
    for (const result of run.results) {
      expect(result.status).toBe('failed');
      expect(result.error).toMatch(reason);
    }
  });
});

describe('structured output', () => {
  it('falls back to plain JSON when the server refuses json_schema, and remembers it', async () => {
    useFakeJudge(app, fake, { max_retries: 0 });
    app.core.handlers.updateEvalSettings({ model: 'plain-json-only' });
    fake.behave(() => ({ kind: 'reject_json_schema' }));
    const first = await runAndWait(app, [judge.id], [confirmed.id], true);
    expect(first.results[0]).toMatchObject({ status: 'done', verdict: 'pass', evidence: [2] });
    expect(fake.requests().map((r) => r.body?.response_format?.type ?? 'none')).toEqual(['json_schema', 'none']);
    await runAndWait(app, [judge.id], [unconfirmed.id], true);
    expect(fake.requests()).toHaveLength(3); // asked plainly straight away
  });
});

describe('the queue', () => {
  it('never has more requests open than the concurrency setting, even with two runs at once', async () => {
    useFakeJudge(app, fake, { concurrency: 3 });
    fake.setLatency(30);
    const calls: number[] = [];
    for (let i = 0; i < 40; i++) calls.push((await postCall(app, `many-${i}`, i % 2 === 0)).id);
    const [a, b] = await Promise.all([
      app.core.handlers.startEvaluationRun({ evaluator_ids: [judge.id], call_ids: calls.slice(0, 20), force: true }),
      app.core.handlers.startEvaluationRun({ evaluator_ids: [judge.id], call_ids: calls.slice(20), force: true }),
    ]);
    const runs = await Promise.all([finishedRun(app, a.id), finishedRun(app, b.id)]);
    expect(runs.map((r) => r.progress.done)).toEqual([20, 20]);
    expect(fake.requests()).toHaveLength(40);
    expect(fake.maxConcurrent()).toBeLessThanOrEqual(3);
    expect(fake.maxConcurrent()).toBeGreaterThanOrEqual(2); // and it did run in parallel
  });

  it('cancel stops the queue: in-flight requests are dropped, pending items cancelled, nothing new is sent', async () => {
    useFakeJudge(app, fake, { concurrency: 2 });
    fake.behave(() => ({ kind: 'hang' }));
    const calls = [];
    for (let i = 0; i < 8; i++) calls.push((await postCall(app, `cancel-${i}`)).id);
    const run = await app.core.handlers.startEvaluationRun({ evaluator_ids: [judge.id], call_ids: calls, force: true });
    await waitFor(() => fake.open() === 2, 'two requests in flight');
    expect((await app.core.handlers.cancelEvaluationRun({ run_id: run.id })).cancelled).toBe(true);
    const finished = await finishedRun(app, run.id, 3000);
    expect(finished.status).toBe('cancelled');
    expect(finished.progress).toMatchObject({ total: 8, cancelled: 8, done: 0, failed: 0, pending: 0, running: 0 });
    expect(finished.results).toEqual([]);
    await waitFor(() => fake.open() === 0, 'the dropped requests to close');
    expect(fake.requests()).toHaveLength(2);
  });

  it('cancel does not wait out a long Retry-After', async () => {
    useFakeJudge(app, fake, { concurrency: 1 });
    fake.behave(() => ({ kind: 'status', status: 429, retryAfterMs: 60_000 }));
    const run = await app.core.handlers.startEvaluationRun({ evaluator_ids: [judge.id], call_ids: [confirmed.id, unconfirmed.id], force: true });
    // the 429 has been sent in full: the client is now sleeping out its Retry-After
    await waitFor(() => fake.requests().length === 1 && fake.open() === 0, 'the first 429');
    await app.core.handlers.cancelEvaluationRun({ run_id: run.id });
    const finished = await finishedRun(app, run.id, 3000);
    expect(finished.progress.cancelled).toBe(2);
    expect(fake.requests()).toHaveLength(1);
  });
});
