import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/store/db';
import { DatabaseFromFutureError, latestSchemaVersion } from '../../src/main/store/migrations';
import { migrateTo1 } from '../../src/main/store/migrations/001-initial';
import { countCalls, listCalls, pageRows, planListQuery } from '../../src/main/store/call-list';
import { ingestCall } from '../../src/main/store/ingest';
import { normalizeAny } from '../../src/core/formats/registry';
import type { CallListQuery } from '../../src/core/api/types';
import { postJson, startTestApp } from '../support/temp-app';
import { freshStores } from '../support/fresh-store';
import { storeAtVersion } from '../support/store-at-version';

const stores = freshStores();
const freshDbFile = (): string => stores.file();

function plan(db: Database.Database, query: CallListQuery): string {
  const { sql, params } = planListQuery(db, query);
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[];
  return rows.map((row) => row.detail).join('\n');
}

const defaultQuery = { offset: 0, limit: 100, sort: { column: 'started_at', direction: 'desc' }, filter: {}, count: 'exact' } satisfies CallListQuery;

describe('schema and migrations', () => {
  it('creates STRICT tables, WAL and the latest user_version', () => {
    const db = openDb(freshDbFile());
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const strict = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'call_text_fts%'").all();
    expect(strict).toEqual(
      expect.arrayContaining([
        { name: 'calls', strict: 1 },
        { name: 'turns', strict: 1 },
        { name: 'call_payloads', strict: 1 },
      ]),
    );
    db.close();
  });

  it('is idempotent on reopen', () => {
    const file = freshDbFile();
    openDb(file).close();
    const db = openDb(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    db.close();
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const file = freshDbFile();
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x INTEGER)');
    future.pragma(`user_version = ${latestSchemaVersion + 5}`);
    future.close();
    const before = readFileSync(file);
    expect(() => openDb(file)).toThrow(DatabaseFromFutureError);
    expect(() => openDb(file)).toThrow(/newer Callscope/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('list queries use their indexes', () => {
  it('pages the default order straight off calls_by_started_at, with no sort step', () => {
    const db = openDb(freshDbFile());
    const detail = plan(db, defaultQuery);
    expect(detail).toMatch(/USING INDEX calls_by_started_at/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
    db.close();
  });

  it.each(['created_at', 'duration_s', 'provider', 'turn_count', 'latency_p50_ms', 'latency_p90_ms', 'ttfw_ms', 'interruption_count', 'longest_silence_ms'] as const)('sorts by %s over an index', (column) => {
    const db = openDb(freshDbFile());
    const detail = plan(db, { ...defaultQuery, sort: { column, direction: 'asc' } });
    expect(detail).not.toMatch(/TEMP B-TREE/);
    db.close();
  });

  it('starts from a rare condition instead of scanning the list order past non-matches', () => {
    const db = openDb(freshDbFile());
    // an empty store: every condition is rare, so each drives its own query
    expect(plan(db, { ...defaultQuery, filter: { metrics: [{ column: 'latency_p90_ms', op: '>', value: 99_999 }] } })).toMatch(/USING INDEX calls_by_latency_p90/);
    // line quality (issue 16): a noisy caller line, a clipped call, dead air
    expect(plan(db, { ...defaultQuery, filter: { metrics: [{ column: 'caller_snr_db', op: '<', value: 10 }] } })).toMatch(/USING INDEX calls_by_caller_snr/);
    expect(plan(db, { ...defaultQuery, filter: { metrics: [{ column: 'clipping_share', op: '>', value: 0.01 }] } })).toMatch(/USING INDEX calls_by_clipping/);
    expect(plan(db, { ...defaultQuery, filter: { metrics: [{ column: 'dead_air_ms', op: '>=', value: 2000 }] } })).toMatch(/USING INDEX calls_by_dead_air/);
    const byId = plan(db, { ...defaultQuery, filter: { q: 'call_0042' } });
    expect(byId).toMatch(/calls_by_external_id/);
    expect(byId).toMatch(/calls_by_from_number/);
    expect(byId).not.toMatch(/SCAN calls USING (COVERING )?INDEX calls_by_started_at/);
    expect(plan(db, { ...defaultQuery, filter: { verdict: 'failure' } })).toMatch(/USING (COVERING )?INDEX calls_by_verdict/);
    expect(plan(db, { ...defaultQuery, filter: { agent_id: 'agent-7' } })).toMatch(/USING (COVERING )?INDEX calls_by_agent/);
    db.close();
  });

  it('finds transcript words through the full-text index', () => {
    const db = openDb(freshDbFile());
    const detail = plan(db, { ...defaultQuery, filter: { q: 'refund' } });
    expect(detail).toMatch(/VIRTUAL TABLE INDEX .*call_text_fts|SCAN call_text_fts VIRTUAL TABLE/);
    db.close();
  });
});

describe('a page without its count (the screen counts apart)', () => {
  it('says a bound while rows follow, the exact total on the last page, and countCalls counts', () => {
    const db = openDb(freshDbFile());
    for (let n = 0; n < 250; n++) {
      const body = { call_type: 'phone_call', call_id: `call-${n}`, agent_id: 'agent', start_timestamp: Date.UTC(2026, 0, 1) + n * 60_000, transcript_object: [] };
      ingestCall(db, normalizeAny(body), { body: Buffer.from(JSON.stringify(body)), content_type: 'application/json', route: 'test' });
    }
    const bound = { ...defaultQuery, count: 'bound' as const };
    expect(listCalls(db, bound)).toMatchObject({ total: 101, total_exact: false });
    expect(listCalls(db, { ...bound, offset: 200 })).toMatchObject({ total: 250, total_exact: true });
    expect(listCalls(db, { ...bound, offset: 200 }).rows).toHaveLength(50);
    expect(listCalls(db, defaultQuery)).toMatchObject({ total: 250, total_exact: true });
    expect(countCalls(db, {})).toBe(250);
    expect(countCalls(db, { q: 'call-7' })).toBe(1);
    expect(listCalls(db, { ...bound, filter: { q: 'call-7' } }).rows.map((r) => r.external_id)).toEqual(['call-7']);
    expect(listCalls(db, { ...bound, filter: { q: 'nothing-like-it' } })).toMatchObject({ rows: [], total: 0, total_exact: true });
    // a deep page read backwards from the end is the same page, unknown figures last, either way
    for (const sort of [{ column: 'started_at', direction: 'desc' }, { column: 'latency_p90_ms', direction: 'asc' }] as const) {
      for (const offset of [11, 120, 180, 230, 249, 260]) {
        const query = { ...defaultQuery, sort, offset, limit: 30 };
        expect(pageRows(db, query, 10).map((r) => r.id)).toEqual(pageRows(db, query, Infinity).map((r) => r.id));
      }
    }
    db.close();
  });
});

describe('migrations from version 1', () => {
  it('upgrades a version-1 database in place, keeping its calls', () => {
    const file = freshDbFile();
    const v1 = new Database(file);
    v1.transaction(() => {
      migrateTo1(v1);
      v1.pragma('user_version = 1');
    })();
    v1.prepare(
      "INSERT INTO calls (uuid, short_id, provider, source_format, external_id, platform, created_at, updated_at) VALUES ('u-1', 'abcdefgh', 'vapi', 'vapi.get-call', 'c-1', 'vapi', 'now', 'now')",
    ).run();
    v1.close();
    const db = openDb(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.prepare('SELECT external_id, latency_p90_ms, metrics_source FROM calls').all()).toEqual([{ external_id: 'c-1', latency_p90_ms: null, metrics_source: null }]);
    db.close();
  });

  it('version 5 makes the figures of calls without turn times unknown, and keeps measured ones', () => {
    const file = freshDbFile();
    const v4 = storeAtVersion(file, 4);
    const insert = v4.prepare(
      "INSERT INTO calls (uuid, short_id, provider, source_format, external_id, platform, created_at, updated_at, interruption_count, longest_silence_ms, metrics_source) VALUES (?, ?, 'vapi', 'vapi.get-call', ?, 'vapi', 'now', 'now', 0, 0, 'transcript')",
    );
    const untimed = Number(insert.run('u-1', 'aaaaaaaa', 'untimed').lastInsertRowid);
    const timed = Number(insert.run('u-2', 'bbbbbbbb', 'timed').lastInsertRowid);
    const turn = v4.prepare('INSERT INTO turns (call_id, idx, role, text, start_ms, end_ms) VALUES (?, ?, ?, ?, ?, ?)');
    turn.run(untimed, 0, 'agent', 'Hello', null, null);
    turn.run(timed, 0, 'agent', 'Hello', 0, 900);
    v4.close();
    const db = openDb(file);
    expect(db.prepare('SELECT external_id, interruption_count, longest_silence_ms FROM calls ORDER BY id').all()).toEqual([
      { external_id: 'untimed', interruption_count: null, longest_silence_ms: null },
      { external_id: 'timed', interruption_count: 0, longest_silence_ms: 0 },
    ]);
    db.close();
  });

  it('version 6 rebuilds turns for unknown roles and cut turns, keeping every stored turn', () => {
    const file = freshDbFile();
    const v5 = storeAtVersion(file, 5);
    const id = Number(
      v5
        .prepare("INSERT INTO calls (uuid, short_id, provider, source_format, external_id, platform, created_at, updated_at) VALUES ('u-1', 'aaaaaaaa', 'vapi', 'vapi.get-call', 'c-1', 'vapi', 'now', 'now')")
        .run().lastInsertRowid,
    );
    v5.prepare("INSERT INTO turns (call_id, idx, role, text, start_ms, end_ms, tool) VALUES (?, 0, 'agent', 'Hello', 0, 900, NULL), (?, 1, 'tool', '', NULL, NULL, '{\"name\":\"x\"}')").run(id, id);
    v5.close();
    const db = openDb(file);
    expect(db.prepare('SELECT idx, role, text, tool, raw_role, original_bytes FROM turns ORDER BY idx').all()).toEqual([
      { idx: 0, role: 'agent', text: 'Hello', tool: null, raw_role: null, original_bytes: null },
      { idx: 1, role: 'tool', text: '', tool: '{"name":"x"}', raw_role: null, original_bytes: null },
    ]);
    db.prepare("INSERT INTO turns (call_id, idx, role, text, raw_role) VALUES (?, 2, 'other', 'x', 'narrator')").run(id);
    expect(() => db.prepare("INSERT INTO turns (call_id, idx, role, text) VALUES (?, 3, 'other', 'x')").run(id)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO turns (call_id, idx, role, text, raw_role) VALUES (?, 3, 'agent', 'x', 'bot')").run(id)).toThrow(/CHECK/);
    db.close();
  });

  it('sorts unknown figures last both ways, still scanning the index', () => {
    const db = openDb(freshDbFile());
    for (const direction of ['asc', 'desc'] as const) {
      const detail = plan(db, { ...defaultQuery, sort: { column: 'interruption_count', direction } });
      expect(detail).toMatch(/calls_by_interruptions/);
      expect(detail).not.toMatch(/TEMP B-TREE/);
    }
    db.close();
  });

  it('filters by a headline figure using its index', () => {
    const db = openDb(freshDbFile());
    const detail = plan(db, { ...defaultQuery, sort: { column: 'latency_p90_ms', direction: 'desc' }, filter: { metrics: [{ column: 'latency_p90_ms', op: '>', value: 2000 }] } });
    expect(detail).toMatch(/calls_by_latency_p90/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
});

describe('durability across restarts', () => {
  it('keeps every call and the same API key when the app reopens the data dir', async () => {
    const dir = { path: stores.folder() };
    delete process.env.CALLSCOPE_API_KEY;
    const { openApp } = await import('../../src/main/app');
    const first = openApp({ dataDir: dir.path });
    const generatedKey = first.config.apiKey;
    expect(generatedKey).toMatch(/^cs_/);
    first.close();

    const running = await startTestApp(dir.path); // sets CALLSCOPE_API_KEY for its own requests
    for (let n = 0; n < 3; n++) expect((await postJson(running, '/api/v1/observability/calls', { id: `keep-${n}` })).status).toBe(201);
    await running.stop();

    delete process.env.CALLSCOPE_API_KEY;
    const reopened = openApp({ dataDir: dir.path });
    expect(reopened.config.apiKey).toBe(generatedKey);
    const page = reopened.handlers.listCalls({ ...defaultQuery, sort: { column: 'created_at', direction: 'asc' } });
    expect(await page).toMatchObject({ total: 3 });
    reopened.close();
  });
});
