import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/store/db';
import { deleteCall } from '../../src/main/store/calls';
import { addTag, callsTaggedSql, listTags, removeTag, tagsForCalls } from '../../src/main/store/tags';
import { freshStores, storePayload } from '../support/fresh-store';

/** Issue 14: tags on calls, with a remembered list, read by call and by tag. */

const stores = freshStores();
const freshDb = (): Db => stores.db();

function call(db: Db, id: string): number {
  const body = { call_type: 'phone_call', call_id: id, agent_id: 'a', start_timestamp: Date.UTC(2026, 0, 1), transcript_object: [] };
  return storePayload(db, body);
}

describe('tags', () => {
  it('adds and removes a tag on many calls, answering what changed (for undo)', () => {
    const db = freshDb();
    const [a, b, c] = ['a', 'b', 'c'].map((id) => call(db, id)) as [number, number, number];
    expect(addTag(db, [a, b], 'wrong-date', 'now')).toEqual([a, b]);
    expect(addTag(db, [b, c, 999], 'Wrong-Date', 'now')).toEqual([c]);
    expect(listTags(db)).toEqual([{ name: 'wrong-date', calls: 3 }]);
    expect(removeTag(db, [a, c], 'WRONG-DATE')).toEqual([a, c]);
    expect(removeTag(db, [a], 'never-made')).toEqual([]);
    expect(tagsForCalls(db, [a, b, c])).toEqual(new Map([[b, ['wrong-date']]]));
    db.close();
  });

  it("reads a page's tags in name order, finds the calls of a tag by index, and forgets a deleted call", () => {
    const db = freshDb();
    const a = call(db, 'a');
    addTag(db, [a], 'zeta', 'now');
    addTag(db, [a], 'Alpha', 'now');
    expect(tagsForCalls(db, [a]).get(a)).toEqual(['Alpha', 'zeta']);
    const sql = callsTaggedSql('tag');
    expect(db.prepare(sql).all({ tag: 'ALPHA' })).toEqual([{ cid: a }]);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ tag: 'x' }) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).not.toMatch(/SCAN c\b/);
    expect(deleteCall(db, a)).toBe(true);
    expect(listTags(db)).toEqual([{ name: 'Alpha', calls: 0 }, { name: 'zeta', calls: 0 }]);
    db.close();
  });
});
