import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OverviewHandlers } from '../../src/core/api/contract';
import { parseApiInput } from '../../src/core/api/validate';
import { ApiError } from '../../src/core/api/errors';
import type { OverviewPeriod } from '../../src/core/api/overview-contract';
import { createEventBus, type EventBus } from '../../src/main/api/events';
import { createOverviewHandlers } from '../../src/main/api/overview-handlers';
import { setVerdict } from '../../src/main/store/calls';
import type { Db } from '../../src/main/store/db';
import { createReadRunner, readWorkerPath, type ReadRunner } from '../../src/main/reads/read-runner';
import type { OverviewRead } from '../../src/main/reads/read-messages';
import { freshStores, storePayload } from '../support/fresh-store';
import { retellCallWithReplies } from '../support/retell-replies';

/**
 * The Overview's six reads in the read worker (the built one in out/main, as `npm test` builds it)
 * against the same reads on this thread, on a store of generated calls; the worker's snapshots are
 * forgotten when the main thread's bus says the calls changed.
 */

const stores = freshStores();
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 5, 1);
const period: OverviewPeriod = { start: new Date(T0 + 10 * DAY).toISOString(), end: new Date(T0 + 20 * DAY).toISOString() };
const runners: ReadRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.close()));
});

/** 40 calls over 20 days: three agents, each call its own replies, some reviewed, two end reasons, an evaluator's results. */
function seed(db: Db, from = 0, count = 40): void {
  const now = new Date().toISOString();
  const evaluator = db.prepare("SELECT id FROM evaluators WHERE public_id = 'e1'").pluck().get();
  const e1 = typeof evaluator === 'number' ? evaluator : Number(db.prepare("INSERT INTO evaluators (public_id, template, created_at) VALUES ('e1', NULL, ?)").run(now).lastInsertRowid);
  const version = db.prepare("INSERT OR IGNORE INTO evaluator_versions (evaluator_id, version, spec, spec_key, created_at) VALUES (?, 1, '{}', 'e1', ?)");
  version.run(e1, now);
  const versionId = db.prepare('SELECT id FROM evaluator_versions WHERE evaluator_id = ?').pluck().get(e1);
  for (let i = from; i < from + count; i++) {
    const gaps = Array.from({ length: 1 + (i % 4) }, (_, k) => 300 + ((i * 131 + k * 977) % 2500));
    const body = { ...retellCallWithReplies(`ow-${i}`, `agent-${i % 3}`, gaps, T0 + ((i * 7) % 20) * DAY + 3_600_000), disconnection_reason: i % 4 === 0 ? 'voicemail' : 'user_hangup' };
    const id = storePayload(db, body);
    if (i % 5 === 0) setVerdict(db, id, i % 2 === 0 ? 'failure' : 'success', now);
    db.prepare(
      "INSERT INTO evaluation_results (call_id, evaluator_id, evaluator_version_id, input_key, status, verdict, passed, duration_ms, created_at) VALUES (?, ?, ?, 'k', 'done', ?, ?, 1, ?)",
    ).run(id, e1, versionId, i % 3 === 0 ? 'fail' : 'pass', i % 3 === 0 ? 0 : 1, now);
  }
}

function worker(db: Db): ReadRunner {
  const built = readWorkerPath(join(__dirname, '../../out/main'));
  if (!built) throw new Error('the read worker is not built: run `npx electron-vite build` (out/main/read-worker.js)');
  const runner = createReadRunner(built, { dbFile: db.name });
  runners.push(runner);
  return runner;
}

/** The same store's Overview on this thread and in the worker, each with its own bus. */
function bothWays(db: Db): { inline: OverviewHandlers; inWorker: OverviewHandlers; workerEvents: EventBus } {
  const workerEvents = createEventBus();
  return { inline: createOverviewHandlers({ db, events: createEventBus() }), inWorker: createOverviewHandlers({ db, events: workerEvents, runner: worker(db) }), workerEvents };
}

/** Every read of the page, through the contract's validation as the transports run it. */
async function refresh(handlers: OverviewHandlers, input: { filter?: object; period?: OverviewPeriod }) {
  const read = async <M extends OverviewRead>(method: M, extra: object = {}) => {
    const handler: OverviewHandlers[M] = handlers[method];
    return handler(parseApiInput(method, { ...input, ...extra }));
  };
  return {
    tiles: await read('getOverviewTiles'),
    histogram: await read('getOverviewHistogram', { scale: 'log' }),
    series: await read('getOverviewSeries'),
    evaluators: await read('getOverviewEvaluatorSeries'),
    endReasons: await read('getOverviewEndReasons'),
    agents: await read('getOverviewAgents'),
  };
}

describe('the Overview in the read worker', () => {
  it('answers each of the six reads as this thread does, for a period, an agent and all time', async () => {
    const db = stores.db();
    seed(db);
    const { inline, inWorker } = bothWays(db);
    for (const input of [{ period }, { filter: { agent_id: 'agent-1' }, period }, {}]) {
      const here = await refresh(inline, input);
      expect(here.tiles.current.calls).toBeGreaterThan(0);
      expect(here.agents.length).toBeGreaterThan(0);
      expect(await refresh(inWorker, input)).toEqual(here);
    }
  });

  it('forgets its snapshots when the calls change: the next read counts the new calls', async () => {
    const db = stores.db();
    seed(db);
    const { inWorker, workerEvents } = bothWays(db);
    const tiles = async () => (await inWorker.getOverviewTiles({ filter: {}, period })).current.calls;
    const before = await tiles();
    seed(db, 1000, 20);
    // nothing said yet: the worker answers from the snapshot it keeps
    expect(await tiles()).toBe(before);
    workerEvents.emit('calls.changed', { ids: [], change: 'created' });
    const after = await tiles();
    expect(after).toBeGreaterThan(before);
    expect(await refresh(inWorker, { period })).toEqual(await refresh(createOverviewHandlers({ db, events: createEventBus() }), { period }));
  });

  it('a read that fails comes back as it would here: an ApiError with its code, any other error with its message', async () => {
    const db = stores.db();
    seed(db, 0, 5);
    const { inline, inWorker } = bothWays(db);
    const badFilter = { filter: { reply_latency_ms: { min: 800, max: 700 } } };
    const refused = async (handlers: OverviewHandlers) => (await refresh(handlers, badFilter).catch((error: unknown) => error));
    const [here, there] = [await refused(inline), await refused(inWorker)];
    expect(here).toBeInstanceOf(ApiError);
    expect(there).toEqual(here);
    expect(there).toMatchObject({ code: 'invalid_payload', fields: [{ path: 'filter.reply_latency_ms' }] });
    // past the contract (a period that is no date): the read itself throws, in the worker as here
    const noDate = { filter: {}, period: { start: 'not a date', end: null } };
    const failedHere = await Promise.resolve().then(() => inline.getOverviewSeries(noDate)).catch((error: unknown) => error);
    const failedThere = await Promise.resolve().then(() => inWorker.getOverviewSeries(noDate)).catch((error: unknown) => error);
    expect(failedHere).toBeInstanceOf(Error);
    expect(failedThere).not.toBeInstanceOf(ApiError);
    expect(failedThere).toMatchObject({ message: failedHere instanceof Error ? failedHere.message : '' });
  });
});
