import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/main/store/db';
import { countCalls, listCalls, planListQuery } from '../../src/main/store/call-list';
import { deleteCall } from '../../src/main/store/calls';
import type { CallListQuery } from '../../src/core/api/types';
import { freshStores, storePayload } from '../support/fresh-store';
import { storeAtVersion } from '../support/store-at-version';

/** Issue 14: search finds call ids, agent ids, end reasons and phone numbers in any written form. */

const stores = freshStores();
const freshDbFile = (): string => stores.file();

const query = (q: string): CallListQuery => ({ offset: 0, limit: 100, sort: { column: 'started_at', direction: 'desc' }, filter: { q }, count: 'exact' });
const found = (db: Db, q: string): string[] => listCalls(db, query(q)).rows.map((r) => r.external_id).sort();

function retellCall(db: Db, id: string, from: string, to: string, extra: Record<string, unknown> = {}): number {
  const body = { call_type: 'phone_call', call_id: id, agent_id: 'agent_support', from_number: from, to_number: to, start_timestamp: Date.UTC(2026, 0, 1), transcript_object: [], ...extra };
  return storePayload(db, body);
}

describe('searching phone numbers, agents and end reasons', () => {
  it('finds a number written any way, and not a neighbouring one', () => {
    const db = openDb(freshDbFile());
    retellCall(db, 'us-call', '+1 415-555-1000', '+1 (212) 555-0199');
    retellCall(db, 'uk-call', '+44 7911 123456', '+1 212 555 0199');
    retellCall(db, 'other', '+1 415-555-1001', '+1 650 555 0000');
    for (const q of ['4155551000', '+14155551000', '(415) 555-1000', '415.555.1000', '1 415 555 1000']) expect(found(db, q), q).toEqual(['us-call']);
    expect(found(db, '07911 123456')).toEqual(['uk-call']);
    expect(found(db, '212-555-0199')).toEqual(['uk-call', 'us-call']);
    expect(countCalls(db, { q: '2125550199' })).toBe(2);
    expect(found(db, '4155551002')).toEqual([]);
    db.close();
  });

  it('finds agent ids and end reasons typed in the search box', () => {
    const db = openDb(freshDbFile());
    retellCall(db, 'a', '+1 415 555 2000', '+1 415 555 2001', { agent_id: 'agent_sales', disconnection_reason: 'voicemail_reached' });
    retellCall(db, 'b', '+1 415 555 2002', '+1 415 555 2003', { disconnection_reason: 'user_hangup' });
    expect(found(db, 'agent_sales')).toEqual(['a']);
    expect(found(db, 'user_hangup')).toEqual(['b']);
    db.close();
  });

  it("drops a deleted call's numbers and follows a merged call's new number", () => {
    const db = openDb(freshDbFile());
    const id = retellCall(db, 'gone', '+1 415 555 3000', '+1 415 555 3001');
    expect(deleteCall(db, id)).toBe(true);
    expect(db.prepare('SELECT COUNT(*) AS n FROM call_numbers').get()).toEqual({ n: 0 });
    retellCall(db, 'moved', '+1 415 555 4000', '+1 415 555 4001');
    retellCall(db, 'moved', '+1 415 555 5000', '+1 415 555 4001', { end_timestamp: Date.UTC(2026, 0, 1, 0, 5) });
    expect(db.prepare("SELECT from_number FROM calls WHERE external_id = 'moved'").get()).toEqual({ from_number: '+1 415 555 5000' });
    expect(found(db, '4155555000')).toEqual(['moved']);
    expect(found(db, '4155554000')).toEqual([]);
    db.close();
  });

  it('looks numbers up by index, not by scanning calls', () => {
    const db = openDb(freshDbFile());
    const { sql, params } = planListQuery(db, query('4155551000'));
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/call_numbers USING (PRIMARY KEY|COVERING INDEX)/);
    expect(plan).toMatch(/calls_by_end_reason/);
    expect(plan).toMatch(/calls_by_agent/);
    expect(plan).not.toMatch(/SCAN calls\b(?! USING)/);
    db.close();
  });

  it('starts the new filters from their indexes when they are rare', () => {
    const db = stores.db();
    const planOf = (filter: CallListQuery['filter']) => {
      const { sql, params } = planListQuery(db, { ...query(''), filter });
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n');
    };
    expect(planOf({ end_reason: 'voicemail' })).toMatch(/calls_by_end_reason/);
    expect(planOf({ platform: 'retell' })).toMatch(/calls_by_platform/);
    expect(planOf({ min_duration_s: 1200 })).toMatch(/calls_by_duration/);
    expect(planOf({ tags: ['double-charge'] })).toMatch(/SEARCH c USING PRIMARY KEY \(tag_id=\?\)/);
    db.close();
  });

  it('version 9 gives the calls already stored their number keys', () => {
    const file = freshDbFile();
    const v8 = storeAtVersion(file, 8);
    v8.prepare(
      "INSERT INTO calls (uuid, short_id, provider, source_format, external_id, platform, created_at, updated_at, from_number) VALUES ('u-1', 'abcdefgh', 'vapi', 'vapi.get-call', 'old-call', 'vapi', 'now', 'now', '+1 415-555-6000')",
    ).run();
    v8.close();
    const db = openDb(file);
    expect(found(db, '4155556000')).toEqual(['old-call']);
    db.close();
  });
});

describe("the caller's first words", () => {
  it('are the start of the first caller turn, one query for a page', async () => {
    const { callerOpenings } = await import('../../src/main/store/caller-openings');
    const db = openDb(freshDbFile());
    const body = (id: string, transcript: unknown[]) => ({ call_type: 'phone_call', call_id: id, agent_id: 'a', start_timestamp: Date.UTC(2026, 0, 1), transcript_object: transcript });
    const store = (b: ReturnType<typeof body>) => storePayload(db, b);
    const talk = store(body('talk', [{ role: 'agent', content: 'Hello, Acme.', words: [] }, { role: 'user', content: 'I want   to cancel\nmy order please', words: [] }, { role: 'user', content: 'later', words: [] }]));
    const silent = store(body('silent', [{ role: 'agent', content: 'Hello?', words: [] }]));
    const openings = callerOpenings(db, [talk, silent, 999]);
    expect(openings.get(talk)).toBe('I want to cancel my order please');
    expect(openings.has(silent)).toBe(false);
    expect(openings.has(999)).toBe(false);
    db.close();
  });
});
