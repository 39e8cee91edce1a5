import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/store/db';
import { setVerdict } from '../../src/main/store/calls';
import { ingestCall } from '../../src/main/store/ingest';
import { deleteView, listViews, saveView } from '../../src/main/store/saved-views';
import { createQueue, deleteQueue, listQueues, nextUnreviewed, queueCalls, queueProgress, restoreQueue } from '../../src/main/store/review-queues';
import { restoreCalls, trashCalls } from '../../src/main/store/call-trash';
import { addTag, listTags } from '../../src/main/store/tags';
import { pageRows, planListQuery, sampleCallIds } from '../../src/main/store/call-list';
import { deleteCall } from '../../src/main/store/calls';
import { normalizeAny } from '../../src/core/formats/registry';
import { freshStores } from '../support/fresh-store';

/** Issue 14: saved views, and review queues taken from a view or a sample of it. */

const stores = freshStores();
const freshDb = (): Db => stores.db();

/** Calls with a known reply latency: agent k's calls are 1,000 + 100 k ms slow, one call per minute. */
function seed(db: Db, perAgent: number, agents: number): void {
  for (let a = 0; a < agents; a++) {
    for (let n = 0; n < perAgent; n++) {
      const gap = 1000 + 100 * a + n;
      const body = {
        call_type: 'phone_call', call_id: `a${a}-${n}`, agent_id: `agent_${a}`, start_timestamp: Date.UTC(2026, 0, 1) + (a * perAgent + n) * 60_000,
        transcript_object: [
          { role: 'user', content: 'Hello there', words: [{ word: 'Hello', start: 0, end: 0.5 }, { word: 'there', start: 0.5, end: 1 }] },
          { role: 'agent', content: 'Hi, how can I help', words: [{ word: 'Hi', start: 1 + gap / 1000, end: 2 + gap / 1000 }] },
        ],
      };
      ingestCall(db, normalizeAny(body), { body: Buffer.from(JSON.stringify(body)), content_type: 'application/json', route: 'test' });
    }
  }
}

const externalIds = (db: Db, ids: number[]): string[] => ids.map((id) => (db.prepare('SELECT external_id FROM calls WHERE id = ?').get(id) as { external_id: string }).external_id);

describe('saved views', () => {
  it('saves, replaces by name and deletes (answering the view for undo)', () => {
    const db = freshDb();
    const first = saveView(db, 'Slow sales', { agent_id: 'agent_1' }, { column: 'latency_p90_ms', direction: 'desc' }, 'now');
    saveView(db, 'slow SALES', { agent_id: 'agent_2' }, { column: 'started_at', direction: 'desc' }, 'later');
    expect(listViews(db)).toEqual([{ id: first.id, name: 'Slow sales', filter: { agent_id: 'agent_2' }, sort: { column: 'started_at', direction: 'desc' }, created_at: 'now' }]);
    expect(deleteView(db, first.id)?.filter).toEqual({ agent_id: 'agent_2' });
    expect(deleteView(db, first.id)).toBeNull();
    expect(listViews(db)).toEqual([]);
    db.close();
  });
});

describe('review queues', () => {
  it('samples a view: the n worst, n per agent, n at random, or the view itself', () => {
    const db = freshDb();
    seed(db, 5, 3);
    const worst = externalIds(db, sampleCallIds(db, {}, { kind: 'worst', n: 3, column: 'latency_p90_ms' }));
    expect(worst).toEqual(['a2-4', 'a2-3', 'a2-2']);
    const perAgent = externalIds(db, sampleCallIds(db, {}, { kind: 'per_agent', n: 2 }));
    expect(perAgent.map((id) => id.slice(0, 2)).sort()).toEqual(['a0', 'a0', 'a1', 'a1', 'a2', 'a2']);
    const random = sampleCallIds(db, { agent_id: 'agent_1' }, { kind: 'random', n: 3 });
    expect(new Set(random).size).toBe(3);
    expect(externalIds(db, random).every((id) => id.startsWith('a1-'))).toBe(true);
    expect(externalIds(db, sampleCallIds(db, { agent_id: 'agent_0' }, { kind: 'view', n: 2, sort: { column: 'started_at', direction: 'desc' } }))).toEqual(['a0-4', 'a0-3']);
    db.close();
  });

  it('keeps its calls and reads its progress from their verdicts; next goes to the next unreviewed', () => {
    const db = freshDb();
    seed(db, 4, 1);
    const ids = sampleCallIds(db, {}, { kind: 'view', n: 4, sort: { column: 'started_at', direction: 'asc' } });
    const queue = createQueue(db, 'Monday sample', '4 from: all calls', { column: 'started_at', direction: 'asc' }, ids, 'now');
    expect(queue).toMatchObject({ name: 'Monday sample', total: 4, reviewed: 0 });
    const [one, two, three, four] = ids as [number, number, number, number];
    setVerdict(db, one, 'success', 'now');
    setVerdict(db, three, 'failure', 'now');
    expect(listQueues(db)).toEqual([expect.objectContaining({ id: queue.id, total: 4, reviewed: 2 })]);
    expect(queueCalls(db, queue.id).map((c) => c.reviewed)).toEqual([true, false, true, false]);
    expect(nextUnreviewed(db, queue.id, one)).toBe(two);
    expect(nextUnreviewed(db, queue.id, two)).toBe(four);
    expect(nextUnreviewed(db, queue.id, four)).toBe(two);
    setVerdict(db, two, 'success', 'now');
    setVerdict(db, four, 'success', 'now');
    expect(nextUnreviewed(db, queue.id, four)).toBeNull();
    expect(deleteQueue(db, queue.id)).toEqual({ id: queue.id, name: 'Monday sample', source: '4 from: all calls', sort: { column: 'started_at', direction: 'asc' }, created_at: 'now', call_ids: ids });
    expect(deleteQueue(db, queue.id)).toBeNull();
    expect(listQueues(db)).toEqual([]);
    db.close();
  });

  it('leaves a call in the trash out of its count, its calls and its next, and counts it again when it comes back', () => {
    const db = freshDb();
    seed(db, 3, 1);
    const ids = sampleCallIds(db, {}, { kind: 'view', n: 3, sort: { column: 'started_at', direction: 'asc' } });
    const queue = createQueue(db, 'q', 'all', { column: 'started_at', direction: 'asc' }, ids, 'now');
    const [one, two, three] = ids as [number, number, number];
    addTag(db, [one, two], 'refund', 'now');
    setVerdict(db, one, 'success', 'now');
    trashCalls(db, [two], 'now');
    expect(queueProgress(db, queue.id)).toMatchObject({ total: 2, reviewed: 1 });
    expect(queueCalls(db, queue.id).map((c) => c.call_id)).toEqual([one, three]);
    expect(nextUnreviewed(db, queue.id, one)).toBe(three);
    expect(listTags(db)).toEqual([{ name: 'refund', calls: 1 }]);
    restoreCalls(db, [two]);
    expect(queueProgress(db, queue.id)).toMatchObject({ total: 3, reviewed: 1 });
    expect(listTags(db)).toEqual([{ name: 'refund', calls: 2 }]);
    db.close();
  });

  it('lists its calls, and goes on to the next unreviewed, in the order the list shows them under any sort', () => {
    const db = freshDb();
    seed(db, 4, 2);
    const ids = sampleCallIds(db, {}, { kind: 'per_agent', n: 2 });
    const byStart = { column: 'started_at', direction: 'asc' } as const;
    const queue = createQueue(db, 'Two each', '2 per agent', byStart, ids, 'now');
    expect(queue.sort).toEqual(byStart);
    const bySlowest = { column: 'latency_p90_ms', direction: 'desc' } as const;
    for (const sort of [byStart, bySlowest]) {
      const listed = pageRows(db, { filter: { queue_id: queue.id }, sort, offset: 0, limit: 100, count: 'bound' }).map((row) => row.id);
      expect(listed).toHaveLength(4);
      expect(queueCalls(db, queue.id, sort).map((c) => c.call_id)).toEqual(listed);
      const [first, second, third] = listed as [number, number, number];
      setVerdict(db, second, 'failure', 'now');
      expect(nextUnreviewed(db, queue.id, first, sort)).toBe(third);
      setVerdict(db, second, null, 'now');
    }
    db.close();
  });

  it('lists a queue from its own items, never by scanning the calls', () => {
    const db = freshDb();
    seed(db, 3, 1);
    const queue = createQueue(db, 'q', 'all', { column: 'started_at', direction: 'desc' }, sampleCallIds(db, {}, { kind: 'random', n: 2 }), 'now');
    const { sql, params } = planListQuery(db, { filter: { queue_id: queue.id, verdict: 'unreviewed' }, sort: { column: 'started_at', direction: 'desc' }, offset: 0, limit: 100, count: 'bound' });
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/review_queue_items USING PRIMARY KEY \(queue_id=\?\)/);
    expect(plan).not.toMatch(/SCAN calls/);
    db.close();
  });

  it('comes back after a delete with its calls, its order and its id; calls deleted meanwhile are left out', () => {
    const db = freshDb();
    seed(db, 4, 1);
    const sort = { column: 'started_at', direction: 'asc' } as const;
    const ids = sampleCallIds(db, {}, { kind: 'view', n: 4, sort });
    const queue = createQueue(db, 'Keep me', 'the first 4 of the view', sort, ids, 'then');
    setVerdict(db, ids[0] ?? 0, 'success', 'now');
    const copy = deleteQueue(db, queue.id);
    if (!copy) throw new Error('the queue was not there to delete');
    deleteCall(db, ids[3] ?? 0);
    const back = restoreQueue(db, copy);
    expect(back).toEqual({ ...queue, total: 3, reviewed: 1 });
    expect(queueCalls(db, back.id).map((c) => c.call_id)).toEqual(ids.slice(0, 3));
    // its old id taken meanwhile: it comes back under a new one
    const again = deleteQueue(db, back.id);
    if (!again) throw new Error('the queue was not there to delete');
    const other = createQueue(db, 'Newer', 'x', sort, ids.slice(0, 1), 'now');
    expect(other.id).toBe(back.id);
    const moved = restoreQueue(db, again);
    expect(moved.id).not.toBe(back.id);
    expect(moved).toMatchObject({ name: 'Keep me', total: 3 });
    db.close();
  });
});
