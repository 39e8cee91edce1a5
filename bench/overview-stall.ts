import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OverviewHandlers } from '../src/core/api/contract';
import type { OverviewPeriod } from '../src/core/api/overview-contract';
import { normalizeAny } from '../src/core/formats/registry';
import { seededRandom } from '../src/core/compare/bootstrap';
import { nearestRank } from '../src/core/metrics/percentile';
import { createEventBus } from '../src/main/api/events';
import { createOverviewHandlers } from '../src/main/api/overview-handlers';
import { openDb, openReadOnlyDb } from '../src/main/store/db';
import { ingestCall } from '../src/main/store/ingest';
import { setVerdict } from '../src/main/store/calls';
import { createReadRunner } from '../src/main/reads/read-runner';
import { builtReadWorker, timedWithStall } from './main-thread-stall';
import { retellCallWithReplies } from '../test/support/retell-replies';

/**
 * `--only=overview-worker`: the Overview's refresh (all six reads at once, as the page asks them,
 * after a 'calls.changed' so nothing is kept) on a generated store of 50,000 calls over 90 days, in
 * the built read worker against on the main thread: each refresh's time and the main thread's
 * longest stall meanwhile (what the listener would wait). `--scale-dir=DIR` times the scale store
 * there instead (it is not built here: that takes 25 minutes at a million calls).
 */

export interface OverviewStallCase {
  name: string;
  calls: number;
  /** refresh time, p50 of the runs (ms) */
  workerP50: number;
  inlineP50: number;
  /** the main thread's longest stall over the runs (ms) */
  workerStallMs: number;
  inlineStallMs: number;
}

const DAY = 86_400_000;
const END = Date.UTC(2026, 10, 30);
const days = (n: number): OverviewPeriod => ({ start: new Date(END - n * DAY).toISOString(), end: new Date(END).toISOString() });

async function refreshOf(handlers: OverviewHandlers, filter: Record<string, never>, period: OverviewPeriod): Promise<number> {
  const input = { filter, period };
  const [tiles] = await Promise.all([
    handlers.getOverviewTiles(input),
    handlers.getOverviewHistogram({ ...input, scale: 'linear' }),
    handlers.getOverviewSeries(input),
    handlers.getOverviewEvaluatorSeries(input),
    handlers.getOverviewEndReasons(input),
    handlers.getOverviewAgents(input),
  ]);
  return tiles.current.calls;
}

/** A store of `total` generated calls over the 90 days before END, in `dbFile`. */
function generateStore(dbFile: string, total: number): void {
  const db = openDb(dbFile);
  try {
    const random = seededRandom(15);
    const store = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const gaps = Array.from({ length: 2 + Math.floor(random() * 8) }, () => Math.round(500 + 900 * random()));
        const body = retellCallWithReplies(`ov-${i}`, `agent-${i % 20}`, gaps, END - Math.floor(random() * 90 * DAY));
        const { call } = ingestCall(db, normalizeAny(body), { body: Buffer.from(JSON.stringify(body)), content_type: 'application/json', route: 'bench' });
        if (i % 4 === 0) setVerdict(db, call.id, random() < 0.8 ? 'success' : 'failure', new Date().toISOString());
      }
    });
    for (let i = 0; i < total; i += 1000) {
      store(i, Math.min(total, i + 1000));
      process.stderr.write(`  overview: stored ${Math.min(total, i + 1000)} calls\r`);
    }
    process.stderr.write('\n');
  } finally {
    db.close();
  }
}

/**
 * `scale` sizes the generated store; `dbFile` times an existing store instead (the scale store's,
 * `--scale-dir`: opened read-only, its periods end on 2026-11-30 like the generated one's).
 */
export async function benchOverviewStall(scale: number, { dbFile: given, runs = 5 }: { dbFile?: string; runs?: number } = {}): Promise<OverviewStallCase[]> {
  const dir = given ? null : mkdtempSync(join(tmpdir(), 'callscope-bench-overview-'));
  const dbFile = given ?? join(dir ?? '', 'callscope.db');
  if (!given) generateStore(dbFile, Math.round(50_000 * scale));
  const db = openReadOnlyDb(dbFile);
  const runner = createReadRunner(builtReadWorker(), { dbFile });
  try {
    const inlineEvents = createEventBus();
    const workerEvents = createEventBus();
    const inline = createOverviewHandlers({ db, events: inlineEvents });
    const inWorker = createOverviewHandlers({ db, events: workerEvents, runner });
    const timed = async (handlers: OverviewHandlers, events: typeof inlineEvents, period: OverviewPeriod) => {
      // before each refresh a new call arrives: nothing of the period is kept
      const runsOf = await timedWithStall(runs, () => refreshOf(handlers, {}, period), () => events.emit('calls.changed', { ids: [], change: 'created' }));
      return { calls: runsOf.last ?? 0, p50: nearestRank(runsOf.times, 0.5) ?? Number.NaN, stallMs: runsOf.stallMs };
    };
    const cases: OverviewStallCase[] = [];
    for (const [name, period] of [['last 30 days', days(30)], ['last 90 days', days(90)], ['all time', { start: null, end: null }]] as const) {
      const worker = await timed(inWorker, workerEvents, period);
      const here = await timed(inline, inlineEvents, period);
      cases.push({ name, calls: here.calls, workerP50: worker.p50, inlineP50: here.p50, workerStallMs: worker.stallMs, inlineStallMs: here.stallMs });
    }
    return cases;
  } finally {
    await runner.close();
    db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
