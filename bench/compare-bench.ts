import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeAny } from '../src/core/formats/registry';
import { seededRandom } from '../src/core/compare/bootstrap';
import { nearestRank } from '../src/core/metrics/percentile';
import { openDb } from '../src/main/store/db';
import { ingestCall } from '../src/main/store/ingest';
import { setVerdict } from '../src/main/store/calls';
import { retellCallWithReplies } from '../test/support/retell-replies';
import { compareOnStore } from '../src/main/api/compare-handlers';
import { createReadRunner } from '../src/main/reads/read-runner';
import { builtReadWorker, timedWithStall } from './main-thread-stall';
import { readCallFacts } from '../src/main/store/compare-sets';

/**
 * `--only=compare`: Compare of 10,000 vs 10,000 stored calls (two agent versions, B's replies 150 ms
 * slower) with 1,000 bootstrap resamples, as the app runs it (compareSets in the built read
 * worker: the store read, the bootstrap, the distributions), and how long the main thread stalled
 * meanwhile (what the listener would wait), against the same run on the main thread. Goal: < 2 s.
 */

export interface CompareBench {
  callsPerSet: number;
  replies: number;
  resamples: number;
  runs: number[];
  /** of a run: reading both sets from the store (the rest is the bootstrap) */
  readMs: number;
  p50: number;
  p95: number;
  /** the main thread's longest stall over the runs in the worker (ms) */
  stallMs: number;
  /** the same on the main thread (the bootstrap yielding every 25 resamples): p50 of 3 runs and the longest stall */
  inlineP50: number;
  inlineStallMs: number;
  /** the 150 ms shift's p90 difference and interval, as a sanity check of what was timed */
  p90Diff: number | null;
  p90Interval: [number, number] | null;
}

export async function benchCompare(scale: number): Promise<CompareBench> {
  const perSet = Math.round(10_000 * scale);
  const dir = mkdtempSync(join(tmpdir(), 'callscope-bench-compare-'));
  const db = openDb(join(dir, 'callscope.db'));
  try {
    const random = seededRandom(15);
    let replies = 0;
    const start = Date.UTC(2026, 10, 1);
    const store = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const pace = 500 + 600 * random();
        const gaps = Array.from({ length: 2 + Math.floor(random() * 8) }, () => Math.round(pace + 400 * random()));
        for (const [agent, shift] of [['sales-v1', 0], ['sales-v2', 150]] as const) {
          const body = retellCallWithReplies(`${agent}-${i}`, agent, gaps.map((g) => g + shift), start + i * 1000);
          const { call } = ingestCall(db, normalizeAny(body), { body: Buffer.from(JSON.stringify(body)), content_type: 'application/json', route: 'bench' });
          if (i % 4 === 0) setVerdict(db, call.id, random() < 0.8 ? 'success' : 'failure', new Date().toISOString());
          replies += gaps.length;
        }
      }
    });
    for (let i = 0; i < perSet; i += 1000) {
      store(i, Math.min(perSet, i + 1000));
      process.stderr.write(`  compare: stored ${Math.min(perSet, i + 1000) * 2} calls\r`);
    }
    process.stderr.write('\n');
    const input = { a: { text: 'agent=sales-v1' }, b: { text: 'agent=sales-v2' }, resamples: 1000, seed: 1 };
    const runner = createReadRunner(builtReadWorker(), { dbFile: join(dir, 'callscope.db') });
    const app = await timedWithStall(7, (run) => runner.run('compareSets', { ...input, seed: run + 1 }));
    await runner.close();
    const inline = await timedWithStall(3, (run) => compareOnStore(db, { ...input, seed: run + 1 }));
    const runs = app.times;
    const last = app.last;
    const read = performance.now();
    readCallFacts(db, { agent_id: 'sales-v1' });
    readCallFacts(db, { agent_id: 'sales-v2' });
    const readMs = performance.now() - read;
    const p90 = last?.differences.find((d) => d.figure === 'latency_p90_ms');
    return {
      callsPerSet: perSet,
      replies,
      resamples: 1000,
      runs,
      readMs,
      stallMs: app.stallMs,
      inlineP50: nearestRank(inline.times, 0.5) ?? Number.NaN,
      inlineStallMs: inline.stallMs,
      p50: nearestRank(runs, 0.5) ?? Number.NaN,
      p95: nearestRank(runs, 0.95) ?? Number.NaN,
      p90Diff: p90?.diff ?? null,
      p90Interval: p90?.interval ?? null,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
