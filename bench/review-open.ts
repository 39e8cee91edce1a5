import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { startServer } from './ingest-load';

/**
 * Time from clicking a call in the list to an interactive waveform, for a long stereo recording,
 * in Chromium against `callscope serve` — against decoding the same audio in the browser (what a
 * waveform without precomputed peaks has to do first).
 */
type Browser = { newPage(): Promise<Page>; close(): Promise<void> };
type Page = {
  goto(url: string): Promise<unknown>;
  click(selector: string): Promise<void>;
  waitForSelector(selector: string, options?: { timeout?: number }): Promise<unknown>;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
};

function send(port: number, apiKey: string, path: string, body: Buffer | string, type: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'x-api-key': apiKey, 'content-type': type, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface OpenFigures {
  withPeaksMs: number;
  decodeInBrowserMs: number | null;
  decodeError: string | null;
}

export async function benchReviewOpen(cli: string, wavPath: string): Promise<OpenFigures> {
  // playwright-core is a development tool: loaded at run time, never bundled into the app.
  const { chromium } = createRequire(__filename)('playwright-core') as { chromium: { launch(options: object): Promise<Browser> } };
  const server = await startServer(cli);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    await send(server.port, server.apiKey, '/api/v1/observability/calls', JSON.stringify({ id: 'long-review', messages: [{ role: 'bot', content: 'Hello' }] }), 'application/json');
    await send(server.port, server.apiKey, '/api/v1/recordings?filename=long-review.wav', readFileSync(wavPath), 'application/octet-stream');
    const page = await browser.newPage();
    await page.goto(server.openUrl);
    await page.waitForSelector('tr[data-call-id]');
    // wait for the analysis (the recording's peaks) before timing the open
    await page.evaluate(async () => {
      for (;;) {
        const response = await fetch('/rpc/listCalls', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        const page1: { rows: { id: number }[] } = await response.json();
        const id = page1.rows[0]?.id;
        const metrics = await (await fetch('/rpc/getCallMetrics', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id }) })).json();
        if (metrics.audio?.status === 'done') return;
        await new Promise((r) => setTimeout(r, 100));
      }
    }, null);
    const started = Date.now();
    await page.click('tr[data-call-id]');
    await page.waitForSelector('section[aria-label="Waveform"][data-status="ready"]', { timeout: 60_000 });
    const withPeaksMs = Date.now() - started;
    const decode = await page.evaluate(async () => {
      const t0 = performance.now();
      try {
        const listed: { rows: { id: number }[] } = await (await fetch('/rpc/listCalls', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
        const bytes = await (await fetch(`/media/calls/${listed.rows[0]?.id}/audio`)).arrayBuffer();
        // runs in the page: the browser's own decoder, as a waveform without peaks must use
        const Context = (globalThis as unknown as { OfflineAudioContext: new (channels: number, length: number, rate: number) => { decodeAudioData(data: ArrayBuffer): Promise<unknown> } }).OfflineAudioContext;
        await new Context(2, 16000, 16000).decodeAudioData(bytes);
        return { ms: performance.now() - t0, error: null };
      } catch (error) {
        return { ms: null, error: String(error) };
      }
    }, null);
    return { withPeaksMs, decodeInBrowserMs: decode.ms, decodeError: decode.error };
  } finally {
    await browser.close();
    await server.stop();
  }
}
