import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../src/main/app';
import type { Listener } from '../../src/main/http/server';
import { setVerdict } from '../../src/main/store/calls';
import { saveView } from '../../src/main/store/saved-views';
import { compareSetSql } from '../../src/main/store/compare-sets';
import type { CompareResult } from '../../src/core/api/compare-contract';
import type { CompareJson } from '../../src/main/compare-cli';
import { storePayload } from '../support/fresh-store';
import { retellCallWithReplies } from '../support/retell-replies';
import { createReadRunner, readWorkerPath } from '../../src/main/reads/read-runner';
import { compareOnStore } from '../../src/main/api/compare-handlers';
import { apiContract } from '../../src/core/api/contract';
import { ApiError } from '../../src/core/api/errors';
import { TEST_UI_TOKEN, startTestApp, tempDir, type RunningTestApp } from '../support/temp-app';
import { storeAtVersion } from '../support/store-at-version';
import { createEvaluator } from '../../src/main/store/evaluators';
import { insertResult } from '../../src/main/store/evaluation-results';
import { evaluatorSpecSchema } from '../../src/core/evaluators/definition';
import { findCallIdByRef } from '../../src/main/store/calls';

/**
 * Compare on a real store: two agent versions whose replies differ by a known 300 ms, through the
 * RPC and through `callscope compare` run as a process while the app holds the store open.
 */

const bin = join(__dirname, '../../bin/callscope');
const SHIFT_MS = 300;
const CALLS_PER_AGENT = 60;

/** call i's reply gaps: each call its own pace, so calls vary more than replies within one */
const gapsOf = (i: number) => [500 + ((i * 37) % 400), 600 + ((i * 53) % 500), 550 + ((i * 71) % 300)];

let dir: ReturnType<typeof tempDir>;
let app: RunningTestApp;
let core: AppCore;
let listener: Listener;

beforeAll(async () => {
  dir = tempDir();
  app = await startTestApp(join(dir.path, 'data'), { withUi: true });
  ({ core, listener } = app);
  for (let i = 0; i < CALLS_PER_AGENT; i++) {
    storePayload(core.db, retellCallWithReplies(`v1-${i}`, 'sales-v1', gapsOf(i), Date.UTC(2026, 10, 2)));
    const b = storePayload(core.db, retellCallWithReplies(`v2-${i}`, 'sales-v2', gapsOf(i).map((g) => g + SHIFT_MS), Date.UTC(2026, 10, 2)));
    if (i < 10) setVerdict(core.db, b, i < 4 ? 'failure' : 'success', new Date().toISOString());
  }
});
afterAll(async () => {
  await app.stop();
  dir.remove();
});

function rpc(method: string, input: unknown) {
  return fetch(`${listener.url}/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_UI_TOKEN}` },
    body: JSON.stringify(input),
  });
}

describe('compareSets', () => {
  it('B replies 300 ms slower: each latency difference is 300, its interval covers it, the calls behind it one link away', async () => {
    const response = await rpc('compareSets', { a: { text: 'agent=sales-v1' }, b: { filter: { agent_id: 'sales-v2' } }, resamples: 500, seed: 3 });
    expect(response.status).toBe(200);
    const result: CompareResult = await response.json();
    expect(result.a).toMatchObject({ label: 'agent=sales-v1', filter: { agent_id: 'sales-v1' }, figures: { calls: CALLS_PER_AGENT, reviewed_share: 0, success_rate: null } });
    expect(result.b.figures).toMatchObject({ calls: CALLS_PER_AGENT, reviewed_share: 10 / CALLS_PER_AGENT, failure_rate: 0.4 });
    for (const figure of ['latency_p50_ms', 'latency_p90_ms', 'latency_p95_ms'] as const) {
      const d = result.differences.find((x) => x.figure === figure);
      expect(d?.diff).toBe(SHIFT_MS);
      expect(d?.interval?.[0]).toBeLessThanOrEqual(SHIFT_MS);
      expect(d?.interval?.[1]).toBeGreaterThanOrEqual(SHIFT_MS);
      expect(d?.excludes_zero).toBe(true);
    }
    expect(result.differences.find((x) => x.figure === 'latency_p90_ms')?.driving).toEqual({
      set: 'b',
      label: "B's calls, highest p90 latency first",
      filter: { agent_id: 'sales-v2' },
      sort: { column: 'latency_p90_ms', direction: 'desc' },
    });
    // the overlay: the same bins for both, each side's shares adding up to 1
    expect(result.distribution.a.replies).toBe(3 * CALLS_PER_AGENT);
    expect(result.distribution.b.share.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
    expect(result.distribution.a.count).toHaveLength(result.distribution.edges_ms.length);
  });

  it('takes a saved view, and the same seed gives the same intervals', async () => {
    const view = saveView(core.db, 'Version 2', { agent_id: 'sales-v2' }, { column: 'started_at', direction: 'desc' }, new Date().toISOString());
    const input = { a: { text: 'agent=sales-v1' }, b: { view_id: view.id }, resamples: 200, seed: 9 };
    const first: CompareResult = await (await rpc('compareSets', input)).json();
    const again: CompareResult = await (await rpc('compareSets', input)).json();
    expect(first.b.label).toBe('Version 2');
    expect(again.differences).toEqual(first.differences);
  });

  it('refuses bad filter text naming the bad part, and an unknown view', async () => {
    const bad = await rpc('compareSets', { a: { text: 'agent=sales-v1 p90=fast' }, b: { filter: {} } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe('a: "p90=fast": compare p90 with >, >=, < or <=');
    const both = await rpc('compareSets', { a: { text: 'x=1', view_id: 1 }, b: { filter: {} } });
    expect(both.status).toBe(422);
    expect(JSON.stringify(await both.json())).toContain('give one of filter, view_id or text');
    const missing = await rpc('compareSets', { a: { view_id: 999 }, b: { filter: {} } });
    expect(missing.status).toBe(404);
  });

  it('the evaluator pass rate: the calls behind a drop are B\'s failures of the evaluator that fell', async () => {
    const now = new Date().toISOString();
    const rule = (name: string) => createEvaluator(core.db, evaluatorSpecSchema.parse({ name, kind: 'rule', rule: { check: 'end_reason_in', reasons: ['x'] } }), null, now);
    const polite = rule('Polite');
    const brief = rule('Brief');
    const result = (callRef: string, evaluator: typeof polite, passed: boolean) => {
      const callId = findCallIdByRef(core.db, callRef);
      if (callId === null) throw new Error(`no call ${callRef}`);
      insertResult(core.db, {
        call_id: callId, evaluator_row_id: evaluator.row_id, evaluator_version_id: evaluator.version_id, input_key: 'k',
        outcome: { status: 'done', verdict: { verdict: passed ? 'pass' : 'fail', score: null, passed, reason: '', evidence: [] } },
        usage: { model: null, prompt_tokens: null, completion_tokens: null, cost_usd: null, duration_ms: 0, attempts: 1 }, now,
      });
    };
    // A passes both on 10 calls; B fails Polite on 6 of 10 and passes Brief on all
    for (let i = 0; i < 10; i++) {
      result(`v1-${i}`, polite, true);
      result(`v1-${i}`, brief, true);
      result(`v2-${i}`, polite, i >= 6);
      result(`v2-${i}`, brief, true);
    }
    const answer: CompareResult = await (await rpc('compareSets', { a: { text: 'agent=sales-v1' }, b: { text: 'agent=sales-v2' }, resamples: 200 })).json();
    const d = answer.differences.find((x) => x.figure === 'eval_pass_rate');
    expect(d).toMatchObject({ a: 1, b: 14 / 20 });
    expect(d?.driving).toEqual({
      set: 'b',
      label: 'B\'s calls that “Polite” failed',
      filter: { agent_id: 'sales-v2', evaluations: [{ evaluator_id: polite.id, outcome: 'fail' }] },
      sort: { column: 'started_at', direction: 'desc' },
    });
    // the link lists exactly those calls
    const listed = await (await rpc('countCalls', { filter: d?.driving.filter })).json();
    expect(listed.total).toBe(6);
  });

  it('reads each call\'s replies and evaluator results by index', () => {
    const sql = compareSetSql(core.db, { agent_id: 'sales-v2' });
    const plan = (query: string) => (core.db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(sql.params) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan(sql.calls)).toMatch(/USING (COVERING )?INDEX calls_by_agent/);
    expect(plan(sql.replies)).toMatch(/SEARCH rl USING PRIMARY KEY \(call_id=\?\)/);
    expect(plan(sql.evaluations)).toMatch(/SEARCH r USING (COVERING )?INDEX evaluation_results_by_call \(call_id=\?\)/);
    expect(plan(sql.replies)).not.toMatch(/SCAN rl/);
    expect(plan(sql.byEvaluator)).toMatch(/SEARCH r USING (COVERING )?INDEX evaluation_results_by_call \(call_id=\?\)/);
  });
});

describe('compareSets in the read worker', () => {
  it('is found beside the built bundle only, and answers on its own connection what the main thread does', async () => {
    // source run by the tests compares on its own thread; the built app (out/main, as `npm test` and the CLI tests build it) finds its worker
    expect(readWorkerPath(join(__dirname, '../../src/main/reads'))).toBeNull();
    const built = readWorkerPath(join(__dirname, '../../out/main'));
    expect(built).toMatch(/out\/main\/read-worker\.js$/);
    const runner = createReadRunner(built ?? '', { dbFile: join(dir.path, 'data', 'callscope.db') });
    try {
      const input = apiContract.compareSets.input.parse({ a: { text: 'agent=sales-v1' }, b: { filter: { agent_id: 'sales-v2' } }, resamples: 300, seed: 5 });
      const [inWorker, here] = await Promise.all([runner.run('compareSets', input), compareOnStore(core.db, input)]);
      expect({ ...inWorker, elapsed_ms: 0 }).toEqual({ ...here, elapsed_ms: 0 });
      expect(inWorker.differences.find((d) => d.figure === 'latency_p90_ms')?.diff).toBe(SHIFT_MS);
      // an error keeps its code and message across the thread
      const bad = runner.run('compareSets', { ...input, a: { text: 'agnt=x' } });
      await expect(bad).rejects.toBeInstanceOf(ApiError);
      await expect(bad).rejects.toMatchObject({ code: 'bad_request', message: 'a: unknown key "agnt" in "agnt=x" (keys: agent, platform, end_reason, provider, status, customer, q, tag, verdict, since, until, within, duration, eval:<evaluator>, p50, p90, ttfw, interruptions, silence, agent_snr, caller_snr, clipping, dead_air)' });
    } finally {
      await runner.close();
    }
  });
});

describe('callscope compare', () => {
  const compare = (...args: string[]) =>
    spawnSync(process.execPath, [bin, 'compare', '--data-dir', join(dir.path, 'data'), ...args], { encoding: 'utf8', env: { ...process.env, CALLSCOPE_API_KEY: '' } });

  it('exits 0 when no threshold is crossed and prints the stable JSON shape', () => {
    const run = compare('--a', 'agent=sales-v1', '--b', 'agent=sales-v2', '--fail-on', 'latency_p90_ms:+50%', '--json', '--resamples', '200');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json: CompareJson = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['a', 'b', 'resamples', 'seed', 'figures', 'thresholds', 'failed']);
    expect(json.a).toEqual({ label: 'agent=sales-v1', filter: { agent_id: 'sales-v1' }, filter_text: 'agent=sales-v1' });
    expect(json.figures.map((f) => f.figure)).toEqual(['calls', 'reviewed_share', 'success_rate', 'failure_rate', 'eval_pass_rate', 'latency_p50_ms', 'latency_p90_ms', 'latency_p95_ms', 'ttfw_p50_ms', 'interruptions_per_call']);
    expect(Object.keys(json.figures[0] ?? {})).toEqual(['figure', 'a', 'b', 'diff', 'relative', 'interval', 'excludes_zero']);
    expect(json.figures.find((f) => f.figure === 'latency_p90_ms')?.diff).toBe(SHIFT_MS);
    expect(json.thresholds).toEqual([{ threshold: 'latency_p90_ms:+50%', figure: 'latency_p90_ms', observed: expect.any(Number), crossed: false }]);
    expect(json.failed).toBe(false);
  });

  it('exits 1 when B crosses a threshold (a saved view for B), with a readable table', () => {
    const run = compare('--a', 'agent=sales-v1', '--b-view', 'version 2', '--fail-on', 'latency_p90_ms:+10%', '--fail-on', 'latency_p50_ms:+200', '--resamples', '200');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('B: Version 2');
    expect(run.stdout).toMatch(/latency_p90_ms +\d+ +\d+ +\+300 +\[\+\d+, \+\d+\] \*/);
    expect(run.stdout).toMatch(/CROSSED {2}latency_p90_ms:\+10%/);
    expect(run.stdout).toMatch(/CROSSED {2}latency_p50_ms:\+200 {2}\(observed 300\.00\)/);
  });

  it.each([
    [['--a', 'agent=sales-v1', '--b', 'agent=sales-v2', '--fail-on', 'latency_p99_ms:+10%'], 'unknown figure "latency_p99_ms"'],
    [['--a', 'agnt=sales-v1', '--b', 'agent=sales-v2'], '--a: unknown key "agnt" in "agnt=sales-v1"'],
    [['--a', 'agent=sales-v1'], "give either --b '<filter>' or --b-view '<saved view name>'"],
    [['--a', 'agent=x', '--b-view', 'nope'], '--b-view: no saved view "nope" (views: Version 2)'],
    [['--a', 'agent=x', '--b', 'agent=y', '--resamples', '5'], '--resamples must be a whole number from 100 to 10000'],
    [['--a', 'agent=x', '--b', 'agent=y', '--colour'], "Unknown option '--colour'"],
  ])('exits 2 for bad usage: %s', (args, message) => {
    const run = compare(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('--help documents the command, its figures and the filter syntax', () => {
    const run = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    for (const text of ['compare   compare two sets of calls', '--fail-on F:T', 'exit code: 0 no threshold crossed, 1 one was, 2 bad usage', 'interruptions_per_call', 'Filter text', 'eval:<evaluator id>: pass, fail', 'until=DAY includes that day']) {
      expect(run.stdout).toContain(text);
    }
  });

  it('exits 2 without a store, and on a store an older app left (it does not upgrade it)', () => {
    const run = spawnSync(process.execPath, [bin, 'compare', '--data-dir', join(dir.path, 'nothing-here'), '--a', '', '--b', ''], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no Callscope store in');
    const old = join(dir.path, 'old');
    mkdirSync(old);
    storeAtVersion(join(old, 'callscope.db'), 14).close();
    const stale = spawnSync(process.execPath, [bin, 'compare', '--data-dir', old, '--a', '', '--b', ''], { encoding: 'utf8' });
    expect(stale.status).toBe(2);
    expect(stale.stderr).toContain('is at version 14; open it once with this version of the app or "callscope serve" to upgrade it');
  });
});
