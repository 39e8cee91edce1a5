import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/store/db';
import { facetSql, listFacets } from '../../src/main/store/call-facets';
import { countCalls, countCallsUpTo, listCalls, planListQuery } from '../../src/main/store/call-list';
import { setVerdict } from '../../src/main/store/calls';
import { trashCalls } from '../../src/main/store/call-trash';
import { firstOfLastDays } from '../../src/main/store/call-filter';
import { freshStores, storePayload } from '../support/fresh-store';

/** Issue 14: the filter bar's choices (agents, end reasons, platforms with their counts), read by index; counts that stop at a bound. */

const stores = freshStores();

/** `agents[k]` calls for agent k; every third call ends on voicemail; Retell webhook bodies (platform retell). */
function seed(db: Db, agents: number[]): number[] {
  const ids: number[] = [];
  let n = 0;
  agents.forEach((count, agent) => {
    for (let i = 0; i < count; i++, n++) {
      ids.push(
        storePayload(db, {
          call_type: 'phone_call', call_id: `call-${n}`, agent_id: `agent_${agent}`, start_timestamp: Date.UTC(2026, 0, 1) + n * 60_000,
          disconnection_reason: n % 3 === 0 ? 'voicemail_reached' : 'user_hangup', transcript_object: [],
        }),
      );
    }
  });
  return ids;
}

const plan = (db: Db, sql: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ values_limit: 500, count_limit: 100_000 }) as { detail: string }[]).map((r) => r.detail).join('\n');

describe('listFacets', () => {
  it('lists each distinct agent, end reason and platform with its number of calls', () => {
    const db = stores.db();
    seed(db, [4, 2, 3]);
    const facets = listFacets(db);
    expect(facets.agent_id).toEqual({
      values: [
        { value: 'agent_0', calls: 4, exact: true },
        { value: 'agent_1', calls: 2, exact: true },
        { value: 'agent_2', calls: 3, exact: true },
      ],
      more: false,
    });
    expect(facets.end_reason.values).toEqual([
      { value: 'user_hangup', calls: 6, exact: true },
      { value: 'voicemail_reached', calls: 3, exact: true },
    ]);
    expect(facets.platform).toEqual({ values: [{ value: 'retell', calls: 9, exact: true }], more: false });
    // each count is what the list filter finds
    for (const { value, calls } of facets.agent_id.values) expect(countCalls(db, { agent_id: value })).toBe(calls);
    db.close();
  });

  it('stops at its limits: a bound on a count, "more" past the values it lists', () => {
    const db = stores.db();
    seed(db, [5, 1, 1, 1]);
    const facets = listFacets(db, { valuesLimit: 2, countLimit: 3 });
    expect(facets.agent_id).toEqual({
      values: [
        { value: 'agent_0', calls: 3, exact: false },
        { value: 'agent_1', calls: 1, exact: true },
      ],
      more: true,
    });
    expect(listFacets(db, { valuesLimit: 4 }).agent_id.more).toBe(false);
    expect(listFacets(db).end_reason.values).toEqual([
      { value: 'user_hangup', calls: 5, exact: true },
      { value: 'voicemail_reached', calls: 3, exact: true },
    ]);
    db.close();
  });

  it('leaves trashed calls out: out of the counts, and a value with every call in the trash is no choice', () => {
    const db = stores.db();
    const ids = seed(db, [3, 1]);
    trashCalls(db, [ids[0] ?? 0, ids[3] ?? 0], '2026-01-02T00:00:00.000Z');
    expect(listFacets(db).agent_id.values).toEqual([{ value: 'agent_0', calls: 2, exact: true }]);
    expect(countCalls(db, { agent_id: 'agent_0' })).toBe(2);
    expect(plan(db, facetSql('agent_id', true))).not.toMatch(/SCAN calls\b/);
    db.close();
  });

  it('an empty store has no choices', () => {
    const db = stores.db();
    expect(listFacets(db)).toEqual({ agent_id: { values: [], more: false }, end_reason: { values: [], more: false }, platform: { values: [], more: false } });
    db.close();
  });

  it('seeks each value in its index and never scans the calls', () => {
    const db = stores.db();
    seed(db, [2, 2]);
    for (const [field, index] of [['agent_id', 'calls_by_agent'], ['end_reason', 'calls_by_end_reason'], ['platform', 'calls_by_platform']] as const) {
      const detail = plan(db, facetSql(field));
      expect(detail, field).not.toMatch(/SCAN calls\b/);
      // the first value, each next one, and each value's count: all searches of the field's own index
      expect(detail.match(new RegExp(`SEARCH calls USING COVERING INDEX ${index}`, 'g'))?.length, field).toBe(3);
      expect(detail, field).toMatch(new RegExp(`COVERING INDEX ${index} \\(${field}>\\?\\)`));
      expect(detail, field).toMatch(new RegExp(`COVERING INDEX ${index} \\(${field}=\\?\\)`));
    }
    db.close();
  });
});

describe('a count that stops at a bound, and the review state', () => {
  it('counts up to the limit; reviewed and unreviewed split the calls; few reviewed calls are found by index', () => {
    const db = stores.db();
    const ids = seed(db, [6]);
    for (const id of ids.slice(0, 2)) setVerdict(db, id, 'success', 'now');
    setVerdict(db, ids[2] ?? 0, 'failure', 'now');
    expect(countCallsUpTo(db, {}, 4)).toBe(4);
    expect(countCallsUpTo(db, {}, 100)).toBe(6);
    expect(countCallsUpTo(db, { verdict: 'reviewed' }, 100)).toBe(3);
    expect(countCalls(db, { verdict: 'reviewed' })).toBe(3);
    expect(countCalls(db, { verdict: 'unreviewed' })).toBe(3);
    const reviewed = listCalls(db, { offset: 0, limit: 10, sort: { column: 'started_at', direction: 'desc' }, filter: { verdict: 'reviewed' }, count: 'exact' });
    expect(reviewed.rows.map((r) => r.external_id)).toEqual(['call-2', 'call-1', 'call-0']);
    // few reviewed calls (a new store): the page starts from them, not from a walk of the whole list
    const { sql, params } = planListQuery(db, { offset: 0, limit: 100, sort: { column: 'started_at', direction: 'desc' }, filter: { verdict: 'reviewed' }, count: 'bound' });
    const detail = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(detail).toMatch(/SEARCH calls USING INDEX calls_by_verdict \(verdict>\?\)/);
    db.close();
  });
});

describe('a relative date range (issue 14: a saved "Last 7 days" keeps meaning it)', () => {
  it('counts the calls started on the last N local days, today included, as of when the query runs', () => {
    const db = stores.db();
    const now = new Date();
    const dayStart = (back: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - back);
    // one call a little after each local midnight, today and the 9 days before
    for (let back = 0; back < 10; back++) {
      storePayload(db, { call_type: 'phone_call', call_id: `day-${back}`, agent_id: 'a', start_timestamp: dayStart(back).getTime() + 60_000, transcript_object: [] });
    }
    expect(firstOfLastDays(1, now).getTime()).toBe(dayStart(0).getTime());
    expect(countCalls(db, { started_within_days: 1 })).toBe(1);
    expect(countCalls(db, { started_within_days: 7 })).toBe(7);
    expect(countCalls(db, { started_within_days: 30 })).toBe(10);
    expect(listCalls(db, { offset: 0, limit: 10, filter: { started_within_days: 2 }, sort: { column: 'started_at', direction: 'desc' }, count: 'exact' }).rows.map((r) => r.external_id)).toEqual(['day-0', 'day-1']);
    db.close();
  });
});
