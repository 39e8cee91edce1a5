import { expect, startServe, test, type ServeProcess } from './serve-fixture';
import { CallsPage } from './pages/calls-page';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildWhenStale } from '../support/build-when-stale';

/**
 * The Calls screen costs the same on a big store as on a small one (issue 18): two stores built
 * through the real importer (kept between runs, in $CALLSCOPE_SCALE_DIR or ~/.cache/callscope),
 * the same screen opened on each, the page's heap compared after the first rows, a jump to the
 * middle and a jump to the end.
 */
const SMALL = 2_000;
const LARGE = 100_000;

/** The data folder of an N-call generated store, built by the bench's builder (built here when stale). */
function ensureScaleStore(calls: number): { dataDir: string } {
  buildWhenStale({ config: 'bench/electron.vite.config.ts', output: 'out/bench/index.js', sources: ['bench', 'src/main', 'src/core', 'test/support'] });
  const out = execFileSync(process.execPath, [join(__dirname, '../../out/bench/index.js'), `--scale-store=${calls}`], { encoding: 'utf8', timeout: 14 * 60_000 });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
}

async function heapsOn(calls: CallsPage, serve: ServeProcess, total: number): Promise<number[]> {
  await calls.open(serve.openUrl);
  await expect(calls.callRows().first()).toBeVisible();
  await expect.poll(() => calls.statedRowCount()).toBe(total);
  const heaps = [await calls.heapMb()];
  for (const fraction of [0.5, 1]) {
    await calls.jumpTo(fraction);
    // the rows there arrive by position, without the pages before them
    await expect.poll(async () => Math.abs((await calls.loadedRowRange())[0] - fraction * total), { timeout: 15_000 }).toBeLessThan(100);
    heaps.push(await calls.heapMb());
  }
  expect((await calls.loadedRowRange())[1]).toBe(total - 1);
  return heaps;
}

test('the heap does not grow with the store: 2,000 calls and 100,000 cost the same', async ({ page }) => {
  test.setTimeout(15 * 60_000); // a first run builds the stores (minutes); later runs reuse them
  const small = ensureScaleStore(SMALL);
  const large = ensureScaleStore(LARGE);
  const calls = new CallsPage(page);

  const smallServe = await startServe(small.dataDir);
  const smallHeaps = await heapsOn(calls, smallServe, SMALL).finally(() => smallServe.stop());
  const largeServe = await startServe(large.dataDir);
  const largeHeaps = await heapsOn(calls, largeServe, LARGE).finally(() => largeServe.stop());

  // A row object per call would cost tens of MB at 100,000 calls; a window costs the same at any size.
  largeHeaps.forEach((heap, i) => {
    expect(heap, `heap at step ${i}: ${largeHeaps.join(', ')} MB vs ${smallHeaps.join(', ')} MB`).toBeLessThan((smallHeaps[i] ?? 0) + 8);
    expect(heap).toBeLessThan(300);
  });
  test.info().annotations.push({ type: 'heaps (MB)', description: `100,000 calls: ${largeHeaps.map((h) => h.toFixed(1)).join(' / ')}; 2,000: ${smallHeaps.map((h) => h.toFixed(1)).join(' / ')}` });
  process.stdout.write(`scale-memory: ${test.info().annotations.at(-1)?.description}\n`);
});
