import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeAny } from '../../src/core/formats/registry';
import type { IngestJob } from '../../src/main/store/ingest-batch';
import { startTestApp, type RunningTestApp } from '../support/temp-app';

/** Issue 14 through the API: tags with undo, verdicts on many calls, saved views, queues, and the new filters. */

let app: RunningTestApp;
const ids = new Map<string, number>();

function retell(id: string, agent: string, seconds: number, reason: string): IngestJob {
  const start = Date.UTC(2026, 0, 1) + ids.size * 60_000;
  const body = { call_type: 'phone_call', call_id: id, agent_id: agent, start_timestamp: start, end_timestamp: start + seconds * 1000, disconnection_reason: reason, transcript_object: [] };
  return { normalized: normalizeAny(body), raw: { body: Buffer.from(JSON.stringify(body)), content_type: 'application/json', route: 'test' } };
}

const rpc = async (method: string, input: unknown) => {
  const response = await app.api(`/rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  return { status: response.status, body: await response.json() };
};
const listed = async (filter: Record<string, unknown>): Promise<string[]> =>
  (await rpc('listCalls', { filter, sort: { column: 'started_at', direction: 'asc' } })).body.rows.map((r: { external_id: string }) => r.external_id);

beforeAll(async () => {
  app = await startTestApp();
  const jobs = [retell('short-sales', 'sales', 30, 'user_hangup'), retell('long-sales', 'sales', 600, 'agent_hangup'), retell('mid-support', 'support', 120, 'user_hangup'), retell('long-support', 'support', 900, 'voicemail_reached')];
  for (const outcome of app.core.ingestMany(jobs)) if (outcome.ok) ids.set(outcome.result.call.external_id, outcome.result.call.id);
  expect(ids.size).toBe(4);
}, 30_000);
afterAll(async () => {
  await app.stop();
});

const id = (name: string): number => ids.get(name) ?? 0;

describe('triage through the API', () => {
  it('tags calls, filters by tag, and undoes exactly what it changed', async () => {
    await rpc('tagCalls', { call_ids: [id('long-sales')], add: 'wrong-date' });
    const tagged = await rpc('tagCalls', { call_ids: [id('long-sales'), id('mid-support')], add: 'wrong-date' });
    expect(tagged.body).toEqual({ tag: 'wrong-date', added: [id('mid-support')], removed: [] });
    expect(await listed({ tags: ['wrong-date'] })).toEqual(['long-sales', 'mid-support']);
    expect((await rpc('listTags', {})).body).toEqual([{ name: 'wrong-date', calls: 2 }]);
    const rows = (await rpc('listCalls', { filter: { tags: ['wrong-date'] } })).body.rows;
    expect(rows.every((r: { tags: string[] }) => r.tags.includes('wrong-date'))).toBe(true);
    // Undo of the second tagging takes the tag off the call it added it to, and only that one
    await rpc('tagCalls', { call_ids: tagged.body.added, remove: 'wrong-date' });
    expect(await listed({ tags: ['wrong-date'] })).toEqual(['long-sales']);
    expect((await rpc('tagCalls', { call_ids: [id('long-sales')], add: 'x', remove: 'y' })).status).toBe(422);
  });

  it('filters by end reason, agent, platform and duration, combined', async () => {
    expect(await listed({ end_reason: 'user_hangup' })).toEqual(['short-sales', 'mid-support']);
    expect(await listed({ end_reason: 'user_hangup', agent_id: 'support' })).toEqual(['mid-support']);
    expect(await listed({ min_duration_s: 100, max_duration_s: 700 })).toEqual(['long-sales', 'mid-support']);
    expect(await listed({ platform: 'retell', min_duration_s: 800 })).toEqual(['long-support']);
    expect(await listed({ platform: 'vapi' })).toEqual([]);
  });

  it('sets one verdict on many calls and puts the previous ones back', async () => {
    await rpc('setVerdict', { id: id('short-sales'), verdict: 'success' });
    const changed = await rpc('setVerdicts', { call_ids: [id('short-sales'), id('long-sales')], verdict: 'failure' });
    expect(changed.body.previous).toEqual([{ id: id('short-sales'), verdict: 'success' }, { id: id('long-sales'), verdict: null }]);
    expect(await listed({ verdict: 'failure' })).toEqual(['short-sales', 'long-sales']);
    for (const p of changed.body.previous) await rpc('setVerdict', { id: p.id, verdict: p.verdict });
    expect(await listed({ verdict: 'failure' })).toEqual([]);
    expect(await listed({ verdict: 'success' })).toEqual(['short-sales']);
  });

  it('saves a view and works a queue taken from it to the end', async () => {
    const view = (await rpc('saveView', { name: 'Support', filter: { agent_id: 'support' }, sort: { column: 'duration_s', direction: 'desc' } })).body;
    expect((await rpc('listViews', {})).body).toEqual([view]);
    const queue = await rpc('createQueue', { name: 'Support today', filter: view.filter, sample: { kind: 'view', n: 10, sort: view.sort } });
    expect(queue.body).toMatchObject({ total: 2, reviewed: 0, source: 'the first 10 of the view' });
    const first = (await rpc('nextInQueue', { id: queue.body.id })).body.call_id;
    expect(first).toBe(id('long-support'));
    await rpc('setVerdict', { id: first, verdict: 'failure' });
    const second = (await rpc('nextInQueue', { id: queue.body.id, after_call_id: first })).body.call_id;
    expect(second).toBe(id('mid-support'));
    await rpc('setVerdict', { id: second, verdict: 'success' });
    expect((await rpc('getQueue', { id: queue.body.id })).body).toMatchObject({ total: 2, reviewed: 2 });
    expect((await rpc('nextInQueue', { id: queue.body.id, after_call_id: second })).body.call_id).toBeNull();
    expect((await rpc('createQueue', { name: 'Nothing', filter: { agent_id: 'nobody' }, sample: { kind: 'random', n: 5 } })).status).toBe(422);
    expect((await rpc('getQueue', { id: 999 })).status).toBe(404);
    expect((await rpc('deleteView', { id: view.id })).body.deleted).toEqual(view);
  });

  it('keeps a queue in the order it is worked in, lists it as a filter, and deletes it with an Undo', async () => {
    const byLength = { column: 'duration_s', direction: 'asc' } as const;
    const made = await rpc('createQueue', { name: 'Two at random', filter: {}, sample: { kind: 'random', n: 2 }, sort: byLength });
    expect(made.body).toMatchObject({ total: 2, reviewed: expect.any(Number), source: '2 at random', sort: byLength });
    const queue = (await rpc('getQueue', { id: made.body.id })).body;
    const listedInQueue = await rpc('listCalls', { filter: { queue_id: made.body.id }, sort: byLength });
    expect(listedInQueue.body.rows.map((r: { id: number }) => r.id)).toEqual(queue.calls.map((c: { call_id: number }) => c.call_id));
    const reversed = { column: 'duration_s', direction: 'desc' } as const;
    expect((await rpc('getQueue', { id: made.body.id, sort: reversed })).body.calls.map((c: { call_id: number }) => c.call_id)).toEqual(
      [...queue.calls].reverse().map((c: { call_id: number }) => c.call_id),
    );
    const worst = await rpc('createQueue', { name: 'Longest', filter: {}, sample: { kind: 'worst', n: 1, column: 'duration_s' } });
    expect(worst.body).toMatchObject({ source: 'the 1 worst by duration', sort: { column: 'duration_s', direction: 'desc' } });
    expect((await rpc('getQueue', { id: worst.body.id })).body.calls.map((c: { call_id: number }) => c.call_id)).toEqual([id('long-support')]);

    const deleted = (await rpc('deleteQueue', { id: made.body.id })).body;
    expect(deleted).toMatchObject({ deleted: true, queue: { id: made.body.id, name: 'Two at random', sort: byLength, call_ids: queue.calls.map((c: { call_id: number }) => c.call_id) } });
    expect((await rpc('getQueue', { id: made.body.id })).status).toBe(404);
    expect((await rpc('deleteQueue', { id: made.body.id })).body).toEqual({ deleted: false, queue: null });
    const restored = await rpc('restoreQueue', { queue: deleted.queue });
    expect(restored.body).toEqual(made.body);
    expect((await rpc('listQueues', {})).body.map((q: { name: string }) => q.name)).toContain('Two at random');
  });
});
