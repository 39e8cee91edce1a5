import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvents } from '../../src/core/api/types';
import { ApiError } from '../../src/core/api/errors';
import { dispatch } from '../../src/main/api/dispatch';
import { callMessages, confirmRubric, createEvaluator, postCall } from '../support/evaluators';
import { postJson, startTestApp, type RunningTestApp } from '../support/temp-app';

/** Watch rules over the real listener: a rule marked to watch judges each arriving call after its commit. */

let app: RunningTestApp;
const flagged: ApiEvents['calls.flagged'][] = [];
/** "Confirms the booking" fails on a call where the agent never says "confirmed" (callMessages(false)). */
let confirms: string;
/** "Ends as the caller hung up": nothing to measure on a call without an end reason. */
let endReason: string;

beforeAll(async () => {
  app = await startTestApp();
  app.core.events.subscribe((name, payload) => {
    if (name === 'calls.flagged') flagged.push(payload as ApiEvents['calls.flagged']);
  });
  confirms = (await createEvaluator(app, { kind: 'rule', name: 'Confirms the booking', rule: { check: 'agent_phrase', mode: 'must', pattern: 'confirmed' } })).id;
  endReason = (await createEvaluator(app, { kind: 'rule', name: 'Ends as the caller hung up', rule: { check: 'end_reason_in', reasons: ['customer-ended-call'] } })).id;
  for (const id of [confirms, endReason]) expect(app.core.handlers.setEvaluatorWatch({ id, watch: true })).toMatchObject({ id, watch: true, version: 1 });
});
afterAll(async () => {
  await app.stop();
});

const listCalls = (input: { filter: Record<string, unknown> }) => dispatch(app.core.handlers, 'listCalls', input);
const evaluations = (id: number) => Promise.resolve(app.core.handlers.getCallEvaluations({ id }));
const flaggedCalls = () => Promise.resolve(dispatch(app.core.handlers, 'countCalls', { filter: { flagged: true } })).then((c) => c.total);

describe('watch rules on arriving calls', () => {
  it('a failing rule stores a normal result, raises a flag, announces it and counts it unseen', async () => {
    const before = flagged.length;
    const call = await postCall(app, 'watch-fail', false);
    await app.core.watch.idle();
    const results = await evaluations(call.id);
    expect(results.find((r) => r.evaluator_id === confirms)).toMatchObject({ verdict: 'fail', passed: false, reason: 'The agent never said /confirmed/.' });
    expect(results.find((r) => r.evaluator_id === endReason)).toMatchObject({ verdict: 'pass' });
    // the list's evaluator filter sees it like any run's result
    const failing = await listCalls({ filter: { evaluations: [{ evaluator_id: confirms, outcome: 'fail' }] } });
    expect(failing.rows.map((r) => r.id)).toEqual([call.id]);

    const events = flagged.slice(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ count: 1, flags: [{ call_id: call.id, call_external_id: 'watch-fail', evaluator_name: 'Confirms the booking', reason: 'The agent never said /confirmed/.', seen: false }] });
    expect(await flaggedCalls()).toBe(1);
    expect(await app.core.handlers.getWatchStatus({})).toMatchObject({ unseen: 1, flagged_calls: 1, watched_rules: 2 });
    const activity = await app.core.handlers.listActivity({ limit: 50 });
    expect(activity.entries.map((e) => [e.call_external_id, e.evaluator_name])).toEqual([['watch-fail', 'Confirms the booking']]);
  });

  it('a passing rule raises nothing, and "not applicable" (nothing to measure) never fires', async () => {
    const before = flagged.length;
    const passing = await postCall(app, 'watch-pass', true);
    // no end reason: the end-reason rule has nothing to measure
    const response = await postJson(app, '/api/v1/observability/calls', { id: 'watch-na', messages: callMessages(true) });
    expect(response.status).toBe(201);
    await app.core.watch.idle();
    expect((await evaluations(passing.id)).map((r) => r.verdict).sort()).toEqual(['pass', 'pass']);
    const na = (await listCalls({ filter: { q: 'watch-na' } })).rows[0];
    expect((await evaluations(na?.id ?? 0)).find((r) => r.evaluator_id === endReason)).toMatchObject({ verdict: 'not_applicable', passed: null });
    expect(flagged.slice(before)).toEqual([]);
    expect(await flaggedCalls()).toBe(1);
  });

  it('a later pass of the same call clears its flag; a merge that changes nothing a rule reads adds no result', async () => {
    const call = await postCall(app, 'watch-merge', false);
    await app.core.watch.idle();
    expect(await flaggedCalls()).toBe(2);
    // the same call again with the agent confirming: merged, judged again, passes
    const merged = await postJson(app, '/api/v1/observability/calls', { id: 'watch-merge', messages: callMessages(true), endedReason: 'customer-ended-call', status: 'ended' });
    expect(merged.status).toBe(200);
    await app.core.watch.idle();
    expect((await evaluations(call.id)).find((r) => r.evaluator_id === confirms)).toMatchObject({ verdict: 'pass' });
    expect(await flaggedCalls()).toBe(1);
    const entry = (await app.core.handlers.listActivity({ limit: 50 })).entries.find((e) => e.call_id === call.id);
    expect(entry).toMatchObject({ cleared: true });
    // the same content again under another payload (a metadata change): no new rule result
    const count = app.core.db.prepare('SELECT COUNT(*) AS n FROM evaluation_results WHERE call_id = ?').get(call.id);
    await postJson(app, '/api/v1/observability/calls', { id: 'watch-merge', messages: callMessages(true), endedReason: 'customer-ended-call', status: 'ended', metadata: { note: 'x' } });
    await app.core.watch.idle();
    expect(app.core.db.prepare('SELECT COUNT(*) AS n FROM evaluation_results WHERE call_id = ?').get(call.id)).toEqual(count);
  });

  it('marks flags seen up to an id, pages the activity newest first, and clears a flag', async () => {
    const first = await postCall(app, 'watch-page-1', false);
    const second = await postCall(app, 'watch-page-2', false);
    await app.core.watch.idle();
    const status = await app.core.handlers.getWatchStatus({});
    expect(status.unseen).toBe(3);
    const page = await app.core.handlers.listActivity({ limit: 2 });
    expect(page.entries.map((e) => e.call_id)).toEqual([second.id, first.id]);
    expect(page.next_before_id).toBe(page.entries[1]?.id);
    const older = await app.core.handlers.listActivity({ limit: 2, before_id: page.next_before_id ?? 0 });
    expect(older.entries.length).toBeGreaterThan(0);
    expect(older.entries.every((e) => e.id < (page.next_before_id ?? 0))).toBe(true);

    const seen = await app.core.handlers.markFlagsSeen({ up_to_id: page.entries[1]?.id });
    expect(seen.unseen).toBe(1);
    expect((await app.core.handlers.markFlagsSeen({})).unseen).toBe(0);

    const secondFlag = page.entries[0]?.id ?? 0;
    expect(await app.core.handlers.clearFlags({ ids: [secondFlag, secondFlag] })).toEqual({ cleared: 1 });
    expect(await app.core.handlers.clearFlags({ ids: [secondFlag] })).toEqual({ cleared: 0 });
    const inView = await listCalls({ filter: { flagged: true } });
    expect(inView.rows.map((r) => r.id)).not.toContain(second.id);
    expect(inView.rows.map((r) => r.id)).toContain(first.id);
    const notFlagged = await listCalls({ filter: { flagged: false } });
    expect(notFlagged.rows.map((r) => r.id)).toContain(second.id);
    expect(notFlagged.rows.map((r) => r.id)).not.toContain(first.id);
  });

  it('a deleted evaluator stops watching and its flags leave the view; turning watch off stops new flags', async () => {
    const before = await flaggedCalls();
    await app.core.handlers.setEvaluatorWatch({ id: confirms, watch: false });
    await postCall(app, 'watch-off', false);
    await app.core.watch.idle();
    expect(await flaggedCalls()).toBe(before);
    await app.core.handlers.setEvaluatorWatch({ id: confirms, watch: true });
    await app.core.handlers.deleteEvaluator({ id: confirms });
    expect(await flaggedCalls()).toBe(0);
    await app.core.handlers.restoreEvaluator({ id: confirms });
    expect(await flaggedCalls()).toBe(before);
  });

  it('a call still going on is judged when its end arrives, not flagged for what it has not said yet', async () => {
    const before = flagged.length;
    const start = Date.UTC(2026, 6, 1, 10);
    const message = (text: string, at: number) => ({ role: 'bot', message: text, secondsFromStart: at / 1000, time: start + at, endTime: start + at + 1000 });
    // a Vapi GET /call poll taken while the call was running, then its end-of-call report
    const poll = { id: 'watch-live', orgId: 'org_1', type: 'inboundPhoneCall', status: 'in-progress', startedAt: new Date(start).toISOString(), messages: [message('Hi there', 500)] };
    expect((await postJson(app, '/api/v1/import', poll)).status).toBeLessThan(300);
    await app.core.watch.idle();
    const id = (await listCalls({ filter: { q: 'watch-live' } })).rows[0]?.id ?? 0;
    expect(id).toBeGreaterThan(0);
    expect(await evaluations(id)).toEqual([]);
    expect(flagged.slice(before)).toEqual([]);
    const report = {
      message: {
        type: 'end-of-call-report',
        startedAt: new Date(start).toISOString(),
        endedAt: new Date(start + 20_000).toISOString(),
        endedReason: 'customer-ended-call',
        call: { id: 'watch-live', type: 'inboundPhoneCall', status: 'ended' },
        artifact: { messages: [message('Hi there', 500), message('Bye now', 4000)] },
      },
    };
    expect((await postJson(app, '/webhooks/vapi', report)).status).toBe(200);
    await app.core.watch.idle();
    expect((await evaluations(id)).map((r) => r.verdict).sort()).toEqual(['fail', 'pass']);
    expect(flagged.slice(before).flatMap((e) => e.flags.map((f) => f.call_external_id))).toEqual(['watch-live']);
  });

  it('judges calls an import brings too', async () => {
    const before = flagged.length;
    const lines = ['import-1', 'import-2'].map((id) => JSON.stringify({ id, messages: callMessages(false), endedReason: 'customer-ended-call', startedAt: '2026-07-01T10:00:00Z' }));
    const summary = await dispatch(app.core.handlers, 'importDocument', { name: 'calls.jsonl', text: lines.join('\n') });
    expect(summary.imported).toBe(2);
    await app.core.watch.idle();
    const events = flagged.slice(before);
    expect(events.flatMap((e) => e.flags.map((f) => f.call_external_id)).sort()).toEqual(['import-1', 'import-2']);
  });

  it('refuses watch on an LLM judge, and an unknown evaluator, by name', async () => {
    const judge = await createEvaluator(app, confirmRubric);
    expect(() => app.core.handlers.setEvaluatorWatch({ id: judge.id, watch: true })).toThrow(/LLM judge: only rule evaluators can watch/);
    expect(() => app.core.handlers.setEvaluatorWatch({ id: 'nope', watch: true })).toThrow(ApiError);
    // turning it off is always allowed
    expect(app.core.handlers.setEvaluatorWatch({ id: judge.id, watch: false })).toMatchObject({ watch: false });
    const rpc = await app.api('/rpc/setEvaluatorWatch', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: judge.id, watch: 'yes' }) });
    expect(rpc.status).toBe(422);
    expect(await rpc.text()).toContain('watch');
  });
});
