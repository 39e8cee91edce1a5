import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallListQuery } from '../../src/core/api/types';
import { countCalls, pageRows, planListQuery, sampleCallIds } from '../../src/main/store/call-list';
import { setRecordingPath } from '../../src/main/store/calls';
import { putAudioState } from '../../src/main/store/audio';
import { trashCalls } from '../../src/main/store/call-trash';
import { postJson, startTestApp, tempDir, type RunningTestApp } from '../support/temp-app';
import { callMessages, createEvaluator, postCall, runAndWait } from '../support/evaluators';
import { freshStores, storePayload } from '../support/fresh-store';

/** Issue 14: deleting calls puts them in a trash that Undo empties back; emptying it (or 30 days) deletes them for good. */

const running: RunningTestApp[] = [];
const dirs: { remove(): void }[] = [];
afterEach(async () => {
  for (const app of running.splice(0)) await app.stop();
  dirs.splice(0).forEach((dir) => dir.remove());
});

async function start(dataDir?: string): Promise<RunningTestApp> {
  const app = await startTestApp(dataDir);
  running.push(app);
  return app;
}

const rpc = async (app: RunningTestApp, method: string, input: unknown) => {
  const response = await postJson(app, `/rpc/${method}`, input);
  return { status: response.status, body: await response.json() };
};

const listed = async (app: RunningTestApp, filter: Record<string, unknown> = {}): Promise<number[]> =>
  (await rpc(app, 'listCalls', { filter, sort: { column: 'started_at', direction: 'asc' } })).body.rows.map((r: { id: number }) => r.id);
const counted = async (app: RunningTestApp, filter: Record<string, unknown> = {}): Promise<number> => (await rpc(app, 'countCalls', { filter })).body.total;

/** The files the app keeps for a call: a recording, a fetched copy and peaks, all under media/. */
function giveAudioFiles(app: RunningTestApp, callId: number, name: string): string[] {
  const media = join(app.dataDir, 'media');
  const files = [join(media, 'recordings', `${name}.wav`), join(media, 'cache', `${name}.mp3`), join(media, 'peaks', `${name}.f32`)];
  for (const file of files) {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, 'audio');
  }
  const [recording, fetched, peaks] = files;
  setRecordingPath(app.core.db, callId, recording ?? null);
  putAudioState(app.core.db, callId, { status: 'done', file_path: fetched ?? null, peaks_path: peaks ?? null });
  return files;
}

/** Everything a call has, as the API shows it. */
async function everything(app: RunningTestApp, id: number) {
  const { handlers } = app.core;
  return {
    detail: await handlers.getCall({ id }),
    metrics: await handlers.getCallMetrics({ id }),
    evaluations: await handlers.getCallEvaluations({ id }),
    pii: await handlers.getCallPii({ id }),
  };
}

describe('the trash', () => {
  it('hides trashed calls from the list, counts, search, CSV, samples and filter matches; restore brings each back with everything', async () => {
    const app = await start();
    const kept = await postCall(app, 'trash-kept');
    const gone = await postCall(app, 'trash-gone', false);
    const other = await postCall(app, 'trash-other');
    const { handlers, db } = app.core;
    handlers.addNote({ id: gone.id, at_ms: 1200, text: 'caller asked twice' });
    handlers.setVerdict({ id: gone.id, verdict: 'failure' });
    handlers.tagCalls({ call_ids: [gone.id, kept.id], add: 'wrong-date' });
    const rule = await createEvaluator(app, { kind: 'rule', name: 'Recording disclosure', rule: { check: 'agent_phrase', mode: 'must', pattern: 'may be recorded' } });
    await runAndWait(app, [rule.id], [gone.id, kept.id]);
    const files = giveAudioFiles(app, gone.id, 'gone');
    const before = await everything(app, gone.id);
    expect(before.evaluations).toHaveLength(1);
    expect(before.detail.notes).toHaveLength(1);

    const trashed = await rpc(app, 'trashCalls', { ids: [gone.id, 999_999] });
    expect(trashed.body).toEqual({ trashed: 1, ids: [gone.id] });
    expect(await rpc(app, 'trashCalls', { ids: [gone.id] })).toMatchObject({ body: { trashed: 0, ids: [] } });

    expect(await listed(app)).toEqual([kept.id, other.id]);
    expect(await counted(app)).toBe(2);
    expect(await listed(app, { q: 'schedule' })).toEqual([]);
    expect(await counted(app, { q: 'schedule' })).toBe(0);
    expect(await listed(app, { q: 'trash-gone' })).toEqual([]);
    expect(await listed(app, { tags: ['wrong-date'] })).toEqual([kept.id]);
    expect(await counted(app, { tags: ['wrong-date'] })).toBe(1);
    expect(await listed(app, { verdict: 'failure' })).toEqual([]);
    expect(await listed(app, { ids: [gone.id, other.id] })).toEqual([other.id]);
    expect(await counted(app, { ids: [gone.id, other.id] })).toBe(1);
    expect((await rpc(app, 'callMatchesFilter', { id: gone.id, filter: {} })).body).toEqual({ matches: false });
    expect(sampleCallIds(db, {}, { kind: 'random', n: 10 }).sort()).toEqual([kept.id, other.id].sort());
    const csv = await (await app.api('/api/v1/calls.csv')).text();
    expect(csv).toContain('trash-kept');
    expect(csv).not.toContain('trash-gone');
    // the files stay while the call is in the trash
    expect(files.every((file) => existsSync(file))).toBe(true);

    expect((await rpc(app, 'restoreCalls', { ids: [gone.id, kept.id] })).body).toEqual({ restored: 1 });
    expect(await listed(app)).toEqual([kept.id, gone.id, other.id]);
    expect(await counted(app)).toBe(3);
    expect(await listed(app, { q: 'schedule' })).toEqual([gone.id]);
    expect(await listed(app, { tags: ['wrong-date'] })).toEqual([kept.id, gone.id]);
    expect(await everything(app, gone.id)).toEqual(before);
    expect(files.every((file) => existsSync(file))).toBe(true);
  });

  it('empties the trash for good: rows and the audio files under media/, never a file of the user elsewhere', async () => {
    const app = await start();
    const gone = await postCall(app, 'empty-gone');
    const own = await postCall(app, 'empty-own-file');
    const kept = await postCall(app, 'empty-kept');
    const files = giveAudioFiles(app, gone.id, 'empty-gone');
    const outside = tempDir();
    dirs.push(outside);
    const usersFile = join(outside.path, 'the-users-recording.wav');
    writeFileSync(usersFile, 'audio');
    setRecordingPath(app.core.db, own.id, usersFile);
    const keptFiles = giveAudioFiles(app, kept.id, 'empty-kept');

    await rpc(app, 'trashCalls', { ids: [gone.id, own.id] });
    expect((await rpc(app, 'emptyTrash', {})).body).toEqual({ deleted: 2 });
    expect((await rpc(app, 'getCall', { id: gone.id })).status).toBe(404);
    expect((await rpc(app, 'restoreCalls', { ids: [gone.id] })).body).toEqual({ restored: 0 });
    expect(files.filter((file) => existsSync(file))).toEqual([]);
    expect(existsSync(usersFile)).toBe(true);
    expect(keptFiles.every((file) => existsSync(file))).toBe(true);
    expect(await listed(app)).toEqual([kept.id]);
    expect((await rpc(app, 'emptyTrash', {})).body).toEqual({ deleted: 0 });
  });

  it('deletes calls trashed more than 30 days ago at start-up, files and all, and keeps the younger ones', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = await start(dir.path);
    const old = await postCall(first, 'purge-old');
    const young = await postCall(first, 'purge-young');
    const files = giveAudioFiles(first, old.id, 'purge-old');
    await rpc(first, 'trashCalls', { ids: [old.id, young.id] });
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();
    first.core.db.prepare('UPDATE call_trash SET trashed_at = ? WHERE call_id = ?').run(daysAgo(31), old.id);
    first.core.db.prepare('UPDATE call_trash SET trashed_at = ? WHERE call_id = ?').run(daysAgo(29), young.id);
    await first.stop();
    running.splice(running.indexOf(first), 1);

    const second = await start(dir.path);
    expect((await rpc(second, 'getCall', { id: old.id })).status).toBe(404);
    expect(files.filter((file) => existsSync(file))).toEqual([]);
    expect((await rpc(second, 'restoreCalls', { ids: [young.id] })).body).toEqual({ restored: 1 });
    expect(await listed(second)).toEqual([young.id]);
  });

  it('takes a trashed call back when the platform sends it again with news; the same bytes again leave it in the trash', async () => {
    const app = await start();
    const call = await postCall(app, 'resent');
    const other = await postCall(app, 'resent-other');
    await rpc(app, 'trashCalls', { ids: [call.id] });
    // a webhook retry: the very same payload
    const again = await postJson(app, '/api/v1/observability/calls', { id: 'resent', messages: callMessages(true), endedReason: 'customer-ended-call' });
    expect(again.status).toBe(200);
    expect(await listed(app)).toEqual([other.id]);
    // news about the call: back in the list, with the new payload merged in
    const news = await postJson(app, '/api/v1/observability/calls', { id: 'resent', messages: callMessages(true), endedReason: 'assistant-ended-call' });
    expect(news.status).toBe(200);
    expect(await listed(app)).toEqual([call.id, other.id]);
    expect((await app.core.handlers.getCall({ id: call.id })).call.end_reason).toBe('assistant-ended-call');
  });
});

describe('list queries with the trash', () => {
  const stores = freshStores();
  const query = { offset: 0, limit: 100, sort: { column: 'started_at', direction: 'desc' }, filter: {}, count: 'exact' } satisfies CallListQuery;
  const explain = (db: ReturnType<typeof stores.db>, q: CallListQuery) => {
    const { sql, params } = planListQuery(db, q);
    return { sql, plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n') };
  };
  const filters: CallListQuery['filter'][] = [{}, { agent_id: 'agent-1' }, { verdict: 'failure' }, { q: 'refund' }, { tags: ['x'] }, { metrics: [{ column: 'latency_p90_ms', op: '>', value: 2000 }] }];

  it('are the same SQL as before the trash while it is empty, and keep their indexes once it is not', () => {
    const db = stores.db();
    const ids = Array.from({ length: 5 }, (_, n) =>
      storePayload(db, { call_type: 'phone_call', call_id: `plan-${n}`, agent_id: `agent-${n % 2}`, start_timestamp: Date.UTC(2026, 0, 1) + n * 60_000, transcript_object: [] }),
    );
    const empty = filters.map((filter) => explain(db, { ...query, filter }));
    for (const { sql } of empty) expect(sql).not.toMatch(/call_trash/);
    expect(empty[0]?.plan).toMatch(/USING INDEX calls_by_started_at/);
    expect(empty[0]?.plan).not.toMatch(/TEMP B-TREE/);

    trashCalls(db, [ids[0] ?? 0], 'now');
    const trashed = filters.map((filter) => explain(db, { ...query, filter }));
    trashed.forEach(({ sql, plan }, i) => {
      expect(sql).toMatch(/NOT IN \(SELECT call_id FROM call_trash\)/);
      // the same indexes drive each query; the trash is one lookup by rowid per row
      const indexesOf = (text: string) => [...text.matchAll(/INDEX (\w+)/g)].map((m) => m[1]).filter((name) => name !== undefined && !name.startsWith('sqlite_autoindex'));
      expect(indexesOf(plan)).toEqual(expect.arrayContaining(indexesOf(empty[i]?.plan ?? '')));
      expect(plan).toMatch(/USING ROWID SEARCH ON TABLE call_trash FOR IN-OPERATOR/);
    });
    expect(trashed[0]?.plan).not.toMatch(/TEMP B-TREE/);
    db.close();
  });

  it('counts and pages (deep offsets read backwards too) without the trashed calls', () => {
    const db = stores.db();
    const ids = Array.from({ length: 12 }, (_, n) =>
      storePayload(db, { call_type: 'phone_call', call_id: `deep-${n}`, agent_id: `agent-${n % 3}`, start_timestamp: Date.UTC(2026, 0, 1) + n * 60_000, transcript_object: [] }),
    );
    trashCalls(db, [ids[11] ?? 0, ids[3] ?? 0, ids[4] ?? 0], 'now');
    const live = ids.filter((_, n) => ![11, 3, 4].includes(n)).reverse();
    expect(countCalls(db, {})).toBe(9);
    expect(countCalls(db, { agent_id: 'agent-0' })).toBe(3);
    expect(countCalls(db, { agent_id: 'agent-0', ids: [ids[0] ?? 0, ids[3] ?? 0] })).toBe(1);
    expect(pageRows(db, query).map((r) => r.id)).toEqual(live);
    // past the deep offset the page is read from the far end: the same rows
    expect(pageRows(db, { ...query, offset: 6, limit: 2 }, 1).map((r) => r.id)).toEqual(live.slice(6, 8));
    expect(pageRows(db, { ...query, offset: 2, limit: 3 }, 1).map((r) => r.id)).toEqual(live.slice(2, 5));
    db.close();
  });
});
