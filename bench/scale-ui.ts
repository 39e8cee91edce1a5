import { createRequire } from 'node:module';
import { startServer } from './ingest-load';

/**
 * The Calls screen on a large store (issue 18), in Chromium against `callscope serve`: time from
 * opening the URL to the first rows, the page's JS heap then and after jumping (dragging the
 * scrollbar) to the middle and to the end, and how long the rows there take to show.
 */
type Page = {
  goto(url: string): Promise<unknown>;
  waitForSelector(selector: string, options?: { timeout?: number }): Promise<unknown>;
  waitForFunction<A>(fn: (arg: A) => boolean, arg: A, options?: { timeout?: number; polling?: number | 'raf' }): Promise<unknown>;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  context(): { newCDPSession(page: Page): Promise<{ send(method: string, params?: object): Promise<{ usedSize?: number }> }> };
};
type Browser = { newPage(): Promise<Page>; close(): Promise<void> };

export interface ScaleUiFigures {
  calls: number;
  firstRowsMs: number;
  heapFirstRowsMb: number;
  jumpMiddleMs: number;
  heapMiddleMb: number;
  jumpEndMs: number;
  heapEndMb: number;
  /** the aria-rowindex of the first call row after the jump to the end (proves it reached the end) */
  lastRowIndex: number;
}

/** The little of the DOM the page functions use (this file compiles without the DOM library). */
type El = { scrollTop: number; scrollHeight: number; clientHeight: number; getAttribute(name: string): string | null; hasAttribute(name: string): boolean };
type Doc = { querySelector(selector: string): El | null; querySelectorAll(selector: string): Iterable<El> };

const listedRow = 'table[aria-label="Calls"] tbody tr[data-call-id]';

/** Jumps the list's scrollbar to `fraction` of its range and waits for real rows (not "Loading…") there. */
async function jump(page: Page, fraction: number): Promise<number> {
  const started = Date.now();
  await page.evaluate((f) => {
    const list = (globalThis as unknown as { document: Doc }).document.querySelector('.call-list');
    if (!list) throw new Error('no call list');
    list.scrollTop = f * (list.scrollHeight - list.clientHeight);
  }, fraction);
  await page.waitForFunction(
    (f) => {
      const list = (globalThis as unknown as { document: Doc }).document.querySelector('.call-list');
      const rows = [...(globalThis as unknown as { document: Doc }).document.querySelectorAll('table[aria-label="Calls"] tbody tr[aria-rowindex]')];
      const total = Number((globalThis as unknown as { document: Doc }).document.querySelector('table[aria-label="Calls"]')?.getAttribute('aria-rowcount') ?? 0) - 1;
      const first = Number(rows[0]?.getAttribute('aria-rowindex') ?? 0) - 2;
      // rows near the target position, every one of them loaded
      return !!list && rows.length > 0 && Math.abs(first - f * total) < 200 && rows.every((r) => r.hasAttribute('data-call-id'));
    },
    fraction,
    { timeout: 30_000, polling: 'raf' },
  );
  return Date.now() - started;
}

async function heapMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize = 0 } = await session.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

export async function benchScaleUi(cli: string, dataDir: string, calls: number): Promise<ScaleUiFigures> {
  const { chromium } = createRequire(__filename)('playwright-core') as { chromium: { launch(options: object): Promise<Browser> } };
  const server = await startServer(cli, dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    const started = Date.now();
    await page.goto(server.openUrl);
    await page.waitForSelector(listedRow, { timeout: 120_000 });
    const firstRowsMs = Date.now() - started;
    const heapFirstRowsMb = await heapMb(page);
    const jumpMiddleMs = await jump(page, 0.5);
    const heapMiddleMb = await heapMb(page);
    const jumpEndMs = await jump(page, 1);
    const heapEndMb = await heapMb(page);
    const lastRowIndex = await page.evaluate(() => {
      const rows = [...(globalThis as unknown as { document: Doc }).document.querySelectorAll('table[aria-label="Calls"] tbody tr[data-call-id]')];
      return Number(rows.at(-1)?.getAttribute('aria-rowindex') ?? 0);
    }, null);
    return { calls, firstRowsMs, heapFirstRowsMb, jumpMiddleMs, heapMiddleMb, jumpEndMs, heapEndMb, lastRowIndex };
  } finally {
    await browser.close();
    await server.stop();
  }
}
