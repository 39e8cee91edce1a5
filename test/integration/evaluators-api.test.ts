import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { postJson, startTestApp, type RunningTestApp } from '../support/temp-app';
import { waitFor } from '../support/wait-for';
import { present } from '../support/present';
import { callMessages, confirmRubric, createEvaluator, finishedRun, postCall, runAndWait, useFakeJudge, type PostedCall } from '../support/evaluators';

/** Evaluators over HTTP: CRUD, runs, seed shapes, reuse and versions, input errors. */
let app: RunningTestApp;
let fake: FakeOpenAi;
let callA: PostedCall;
let callB: PostedCall;

/** status, raw text (to search for the key) and parsed body (typed loosely, as `Response.json()` is in tests). */
const json = async (response: Response) => {
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
};
const put = (path: string, body: unknown) => app.api(path, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  [app, fake] = await Promise.all([startTestApp(), startFakeOpenAi()]);
  callA = await postCall(app, 'api-a', true, { agent_id: 'filter-agent' });
  callB = await postCall(app, 'api-b', false, { agent_id: 'filter-agent' });
  await postCall(app, 'api-other', true, { agent_id: 'someone-else' });
});
afterAll(async () => {
  await app.stop();
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  useFakeJudge(app, fake);
});

describe('evaluators CRUD under /api/v1/evaluators', () => {
  it('creates from a template and from a spec, lists, reads, edits into versions, deletes and restores', async () => {
    const templates = await json(await app.api('/api/v1/evaluator-templates'));
    const names = templates.body.templates.map((t: { spec: { name: string } }) => t.spec.name);
    expect(names.slice(0, 3)).toEqual(['Follow Instructions', 'Problem Resolution', 'Professionalism']);
    expect(names).toEqual(expect.arrayContaining(['Appropriate Call Termination', 'Hallucination / unsupported claims', 'Tool Call Correctness', 'Voicemail handled']));

    const fromTemplate = await json(await postJson(app, '/api/v1/evaluators', { template: 'problem_resolution' }));
    expect(fromTemplate.status).toBe(201);
    expect(fromTemplate.body).toMatchObject({ version: 1, template: 'problem_resolution', spec: { kind: 'llm', name: 'Problem Resolution', output: { type: 'pass_fail' } } });

    const spec = { kind: 'rule', name: 'Short calls', rule: { check: 'duration_in_range', max_s: 600 } };
    const created = await json(await postJson(app, '/api/v1/evaluators', { spec }));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body.spec).toEqual({ ...spec, description: '', rule: { ...spec.rule, min_s: null }, output: { type: 'pass_fail' } });

    const listed = await json(await app.api('/api/v1/evaluators'));
    expect(listed.body.evaluators.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining([id, fromTemplate.body.id]));
    expect((await json(await app.api(`/api/v1/evaluators/${id}`))).body.version).toBe(1);

    const edited = await json(await put(`/api/v1/evaluators/${id}`, { ...spec, rule: { ...spec.rule, max_s: 300 } }));
    expect(edited.body).toMatchObject({ id, version: 2, spec: { rule: { max_s: 300 } } });
    // saving the same spec again is not an edit
    expect((await json(await put(`/api/v1/evaluators/${id}`, { ...spec, rule: { ...spec.rule, max_s: 300 } }))).body.version).toBe(2);

    expect((await json(await app.api(`/api/v1/evaluators/${id}`, { method: 'DELETE' }))).body).toEqual({ deleted: true });
    expect((await app.api(`/api/v1/evaluators/${id}`)).status).toBe(404);
    const restored = await json(await postJson(app, `/api/v1/evaluators/${id}/restore`, {}));
    expect(restored.body).toMatchObject({ id, version: 2 });
  });
});

describe('bad input is refused with the problem named', () => {
  it.each([
    ['a negative latency limit', { spec: { kind: 'rule', name: 'x', rule: { check: 'latency_p90_under', max_ms: -5 } } }, 'spec.rule.max_ms'],
    ['a regex that does not compile', { spec: { kind: 'rule', name: 'x', rule: { check: 'agent_phrase', mode: 'must', pattern: '(unclosed' } } }, 'spec.rule.pattern'],
    ['an unknown PII type', { spec: { kind: 'rule', name: 'x', rule: { check: 'agent_pii', types: ['shoe_size'] } } }, 'spec.rule.types.0'],
    ['a duration range upside down', { spec: { kind: 'rule', name: 'x', rule: { check: 'duration_in_range', min_s: 60, max_s: 10 } } }, 'spec.rule.min_s'],
    ['labels without labels', { spec: { kind: 'llm', name: 'x', rubric: 'y', output: { type: 'labels', labels: [] } } }, 'spec.output.labels'],
    ['an unknown template', { template: 'nope' }, 'template'],
    ['neither template nor spec', {}, '$'],
  ])('POST /api/v1/evaluators with %s', async (_what, body, path) => {
    const response = await json(await postJson(app, '/api/v1/evaluators', body));
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('invalid_payload');
    expect(response.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it('names the problems of runs and of the seed-000 evaluate body', async () => {
    const evaluator = await createEvaluator(app, confirmRubric);
    const both = await json(await postJson(app, '/api/v1/evaluation-runs', { evaluator_ids: [evaluator.id], call_ids: [callA.id], filter: {} }));
    expect(both.status).toBe(422);
    expect(both.body.error.fields[0].message).toBe('give either call_ids or filter');
    const noEvaluator = await json(await postJson(app, `/api/v1/observability/calls/${callA.short_id}/evaluate`, {}));
    expect(noEvaluator.status).toBe(422);
    expect(noEvaluator.body.error.fields[0].path).toBe('evaluator_id');
    const unknownEvaluator = await json(await postJson(app, `/api/v1/observability/calls/${callA.short_id}/evaluate`, { evaluator_id: 'no-such-evaluator' }));
    expect(unknownEvaluator.status).toBe(404);
    expect(unknownEvaluator.body.error.message).toMatch(/no evaluator with id no-such-evaluator/);
    const unknownCall = await json(await postJson(app, '/api/v1/evaluation-runs', { evaluator_ids: [evaluator.id], call_ids: [999_999] }));
    expect(unknownCall.status).toBe(404);
    expect(unknownCall.body.error.message).toMatch(/no call with id 999999/);
    const noMatch = await json(await postJson(app, '/api/v1/evaluation-runs', { evaluator_ids: [evaluator.id], filter: { agent_id: 'nobody' } }));
    expect(noMatch.status).toBe(422);
    expect(noMatch.body.error.message).toMatch(/no calls match/);
    const notJson = await app.api('/api/v1/evaluation-runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"evaluator_ids": [' });
    expect(notJson.status).toBe(400);
    expect((await app.api('/api/v1/evaluation-runs/no-such-run')).status).toBe(404);
  });
});

describe('runs over HTTP', () => {
  it('POST /api/v1/evaluation-runs names calls as every {id} route does: integer id, uuid, short id, provider call id', async () => {
    const evaluator = await createEvaluator(app, { kind: 'rule', name: 'Short calls (refs)', rule: { check: 'duration_in_range', max_s: 600 } });
    const refs = [callA.id, callA.uuid, callB.short_id, 'api-b', String(callA.id)];
    const accepted = await json(await postJson(app, '/api/v1/evaluation-runs', { evaluator_ids: [evaluator.id], call_ids: refs }));
    expect(accepted.status, accepted.text).toBe(202);
    // five references, two calls: each evaluated once
    expect(accepted.body.progress.total).toBe(2);
    const unknown = await json(await postJson(app, '/api/v1/evaluation-runs', { evaluator_ids: [evaluator.id], call_ids: [callA.uuid, 'no-such-call'] }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('no call with id "no-such-call"');
  });

  it('seed 000: POST /observability/calls/{short_id}/evaluate answers 202 with a run to poll', async () => {
    const evaluator = await createEvaluator(app, confirmRubric);
    const accepted = await json(await postJson(app, `/api/v1/observability/calls/${callA.short_id}/evaluate`, { evaluator_id: evaluator.id }));
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ run_id: accepted.body.id, status_url: `/api/v1/evaluation-runs/${accepted.body.id}` });
    const run = await waitFor(async () => {
      const polled = await json(await app.api(accepted.body.status_url));
      return polled.body.status === 'completed' ? polled.body : null;
    }, 'the run to complete');
    expect(run.progress).toMatchObject({ total: 1, done: 1, finished: 1 });
    expect(run.results).toEqual([expect.objectContaining({ call_id: callA.id, evaluator_id: evaluator.id, verdict: 'pass', evidence: [2], reused: false })]);
  });

  it('POST /evaluation-runs runs on the calls matching a filter, and results show in the seed shapes and the list', async () => {
    const judge = await createEvaluator(app, { ...confirmRubric, name: 'Confirmation (filter run)' });
    const rule = await createEvaluator(app, { kind: 'rule', name: 'Recording disclosure', rule: { check: 'agent_phrase', mode: 'must', pattern: 'may be recorded' } });
    const accepted = await json(await postJson(app, '/api/v1/evaluation-runs', { evaluator_ids: [judge.id, rule.id], filter: { agent_id: 'filter-agent' } }));
    expect(accepted.status).toBe(202);
    expect(accepted.body.progress.total).toBe(4); // 2 matching calls x 2 evaluators; the third call does not match
    const run = await finishedRun(app, accepted.body.id);
    expect(run.progress).toMatchObject({ done: 4, failed: 0 });
    expect(new Set(run.results.map((r) => r.call_id))).toEqual(new Set([callA.id, callB.id]));

    // seed 001 detail: evaluation_results with the evidence moment, and the success mapping
    const detail = (await json(await app.api(`/api/v1/calls/${callB.short_id}/detail`))).body.call;
    const judged = detail.evaluation_results.find((r: { evaluation_id: string }) => r.evaluation_id === judge.id);
    expect(judged).toMatchObject({ call_id: callB.uuid, type: 'auto', result: 'fail', success: false, seconds_from_start: 16, details: { evidence_turns: [4], evaluator_version: 1, model: 'fake-judge' } });
    expect(detail.evaluation_set_success_mapping).toMatchObject({ [judge.id]: false, [rule.id]: true });

    // seed 003 call log: metrics
    const log = (await json(await app.api(`/observability/v1/call-logs/${callA.short_id}/`))).body;
    expect(log.metrics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Confirmation (filter run)', type: 'enum', enum: 'pass', value: 'pass', score: 1 }),
        expect.objectContaining({ name: 'Recording disclosure', type: 'enum', enum: 'pass' }),
      ]),
    );

    // the list's result columns and its evaluation filter
    const page = await app.core.handlers.listCalls({ offset: 0, limit: 10, count: 'exact', sort: { column: 'started_at', direction: 'desc' }, filter: { evaluations: [{ evaluator_id: judge.id, outcome: 'fail' }] } });
    expect(page.rows.map((r) => r.id)).toEqual([callB.id]);
    expect(page.rows[0]?.evaluations?.[judge.id]).toEqual({ outcome: 'fail', verdict: 'fail', score: null });
    const none = await app.core.handlers.listCalls({ offset: 0, limit: 10, count: 'exact', sort: { column: 'started_at', direction: 'desc' }, filter: { evaluations: [{ evaluator_id: judge.id, outcome: 'none' }] } });
    expect(none.total).toBe(1);
  });
});

describe('reuse and versions', () => {
  it('reuses an unchanged evaluator on an unchanged call, re-runs when forced, the call changed, or the model changed', async () => {
    const evaluator = await createEvaluator(app, { ...confirmRubric, name: 'Reuse check' });
    const first = await runAndWait(app, [evaluator.id], [callA.id]);
    expect(fake.requests()).toHaveLength(1);
    const again = await runAndWait(app, [evaluator.id], [callA.id]);
    expect(again.progress).toMatchObject({ reused: 1, done: 0 });
    expect(again.results).toEqual([expect.objectContaining({ id: first.results[0]?.id, reused: true })]);
    expect(fake.requests()).toHaveLength(1);

    const forced = await runAndWait(app, [evaluator.id], [callA.id], true);
    expect(forced.progress.done).toBe(1);
    expect(present(forced.results[0], 'the forced result').id).not.toBe(present(first.results[0], 'the first result').id);
    expect(fake.requests()).toHaveLength(2);

    app.core.handlers.updateEvalSettings({ model: 'another-judge' });
    expect((await runAndWait(app, [evaluator.id], [callA.id])).progress.done).toBe(1);
    expect(fake.requests()).toHaveLength(3);
  });

  it('a call whose transcript changed is judged again', async () => {
    const evaluator = await createEvaluator(app, { ...confirmRubric, name: 'Changed call' });
    const call = await postCall(app, 'api-changing', false);
    expect((await runAndWait(app, [evaluator.id], [call.id])).results[0]?.verdict).toBe('fail');
    const merged = await postJson(app, '/api/v1/observability/calls', { id: 'api-changing', messages: callMessages(true), endedReason: 'customer-ended-call' });
    expect(merged.status).toBe(200);
    const rerun = await runAndWait(app, [evaluator.id], [call.id]);
    expect(rerun.progress).toMatchObject({ done: 1, reused: 0 });
    expect(rerun.results[0]?.verdict).toBe('pass');
  });

  it('an edit makes version 2; results keep the version they used', async () => {
    const evaluator = await createEvaluator(app, { ...confirmRubric, name: 'Versioned' });
    const v1 = await runAndWait(app, [evaluator.id], [callA.id]);
    const edited = await json(await put(`/api/v1/evaluators/${evaluator.id}`, { ...confirmRubric, name: 'Versioned', rubric: 'Pass only if the agent confirmed a time.' }));
    expect(edited.body.version).toBe(2);
    const v2 = await runAndWait(app, [evaluator.id], [callA.id]);
    expect(v2.progress).toMatchObject({ done: 1, reused: 0 }); // a new version is not reused
    expect(v2.results[0]?.evaluator_version).toBe(2);
    const old = await json(await app.api(`/api/v1/evaluation-runs/${v1.id}`));
    expect(old.body.results[0]).toMatchObject({ id: v1.results[0]?.id, evaluator_version: 1 });
    const latest = await app.core.handlers.getCallEvaluations({ id: callA.id });
    expect(latest.find((r) => r.evaluator_id === evaluator.id)?.evaluator_version).toBe(2);
  });
});

describe('rule evaluators through a run', () => {
  it('run offline (no request to the model server) and give their evidence', async () => {
    const phrase = await createEvaluator(app, { kind: 'rule', name: 'No "let me look"', rule: { check: 'agent_phrase', mode: 'must_not', pattern: 'let me look' } });
    const ending = await createEvaluator(app, { kind: 'rule', name: 'Caller ended', rule: { check: 'end_reason_in', reasons: ['customer-ended-call'] } });
    const latency = await createEvaluator(app, { kind: 'rule', name: 'Fast replies', rule: { check: 'latency_p90_under', max_ms: 500 } });
    const run = await runAndWait(app, [phrase.id, ending.id, latency.id], [callA.id, callB.id]);
    expect(fake.requests()).toHaveLength(0);
    const result = (evaluator: string, call: number) => run.results.find((r) => r.evaluator_id === evaluator && r.call_id === call);
    expect(result(phrase.id, callA.id)).toMatchObject({ passed: true, evidence: [] });
    expect(result(phrase.id, callB.id)).toMatchObject({ passed: false, evidence: [2] });
    expect(result(ending.id, callA.id)).toMatchObject({ passed: true });
    // every reply comes 1,000 ms after the caller stops: over a 500 ms limit, each agent answer is evidence
    expect(result(latency.id, callA.id)).toMatchObject({ passed: false, evidence: [2, 4] });
    expect(result(latency.id, callA.id)?.reason).toMatch(/p90 is 1000 ms \(limit 500 ms\)/);
  });
});

describe('GET /api/v1/evaluators-alignment', () => {
  it("compares an evaluator's pass/fail with the manual marks and names the disagreeing calls", async () => {
    const phrase = await createEvaluator(app, { kind: 'rule', name: 'Says confirmed', rule: { check: 'agent_phrase', mode: 'must', pattern: 'confirmed' } });
    await runAndWait(app, [phrase.id], [callA.id, callB.id]);
    // A passes and was marked a success (agree); B fails but was marked a success (disagree)
    await app.core.handlers.setVerdict({ id: callA.id, verdict: 'success' });
    await app.core.handlers.setVerdict({ id: callB.id, verdict: 'success' });
    const response = await app.api(`/api/v1/evaluators-alignment?evaluator_id=${phrase.id}`);
    expect(response.status).toBe(200);
    const { alignment } = await response.json();
    expect(alignment).toHaveLength(1);
    expect(alignment[0]).toMatchObject({
      evaluator_id: phrase.id,
      alignment: { n: 2, agree: 1, accuracy: 0.5, confusion: { tp: 0, fp: 1, fn: 0, tn: 1 }, disagreeing_call_ids: [callB.id] },
      disagreeing_calls: [{ id: callB.id, external_id: 'api-b' }],
    });
    await app.core.handlers.setVerdict({ id: callA.id, verdict: null });
    await app.core.handlers.setVerdict({ id: callB.id, verdict: null });
  });
});

describe('the API key', () => {
  it('never appears in responses, stored errors or logs, even when the server echoes it', async () => {
    const secret = 'sk-live-SECRET-0123456789abcdef';
    useFakeJudge(app, fake, { api_key: secret, max_retries: 0 });
    fake.behave((request) => ({ kind: 'status', status: 401, body: `Incorrect API key provided: ${request.authorization ?? ''}` }));
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const saved = methods.map((m) => console[m]);
    const savedOut = process.stdout.write.bind(process.stdout);
    const savedErr = process.stderr.write.bind(process.stderr);
    for (const m of methods) console[m] = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    process.stdout.write = ((chunk: unknown) => logged.push(String(chunk)) > 0) as typeof process.stdout.write;
    process.stderr.write = ((chunk: unknown) => logged.push(String(chunk)) > 0) as typeof process.stderr.write;
    let texts: string[];
    try {
      const evaluator = await createEvaluator(app, { ...confirmRubric, name: 'Key check' });
      const accepted = await json(await postJson(app, `/api/v1/observability/calls/${callA.short_id}/evaluate`, { evaluator_id: evaluator.id, force: true }));
      await finishedRun(app, accepted.body.id);
      texts = [
        accepted.text,
        (await json(await app.api(`/api/v1/evaluation-runs/${accepted.body.id}`))).text,
        (await json(await app.api(`/api/v1/calls/${callA.short_id}/detail`))).text,
        (await json(await app.api(`/api/v1/calls/${callA.short_id}/evaluations`))).text,
        JSON.stringify(await app.core.handlers.getEvalSettings({})),
        JSON.stringify(await app.core.handlers.updateEvalSettings({ model: 'fake-judge' })),
      ];
    } finally {
      methods.forEach((m, i) => (console[m] = saved[i] ?? console[m]));
      process.stdout.write = savedOut;
      process.stderr.write = savedErr;
    }
    // the key was really used, and the server really echoed it
    expect(fake.requests()[0]?.authorization).toBe(`Bearer ${secret}`);
    const stored = (await app.core.handlers.getCallEvaluations({ id: callA.id })).find((r) => r.evaluator_name === 'Key check');
    expect(stored?.error).toMatch(/answered 401 \(1 attempt\).*Incorrect API key provided: Bearer \[redacted\]/);
    for (const text of [...texts, ...logged]) expect(text).not.toContain(secret);
    expect(JSON.parse(texts[4] ?? '{}').api_key).toEqual({ set: true, from_env: false, stored_in: 'config-file' });
  });
});
