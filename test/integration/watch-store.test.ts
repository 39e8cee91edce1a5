import { describe, expect, it } from 'vitest';
import type { ApiEventName } from '../../src/core/api/types';
import { evaluatorSpecSchema } from '../../src/core/evaluators/definition';
import { createEventBus } from '../../src/main/api/events';
import { createWatcher } from '../../src/main/evaluators/watch';
import { callInputOf, loadCallInput } from '../../src/main/evaluators/call-input';
import { ACTIVITY_SQL, FLAGGED_CALLS_SQL, UNSEEN_SQL, flagCounts } from '../../src/main/store/call-flags';
import { planListQuery } from '../../src/main/store/call-list';
import { deleteCall } from '../../src/main/store/calls';
import type { Db } from '../../src/main/store/db';
import { latestResultsForCall } from '../../src/main/store/evaluation-results';
import { createEvaluator, setEvaluatorWatch } from '../../src/main/store/evaluators';
import { ingestCall, type IngestResult } from '../../src/main/store/ingest';
import { normalizeAny } from '../../src/core/formats/registry';
import { freshStores } from '../support/fresh-store';
import { loadCorpus } from '../support/corpus';

/** The watch hook on a store of its own (a rule that throws, a closed store) and the flag queries' plans. */

const stores = freshStores();

const plan = (db: Db, sql: string, params: unknown = {}) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params as Record<string, unknown>) as { detail: string }[]).map((row) => row.detail).join('\n');

function seedCall(db: Db, id: string, agentSays: string): IngestResult {
  const body = {
    id,
    startedAt: '2026-07-01T10:00:00Z',
    endedReason: 'customer-ended-call',
    messages: [
      { role: 'bot', content: agentSays, start_time: 0, end_time: 2000 },
      { role: 'user', content: 'Thanks.', start_time: 2500, end_time: 3000 },
    ],
  };
  return ingestCall(db, normalizeAny(body), { body: Buffer.from(JSON.stringify(body)), content_type: 'application/json', route: 'test' });
}

function watchedRule(db: Db, name: string, pattern: string): string {
  const spec = evaluatorSpecSchema.parse({ kind: 'rule', name, rule: { check: 'agent_phrase', mode: 'must', pattern } });
  const evaluator = createEvaluator(db, spec, null, 'now');
  setEvaluatorWatch(db, evaluator.id, true);
  return evaluator.id;
}

describe('the watch hook', () => {
  it('a rule that throws is an errored result on the call: no flag, the other rules still judge, the call stays stored', async () => {
    const db = stores.db();
    const events = createEventBus();
    const heard: ApiEventName[] = [];
    events.subscribe((name) => heard.push(name));
    watchedRule(db, 'Breaks', 'x');
    const fine = watchedRule(db, 'Says hello', 'hello');
    const watcher = createWatcher({
      db,
      events,
      judge: (rule, input) => {
        if (rule.check === 'agent_phrase' && rule.pattern === 'x') throw new Error('boom');
        return { verdict: input.turns.length > 5 ? 'pass' : 'fail', score: null, passed: input.turns.length > 5, reason: 'too short', evidence: [] };
      },
    });
    const arrived = seedCall(db, 'c1', 'hello there');
    const id = arrived.call.id;
    watcher.arrived([arrived]);
    await watcher.idle();
    const results = latestResultsForCall(db, id);
    expect(results.find((r) => r.evaluator_name === 'Breaks')).toMatchObject({ status: 'failed', error: 'the rule Breaks failed: boom', passed: null });
    expect(results.find((r) => r.evaluator_id === fine)).toMatchObject({ status: 'done', passed: false });
    expect(flagCounts(db).unseen).toBe(1);
    expect(heard).toEqual(['calls.changed', 'calls.flagged']);
    db.close();
  });

  it('with no watched rule it reads nothing and says nothing; on a closed store it gives up quietly', async () => {
    const db = stores.db();
    const events = createEventBus();
    const heard: ApiEventName[] = [];
    events.subscribe((name) => heard.push(name));
    const watcher = createWatcher({ db, events });
    const arrived = seedCall(db, 'c1', 'hello');
    watcher.arrived([arrived]);
    await watcher.idle();
    expect(heard).toEqual([]);
    expect(latestResultsForCall(db, arrived.call.id)).toEqual([]);
    watchedRule(db, 'Says bye', 'bye');
    watcher.arrived([arrived]);
    db.close();
    await watcher.idle();
    expect(heard).toEqual([]);
  });

  it('a call deleted before it was judged spoils only itself: the others of its chunk are judged', async () => {
    const db = stores.db();
    watchedRule(db, 'Says bye', 'bye');
    const watcher = createWatcher({ db, events: createEventBus() });
    const arrivals = ['d1', 'd2', 'd3'].map((id) => seedCall(db, id, 'hello'));
    expect(deleteCall(db, arrivals[1]?.call.id ?? 0)).toBe(true);
    watcher.arrived(arrivals);
    await watcher.idle();
    const judged = db.prepare('SELECT call_id FROM evaluation_results ORDER BY call_id').all();
    expect(judged).toEqual([{ call_id: arrivals[0]?.call.id }, { call_id: arrivals[2]?.call.id }]);
    expect(flagCounts(db).unseen).toBe(2);
    db.close();
  });

  it('flush judges what is queued at once (the store closes right after an import from the command line)', () => {
    const db = stores.db();
    watchedRule(db, 'Says bye', 'bye');
    const watcher = createWatcher({ db, events: createEventBus() });
    const arrivals = db.transaction(() => Array.from({ length: 300 }, (_, i) => seedCall(db, `f${i}`, 'hello')))();
    watcher.arrived(arrivals);
    watcher.flush();
    expect(db.prepare('SELECT COUNT(*) AS n FROM evaluation_results').get()).toEqual({ n: 300 });
    db.close();
  });

  it('judges many arriving calls a chunk per transaction, every one of them', async () => {
    const db = stores.db();
    const events = createEventBus();
    watchedRule(db, 'Says bye', 'bye');
    const watcher = createWatcher({ db, events });
    const arrivals = db.transaction(() => Array.from({ length: 600 }, (_, i) => seedCall(db, `m${i}`, i % 3 === 0 ? 'bye now' : 'hello')))();
    watcher.arrived(arrivals);
    await watcher.idle();
    expect(db.prepare('SELECT COUNT(*) AS n FROM evaluation_results').get()).toEqual({ n: 600 });
    expect(flagCounts(db).unseen).toBe(400);
    db.close();
  });
});

describe('what a watch rule judges', () => {
  it('a created call judged from what ingest had in hand has the key a run reading it back computes (so either reuses the other)', () => {
    const db = stores.db();
    // every accepted payload of the corpus (tools, untimed and empty transcripts, every provider)
    const payloads = loadCorpus().filter((c) => c.expected.accept);
    expect(payloads.length).toBeGreaterThan(20);
    for (const { name, payload, bytes } of payloads) {
      const stored = ingestCall(db, normalizeAny(payload), { body: bytes, content_type: 'application/json', route: 'test' });
      if (stored.outcome !== 'created') continue; // two payloads of one call: the second merges
      const fresh = stored.fresh;
      if (!fresh) throw new Error('a created call carries what it was stored with');
      const inHand = callInputOf(stored.call, fresh.turns, fresh.turns.length > 0 ? fresh.transcript : null, 'transcript');
      const readBack = loadCallInput(db, stored.call.id);
      expect(inHand.key, name).toBe(readBack?.key);
      expect(inHand.metrics?.latency_ms?.p90 ?? null, name).toBe(readBack?.metrics?.latency_ms?.p90 ?? null);
    }
    db.close();
  });
});

describe('flag query plans', () => {
  it('the Flagged view gathers its calls from the open-flags index, never scanning the calls', () => {
    const db = stores.db();
    const { sql, params } = planListQuery(db, { filter: { flagged: true }, sort: { column: 'started_at', direction: 'desc' }, offset: 0, limit: 100, count: 'bound' });
    const detail = plan(db, sql, params);
    expect(detail).toMatch(/SCAN f USING (COVERING )?INDEX call_flags_open/);
    expect(detail).not.toMatch(/TEMP B-TREE FOR DISTINCT/);
    expect(detail).not.toMatch(/SCAN calls/);
    expect(plan(db, FLAGGED_CALLS_SQL)).toMatch(/SCAN f USING (COVERING )?INDEX call_flags_open/);
    db.close();
  });

  it('the unseen count reads the unseen index; the activity list walks flags newest first without sorting', () => {
    const db = stores.db();
    expect(plan(db, UNSEEN_SQL)).toMatch(/USING (COVERING )?INDEX call_flags_unseen/);
    const activity = plan(db, ACTIVITY_SQL, { before: 10, limit: 50 });
    expect(activity).toMatch(/SEARCH f USING INTEGER PRIMARY KEY \(rowid<\?\)/);
    expect(activity).not.toMatch(/TEMP B-TREE|SCAN c\b|SCAN e\b/);
    db.close();
  });
});
