import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/store/db';
import { setVerdict } from '../../src/main/store/calls';
import { countCalls } from '../../src/main/store/call-list';
import { trashCalls } from '../../src/main/store/call-trash';
import { nearestRank } from '../../src/core/metrics/percentile';
import { LATENCY_EDGES } from '../../src/core/overview/bins';
import { filterInPeriod, previousPeriod } from '../../src/core/overview/period';
import { callListFilterSchema } from '../../src/core/api/filter-schema';
import { overviewInputSchema } from '../../src/core/api/overview-contract';
import { createOverview } from '../../src/main/store/overview';
import { bucketsOf, snapshotSql } from '../../src/main/store/overview-snapshot';
import { passFailSql } from '../../src/main/store/overview-evaluations';
import { callSet } from '../../src/main/store/overview-sql';
import { freshStores, storePayload } from '../support/fresh-store';

/**
 * Issue 15: the Overview's figures on a store whose calls the test made, each expected value worked
 * out here from the calls as generated (not from the store), and the period queries on their index.
 */

const stores = freshStores();
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 5, 1);

interface Known {
  ref: string;
  agent: string;
  day: number;
  ttfw: number;
  gaps: number[];
  verdict: 'success' | 'failure' | null;
  interruptions: number | null;
  endReason: string;
  /** evaluator "e1": newest outcome (older results are overwritten by these) */
  e1: 'pass' | 'fail' | 'error' | 'na' | null;
}

/** 30 calls over 20 days; days 10-19 are "the period", days 0-9 the previous one. */
const known: Known[] = Array.from({ length: 30 }, (_, i) => ({
  ref: `ov-${i}`,
  agent: `agent-${i % 3}`,
  day: (i * 7) % 20,
  ttfw: 400 + ((i * 37) % 500),
  gaps: Array.from({ length: 1 + (i % 4) }, (_, k) => 200 + ((i * 131 + k * 977) % 2900) + (i === 7 && k === 0 ? 9000 : 0)),
  verdict: i % 5 === 0 ? 'failure' : i % 3 === 0 ? 'success' : null,
  interruptions: i % 6 === 0 ? null : i % 4,
  endReason: i % 4 === 0 ? 'voicemail' : 'user_hangup',
  e1: (['pass', 'fail', 'error', 'na', null, 'pass'] as const)[i % 6] ?? null,
}));

function retell(call: Known): Record<string, unknown> {
  const utterance = (role: string, content: string, start: number, end: number) => ({ role, content, words: [{ word: content, start: start / 1000, end: end / 1000 }] });
  const transcript = [utterance('agent', 'Hello, how can I help?', call.ttfw, call.ttfw + 1000)];
  let at = call.ttfw + 1000;
  for (const gap of call.gaps) {
    transcript.push(utterance('user', 'I have a question about my bill.', at + 300, at + 2300));
    at += 2300 + gap;
    transcript.push(utterance('agent', 'Sure, let me look at that.', at, at + 1500));
    at += 1500;
  }
  return {
    call_type: 'phone_call',
    call_id: call.ref,
    agent_id: call.agent,
    start_timestamp: T0 + call.day * DAY + 3_600_000,
    disconnection_reason: call.endReason,
    transcript_object: transcript,
  };
}

function seed(db: Db): Map<string, number> {
  const ids = new Map<string, number>();
  const now = new Date().toISOString();
  const evaluator = (publicId: string, deleted: boolean) => {
    const id = Number(db.prepare('INSERT INTO evaluators (public_id, template, created_at, deleted_at) VALUES (?, NULL, ?, ?)').run(publicId, now, deleted ? now : null).lastInsertRowid);
    const version = Number(db.prepare("INSERT INTO evaluator_versions (evaluator_id, version, spec, spec_key, created_at) VALUES (?, 1, '{}', ?, ?)").run(id, publicId, now).lastInsertRowid);
    return { id, version };
  };
  const e1 = evaluator('e1', false);
  const gone = evaluator('gone', true);
  const result = (callId: number, e: { id: number; version: number }, status: 'done' | 'failed', passed: number | null, verdict: string | null) =>
    db
      .prepare(
        "INSERT INTO evaluation_results (call_id, evaluator_id, evaluator_version_id, input_key, status, verdict, passed, duration_ms, created_at) VALUES (?, ?, ?, 'k', ?, ?, ?, 1, ?)",
      )
      .run(callId, e.id, e.version, status, verdict, passed, now);
  for (const call of known) {
    const id = storePayload(db, retell(call));
    ids.set(call.ref, id);
    if (call.verdict) setVerdict(db, id, call.verdict, now);
    db.prepare('UPDATE calls SET interruption_count = ? WHERE id = ?').run(call.interruptions, id);
    // an older result the newest one replaces: it must not count
    result(id, e1, 'done', 0, 'fail');
    if (call.e1 === 'pass') result(id, e1, 'done', 1, 'pass');
    else if (call.e1 === 'fail') result(id, e1, 'done', 0, 'fail');
    else if (call.e1 === 'error') result(id, e1, 'failed', null, null);
    else if (call.e1 === 'na') result(id, e1, 'done', null, 'not_applicable');
    else db.prepare('DELETE FROM evaluation_results WHERE call_id = ?').run(id);
    // a deleted evaluator's results are left out
    result(id, gone, 'done', 1, 'pass');
  }
  return ids;
}

const period = { start: new Date(T0 + 10 * DAY).toISOString(), end: new Date(T0 + 20 * DAY).toISOString() };
const inDays = (from: number, to: number) => known.filter((c) => c.day >= from && c.day < to);

/** The figures as docs/METRICS.md "Fleet figures" defines them, from the generated calls. */
function expected(calls: Known[]) {
  const latencies = calls.flatMap((c) => c.gaps);
  const reviewed = calls.filter((c) => c.verdict !== null);
  const known = calls.filter((c) => c.interruptions !== null);
  const pass = calls.filter((c) => c.e1 === 'pass').length;
  const fail = calls.filter((c) => c.e1 === 'fail').length;
  const share = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    calls: calls.length,
    reviewed_share: share(reviewed.length, calls.length),
    success_rate: share(reviewed.filter((c) => c.verdict === 'success').length, reviewed.length),
    failure_rate: share(reviewed.filter((c) => c.verdict === 'failure').length, reviewed.length),
    eval_pass_rate: share(pass, pass + fail),
    latency_p50_ms: nearestRank(latencies, 0.5),
    latency_p90_ms: nearestRank(latencies, 0.9),
    latency_p95_ms: nearestRank(latencies, 0.95),
    ttfw_p50_ms: nearestRank(calls.map((c) => c.ttfw), 0.5),
    interruptions_per_call: known.length === 0 ? null : known.reduce((sum, c) => sum + (c.interruptions ?? 0), 0) / known.length,
  };
}

describe('Overview figures', () => {
  it('tiles: the fleet figures of the period and of the same length before, as defined', () => {
    const db = stores.db();
    seed(db);
    const overview = createOverview(db);
    expect(overview.figures({}, period)).toEqual(expected(inDays(10, 20)));
    const before = previousPeriod(period);
    expect(before).toEqual({ start: new Date(T0).toISOString(), end: period.start });
    expect(overview.figures({}, before ?? period)).toEqual(expected(inDays(0, 10)));
    // the list filter narrows the set: one agent
    expect(overview.figures({ agent_id: 'agent-1' }, period)).toEqual(expected(inDays(10, 20).filter((c) => c.agent === 'agent-1')));
    // all time
    expect(overview.figures({}, { start: null, end: null })).toEqual(expected(known));
    db.close();
  });

  it('a filter that starts from its few calls (ticked ids) and the trash give the same figures as the calls they leave', () => {
    const db = stores.db();
    const ids = seed(db);
    const picked = inDays(10, 20).filter((_, i) => i % 2 === 0);
    const overview = createOverview(db);
    expect(overview.figures({ ids: picked.map((c) => ids.get(c.ref) ?? 0) }, period)).toEqual(expected(picked));
    const gone = inDays(10, 20)[0];
    trashCalls(db, [ids.get(gone?.ref ?? '') ?? 0], new Date().toISOString());
    expect(createOverview(db).figures({}, period)).toEqual(expected(inDays(10, 20).filter((c) => c !== gone)));
    expect(createOverview(db).agents({}, period).reduce((sum, a) => sum + a.calls, 0)).toBe(inDays(10, 20).length - 1);
    db.close();
  });

  it('a set with nothing to measure has null figures, not 0', () => {
    const db = stores.db();
    seed(db);
    const overview = createOverview(db);
    const empty = overview.figures({}, { start: '2020-01-01T00:00:00.000Z', end: '2020-02-01T00:00:00.000Z' });
    expect(empty).toEqual({
      calls: 0, reviewed_share: null, success_rate: null, failure_rate: null, eval_pass_rate: null,
      latency_p50_ms: null, latency_p90_ms: null, latency_p95_ms: null, ttfw_p50_ms: null, interruptions_per_call: null,
    });
    db.close();
  });

  it('histogram: each bar counts its replies and calls, and lists exactly those calls', () => {
    const db = stores.db();
    seed(db);
    const overview = createOverview(db);
    const calls = inDays(10, 20);
    for (const scale of ['linear', 'log'] as const) {
      const histogram = overview.histogram({}, period, scale);
      const edges = LATENCY_EDGES[scale];
      expect(histogram.bins.map((b) => b.min_ms)).toEqual(edges);
      const inBar = (ms: number, i: number) => ms >= (edges[i] ?? 0) && ms < (edges[i + 1] ?? Infinity);
      histogram.bins.forEach((bin, i) => {
        expect(bin.replies).toBe(calls.flatMap((c) => c.gaps).filter((ms) => inBar(ms, i)).length);
        expect(bin.calls).toBe(calls.filter((c) => c.gaps.some((ms) => inBar(ms, i))).length);
      });
      expect(histogram.replies).toBe(calls.flatMap((c) => c.gaps).length);
      expect([histogram.p50_ms, histogram.p90_ms, histogram.p95_ms]).toEqual([0.5, 0.9, 0.95].map((p) => nearestRank(calls.flatMap((c) => c.gaps), p)));
    }
    // a bar's click: the list under the bar's filter counts the bar's calls (the open top bar too)
    const histogram = overview.histogram({ agent_id: 'agent-2' }, period, 'linear');
    const bars = histogram.bins.filter((b) => b.calls > 0);
    expect(bars.some((b) => b.max_ms === null)).toBe(false);
    const all = overview.histogram({}, { start: null, end: null }, 'linear');
    expect(all.bins.at(-1)?.calls).toBe(1);
    for (const [h, filter, p] of [...bars.map((b) => [b, { agent_id: 'agent-2' }, period] as const), [all.bins.at(-1), {}, { start: null, end: null }] as const]) {
      const listFilter = { ...filterInPeriod(filter, p), reply_latency_ms: { min: h?.min_ms ?? 0, ...(h?.max_ms ? { max: h.max_ms } : {}) } };
      expect(countCalls(db, callListFilterSchema.parse(listFilter))).toBe(h?.calls);
    }
    db.close();
  });

  it('series: calls, latency percentiles and interruptions per local day; hours for two days or less', () => {
    const db = stores.db();
    seed(db);
    const overview = createOverview(db);
    const series = overview.series({}, period);
    expect(series.bucket).toBe('day');
    const total = series.points.reduce((sum, p) => sum + p.calls, 0);
    expect(total).toBe(inDays(10, 20).length);
    for (const point of series.points) {
      const calls = known.filter((c) => {
        const at = T0 + c.day * DAY + 3_600_000;
        return at >= Date.parse(point.start) && at < Date.parse(point.end);
      });
      expect(point.calls).toBe(calls.length);
      expect(point.latency_p90_ms).toBe(nearestRank(calls.flatMap((c) => c.gaps), 0.9));
      expect(point.interruptions_per_call).toBe(expected(calls).interruptions_per_call);
      // a local day: from local midnight to local midnight
      expect(new Date(point.start).getHours()).toBe(0);
    }
    const twoDays = overview.series({}, { start: period.start, end: new Date(Date.parse(period.start) + 2 * DAY).toISOString() });
    expect(twoDays.bucket).toBe('hour');
    expect(twoDays.points.length).toBeGreaterThanOrEqual(48);
    db.close();
  });

  it('evaluator series, end reasons and agents', () => {
    const db = stores.db();
    seed(db);
    const overview = createOverview(db);
    const calls = inDays(10, 20);
    const evals = overview.evaluatorSeries({}, period);
    expect(evals.evaluators.map((e) => e.id)).toEqual(['e1']);
    const sum = (xs: number[] | undefined) => (xs ?? []).reduce((a, b) => a + b, 0);
    expect(sum(evals.evaluators[0]?.pass)).toBe(calls.filter((c) => c.e1 === 'pass').length);
    expect(sum(evals.evaluators[0]?.fail)).toBe(calls.filter((c) => c.e1 === 'fail').length);

    expect(overview.endReasons({}, period)).toEqual(
      ['user_hangup', 'voicemail']
        .map((reason) => ({ end_reason: reason, calls: calls.filter((c) => c.endReason === reason).length }))
        .sort((a, b) => b.calls - a.calls),
    );

    const agents = overview.agents({}, period);
    expect(agents.map((a) => a.agent_id).sort()).toEqual([...new Set(calls.map((c) => c.agent))].sort());
    expect(agents.length).toBeGreaterThan(1);
    for (const agent of agents) {
      const mine = calls.filter((c) => c.agent === agent.agent_id);
      const figures = expected(mine);
      const known = mine.filter((c) => c.interruptions !== null);
      expect(agent).toEqual({
        agent_id: agent.agent_id,
        calls: mine.length,
        latency_p50_ms: figures.latency_p50_ms,
        latency_p90_ms: figures.latency_p90_ms,
        interruption_rate: known.length === 0 ? null : known.filter((c) => (c.interruptions ?? 0) > 0).length / known.length,
        failure_rate: figures.failure_rate,
        eval_pass_rate: figures.eval_pass_rate,
      });
    }
    db.close();
  });

  it('the period queries read the period from its index (the figures from calls_for_overview), replies along their time index', () => {
    const db = stores.db();
    seed(db);
    const plan = (sql: string, params: Record<string, unknown>) =>
      db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params).map((row) => (row as { detail: string }).detail).join('\n');
    const set = callSet(db, {}, period);
    const { edges } = bucketsOf(db, set, period);
    const sql = snapshotSql(set, edges);
    // the figures straight from the index: no call's row read, no sort
    for (const query of [sql.packed, sql.agents, sql.endReasons, sql.ttfw]) {
      const detail = plan(query, set.params);
      expect(detail).toMatch(/calls USING COVERING INDEX calls_for_overview \(started_at>\? AND started_at<\?\)/);
      expect(detail).not.toMatch(/TEMP B-TREE|calls_by_ttfw/);
    }
    const replies = plan(sql.replies, set.params);
    expect(replies).toMatch(/calls USING (COVERING )?INDEX calls_(by_started_at|for_overview) \(started_at>\? AND started_at<\?\)/);
    expect(replies).toMatch(/rl USING COVERING INDEX reply_latencies_by_time \(call_started_at=\? AND call_id=\?\)/);
    expect(replies).not.toMatch(/TEMP B-TREE|SCAN calls/);
    expect(plan(passFailSql(set), set.params)).toMatch(/INDEX calls_(by_started_at|for_overview) \(started_at>\? AND started_at<\?\)/);
    // with an agent, its (agent_id, started_at) index
    const agent = callSet(db, { agent_id: 'agent-1' }, period);
    expect(plan(snapshotSql(agent, bucketsOf(db, agent, period).edges).replies, agent.params)).toMatch(/INDEX calls_by_agent \(agent_id=\? AND started_at>\? AND started_at<\?\)/);
    db.close();
  });

  it('bad input gets a clear error', () => {
    expect(() => overviewInputSchema.parse({ period: { start: '2026-02-01T00:00:00Z', end: '2026-01-01T00:00:00Z' } })).toThrow(/start must be before end/);
    expect(() => callListFilterSchema.parse({ reply_latency_ms: { min: 800, max: 700 } })).toThrow(/max must be above min/);
  });
});
