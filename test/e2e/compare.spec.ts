import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { expect, test, type ServeProcess } from './serve-fixture';
import { ComparePage } from './pages/compare-page';
import { CallsPage } from './pages/calls-page';
import { retellCallWithReplies } from '../support/retell-replies';

/**
 * Issue 15, Compare two sets: two generated agent versions whose calls are the same but for B's
 * replies, each 300 ms slower. The page shows the difference with an interval covering 300, the
 * calls behind it one click away; `callscope compare` exits 1 past a threshold and 0 within it.
 */

const SHIFT_MS = 300;
const PER_AGENT = 30;
const bin = join(__dirname, '../../bin/callscope');

/** call i's reply gaps: its own pace, so calls vary more than the replies within one */
const gapsOf = (i: number) => [450 + ((i * 37) % 400), 600 + ((i * 53) % 500), 500 + ((i * 71) % 300)];

async function seed(request: APIRequestContext, serve: ServeProcess): Promise<void> {
  const headers = { 'X-API-KEY': serve.apiKey, 'content-type': 'application/json' };
  const start = Date.now() - 3600_000;
  for (let i = 0; i < PER_AGENT; i++) {
    for (const [agent, shift] of [['sales-v1', 0], ['sales-v2', SHIFT_MS]] as const) {
      const body = { event: 'call_analyzed', call: retellCallWithReplies(`${agent}-${i}`, agent, gapsOf(i).map((g) => g + shift), start + i * 60_000) };
      const response = await request.post(`${serve.baseUrl}/webhooks/retell`, { headers, data: body });
      expect(response.ok(), await response.text()).toBe(true);
    }
  }
}

test.describe.configure({ timeout: 90_000 });

test('B 300 ms slower per reply: the interval covers 300, the calls behind it one click away', async ({ page, serve }) => {
  await seed(page.request, serve);
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  await expect(page.locator('.topbar .count')).toHaveText(`${2 * PER_AGENT} calls`);

  const compare = new ComparePage(page);
  await compare.open();
  await compare.filterText('A').fill('agent=sales-v1');
  // a bad part is named as it is typed, and Compare waits for it to be fixed
  await compare.filterText('B').fill('agent=sales-v2 p90=fast');
  await expect(compare.help('B')).toHaveText('"p90=fast": compare p90 with >, >=, < or <=');
  await expect(compare.filterText('B')).toHaveAttribute('aria-invalid', 'true');
  await expect(compare.run).toBeDisabled();
  await compare.filterText('B').fill('agent=sales-v2');
  await compare.run.click();

  const p90 = compare.tile('Reply latency p90');
  await expect(compare.value('Reply latency p90', 'B − A')).toContainText('+300 ms');
  for (const figure of ['Reply latency p50', 'Reply latency p90', 'Reply latency p95']) {
    const [low, high] = await compare.interval(figure);
    expect(low, figure).toBeLessThanOrEqual(SHIFT_MS);
    expect(high, figure).toBeGreaterThanOrEqual(SHIFT_MS);
    expect(low, `${figure}: the interval excludes 0`).toBeGreaterThan(0);
    await expect(compare.tile(figure)).toContainText('B worse');
  }
  await expect(compare.value('Calls', 'A')).toHaveText(String(PER_AGENT));
  await expect(compare.value('Calls', 'B')).toHaveText(String(PER_AGENT));
  await expect(compare.status).toContainText('1,000 resamples of calls, seed 1');
  await expect(compare.plot.getByRole('img', { name: 'Overlaid reply latency distributions of A and B' }).locator('canvas')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/compare.png' });

  // the plot as a table: every reply of each set in some bin
  await compare.plot.getByRole('button', { name: 'Show as table' }).click();
  const table = compare.plot.getByRole('table', { name: 'Reply latency distribution' });
  await expect(table).toBeVisible();
  const counts = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [Number(row.children[1]?.textContent), Number(row.children[3]?.textContent)]));
  expect(counts.reduce((s, [a]) => s + (a ?? 0), 0)).toBe(3 * PER_AGENT);
  expect(counts.reduce((s, [, b]) => s + (b ?? 0), 0)).toBe(3 * PER_AGENT);

  // the calls that drive the p90 difference: B's, the slowest first
  await p90.getByRole('button', { name: 'Show the calls' }).click();
  await expect(page.locator('.topbar .count')).toHaveText(`${PER_AGENT} of ${2 * PER_AGENT} calls`);
  await expect(calls.table.getByRole('row').nth(1)).toContainText('sales-v2');
  await expect(calls.table.getByRole('columnheader', { name: /p90/i })).toHaveAttribute('aria-sort', 'descending');

  // back on Compare (Ctrl+3), the comparison is still there
  await page.keyboard.press('Control+3');
  await expect(compare.value('Reply latency p90', 'B − A')).toContainText('+300 ms');
  await expect(compare.filterText('B')).toHaveValue('agent=sales-v2');
});

test('callscope compare exits 1 past a threshold and 0 within it, beside the running server', async ({ page, serve }) => {
  await seed(page.request, serve);
  const compare = (...fail: string[]) =>
    spawnSync(process.execPath, [bin, 'compare', '--data-dir', serve.dataDir, '--a', 'agent=sales-v1', '--b', 'agent=sales-v2', '--json', '--resamples', '200', ...fail.flatMap((f) => ['--fail-on', f])], { encoding: 'utf8' });
  const crossed = compare('latency_p90_ms:+200');
  expect(crossed.status, crossed.stderr).toBe(1);
  expect(JSON.parse(crossed.stdout)).toMatchObject({ failed: true, thresholds: [{ threshold: 'latency_p90_ms:+200', observed: SHIFT_MS, crossed: true }] });
  const within = compare('latency_p90_ms:+400', 'latency_p50_ms:-10%');
  expect(within.status, within.stderr).toBe(0);
  expect(JSON.parse(within.stdout)).toMatchObject({ failed: false });
});
