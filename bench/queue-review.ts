import { createRequire } from 'node:module';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type Server } from './ingest-load';

/**
 * Reviewing 20 calls by keyboard (issue 14), in Chromium against `callscope serve`, on two copies
 * of one store: in a review queue (20 at random from the unreviewed view; s / f alone, each verdict
 * opens the next unreviewed call) against today's flow without one (the "unreviewed" verdict filter;
 * s / f, then j to the next call, which is the next unreviewed one). Counts the keys pressed and
 * times, per call, from the verdict key to the next call's transcript on screen (the analyst's own
 * reading time is not in it: this is what the app adds). Setup (filter, starting the queue) is not
 * counted in either.
 */

type Keyboard = { press(key: string): Promise<void> };
type Page = {
  goto(url: string): Promise<unknown>;
  keyboard: Keyboard;
  waitForSelector(selector: string, options?: { timeout?: number; state?: 'attached' | 'visible' }): Promise<unknown>;
  waitForFunction<A>(fn: (arg: A) => boolean, arg: A, options?: { timeout?: number; polling?: number | 'raf' }): Promise<unknown>;
  selectOption(selector: string, value: string): Promise<unknown>;
  click(selector: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  check(selector: string): Promise<void>;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
};
type Browser = { newPage(): Promise<Page>; close(): Promise<void> };
type El = { getAttribute(name: string): string | null; textContent: string | null };
type Doc = { querySelector(selector: string): El | null };

export interface FlowFigures {
  calls: number;
  keys: number;
  keysPerCall: number;
  /** verdict key -> next call's transcript on screen, per call */
  msPerCall: number;
  p95Ms: number;
  totalMs: number;
}

export interface QueueReviewFigures {
  storeCalls: number;
  queue: FlowFigures;
  today: FlowFigures;
}

const REVIEWED = 20;
const STORE_CALLS = 200;

/** The open call's external id ('' while none is open or it is loading). */
const openCallSelector = 'section.call-view[aria-label^="Call "]';

function openCall(page: Page): Promise<string> {
  return page.evaluate((selector) => {
    const view = (globalThis as unknown as { document: Doc }).document.querySelector(selector);
    return view?.getAttribute('aria-label')?.slice('Call '.length) ?? '';
  }, openCallSelector);
}

/** Waits until a call other than `previous` is open with its transcript on screen; answers its id. */
async function nextCallShown(page: Page, previous: string): Promise<string> {
  await page.waitForFunction(
    ({ selector, previous: before }) => {
      const doc = (globalThis as unknown as { document: Doc }).document;
      const label = doc.querySelector(selector)?.getAttribute('aria-label') ?? '';
      return label !== '' && label !== `Call ${before}` && doc.querySelector('[aria-label="Transcript"] li') !== null;
    },
    { selector: openCallSelector, previous },
    { timeout: 30_000, polling: 'raf' },
  );
  return openCall(page);
}

/** Waits for the open call's verdict button to show the verdict given (what the analyst sees before moving on). */
async function verdictShown(page: Page, verdict: 'success' | 'failure'): Promise<void> {
  const name = verdict === 'success' ? 'Mark success' : 'Mark failure';
  await page.waitForFunction(
    (label) => {
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<El> } }).document;
      return [...doc.querySelectorAll('[aria-label="Review"] button')].some((b) => b.textContent === label && b.getAttribute('aria-pressed') === 'true');
    },
    name,
    { timeout: 30_000, polling: 'raf' },
  );
}

async function seedStore(server: Server): Promise<void> {
  for (let i = 0; i < STORE_CALLS; i++) {
    const gap = 400 + ((i * 7919) % 3200);
    const body = {
      id: `bench-queue-${i}`,
      startedAt: new Date(Date.UTC(2026, 3, 1) + i * 600_000).toISOString(),
      agent_id: `agent_${i % 8}`,
      messages: [
        { role: 'bot', content: 'Thanks for calling Acme, how can I help?', start_time: 0, end_time: 2400 },
        { role: 'user', content: `I want to change order ${1000 + i}, it has the wrong address.`, start_time: 3000, end_time: 6000 },
        { role: 'bot', content: 'Let me pull that order up for you.', start_time: 6000 + gap, end_time: 8000 + gap },
        { role: 'user', content: 'Thanks.', start_time: 9000 + gap, end_time: 9500 + gap },
        { role: 'bot', content: 'Done: the address is updated. Anything else?', start_time: 10_500 + gap, end_time: 13_000 + gap },
      ],
    };
    const response = await fetch(`http://127.0.0.1:${server.port}/api/v1/observability/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`seeding the store: ${response.status} ${await response.text()}`);
  }
}

function figures(perCallMs: number[], keys: number, totalMs: number): FlowFigures {
  const sorted = [...perCallMs].sort((a, b) => a - b);
  return {
    calls: perCallMs.length,
    keys,
    keysPerCall: keys / perCallMs.length,
    msPerCall: totalMs / perCallMs.length,
    p95Ms: sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] ?? Number.NaN,
    totalMs,
  };
}

const verdictFor = (i: number): 'success' | 'failure' => (i % 3 === 2 ? 'failure' : 'success');

/** In a queue: s / f only; each verdict opens the next unreviewed call of the queue. */
async function reviewInQueue(page: Page, url: string): Promise<FlowFigures> {
  await page.goto(url);
  await page.waitForSelector('table[aria-label="Calls"] tbody tr[data-call-id]', { timeout: 60_000 });
  await page.selectOption('select[aria-label="Verdict filter"]', 'unreviewed');
  await page.keyboard.press('q');
  await page.waitForSelector('dialog[aria-label="Start review queue"]');
  await page.check('dialog[aria-label="Start review queue"] input[value="random"]');
  await page.fill('dialog[aria-label="Start review queue"] input[aria-label="How many calls"]', String(REVIEWED));
  await page.click('dialog[aria-label="Start review queue"] button[type="submit"]');
  let current = await nextCallShown(page, '');
  const perCall: number[] = [];
  let keys = 0;
  const started = performance.now();
  for (let i = 0; i < REVIEWED; i++) {
    const at = performance.now();
    await page.keyboard.press(verdictFor(i) === 'success' ? 's' : 'f');
    keys++;
    if (i < REVIEWED - 1) current = await nextCallShown(page, current);
    else await page.waitForFunction((done) => ((globalThis as unknown as { document: Doc }).document.querySelector('.queue-status')?.textContent ?? '') === done, `All ${REVIEWED} reviewed`, { timeout: 30_000, polling: 'raf' });
    perCall.push(performance.now() - at);
  }
  return figures(perCall, keys, performance.now() - started);
}

/** Today: the "unreviewed" filter; s / f, then j (the call just marked leaves the filter, so j lands on the next unreviewed). */
async function reviewWithFilter(page: Page, url: string): Promise<FlowFigures> {
  await page.goto(url);
  await page.waitForSelector('table[aria-label="Calls"] tbody tr[data-call-id]', { timeout: 60_000 });
  await page.selectOption('select[aria-label="Verdict filter"]', 'unreviewed');
  await page.waitForSelector('table[aria-label="Calls"] tbody tr[data-call-id]');
  const perCall: number[] = [];
  let keys = 0;
  const started = performance.now();
  // the first j opens the first unreviewed call: part of the flow
  let at = performance.now();
  await page.keyboard.press('j');
  keys++;
  let current = await nextCallShown(page, '');
  for (let i = 0; i < REVIEWED; i++) {
    const verdict = verdictFor(i);
    await page.keyboard.press(verdict === 'success' ? 's' : 'f');
    keys++;
    await verdictShown(page, verdict);
    if (i < REVIEWED - 1) {
      await page.keyboard.press('j');
      keys++;
      current = await nextCallShown(page, current);
    }
    perCall.push(performance.now() - at);
    at = performance.now();
  }
  return figures(perCall, keys, performance.now() - started);
}

export async function benchQueueReview(cli: string): Promise<QueueReviewFigures> {
  // playwright-core is a development tool: loaded at run time, never bundled into the app.
  const { chromium } = createRequire(__filename)('playwright-core') as { chromium: { launch(options: object): Promise<Browser> } };
  const base = mkdtempSync(join(tmpdir(), 'callscope-bench-queue-'));
  const stores = { queue: join(base, 'queue'), today: join(base, 'today') };
  try {
    // one store, seeded once, then copied: both flows start from the same calls
    const seeding = await startServer(cli, stores.queue);
    try {
      await seedStore(seeding);
    } finally {
      await seeding.stop();
    }
    cpSync(stores.queue, stores.today, { recursive: true });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const run = async (dir: string, flow: (page: Page, url: string) => Promise<FlowFigures>) => {
        const server = await startServer(cli, dir);
        try {
          const page = await browser.newPage();
          await page.setViewportSize({ width: 1440, height: 900 });
          return await flow(page, server.openUrl);
        } finally {
          await server.stop();
        }
      };
      const today = await run(stores.today, reviewWithFilter);
      const queue = await run(stores.queue, reviewInQueue);
      return { storeCalls: STORE_CALLS, queue, today };
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
