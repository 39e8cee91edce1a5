import type { APIRequestContext } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { expect, test, type ServeProcess } from './serve-fixture';
import { CallsPage } from './pages/calls-page';
import { OverviewPage } from './pages/overview-page';

/**
 * Issue 15: the Overview on a generated set whose figures the test works out itself: the tiles, a
 * histogram bar whose click lists exactly its calls, Show as table, the per-agent table, Ctrl+1.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.now();

interface Known {
  id: string;
  agent: string;
  /** started this long ago */
  agoMs: number;
  ttfwMs: number;
  gapsMs: number[];
  verdict: 'success' | 'failure' | null;
}

/** 18 calls over the last 45 days: 30 days hold 12 of them; three agents; replies 300-2,900 ms. */
const known: Known[] = Array.from({ length: 18 }, (_, i) => ({
  id: `ov-${i}`,
  agent: `agent_${i % 3}`,
  agoMs: (i * 2.5 + 0.5) * DAY,
  ttfwMs: 500 + ((i * 170) % 900),
  gapsMs: Array.from({ length: 1 + (i % 3) }, (_, k) => 300 + ((i * 410 + k * 730) % 2600)),
  verdict: i % 4 === 0 ? 'failure' : i % 3 === 0 ? 'success' : null,
}));

function retellBody(call: Known) {
  const start = now - call.agoMs;
  const words = (content: string, fromMs: number, toMs: number) => ({ content, words: [{ word: content.split(' ')[0], start: fromMs / 1000, end: toMs / 1000 }] });
  const transcript = [{ role: 'agent', ...words('Hello, how can I help?', call.ttfwMs, call.ttfwMs + 1000) }];
  let at = call.ttfwMs + 1000;
  for (const gap of call.gapsMs) {
    transcript.push({ role: 'user', ...words('I have a question about my bill.', at + 300, at + 2300) });
    at += 2300 + gap;
    transcript.push({ role: 'agent', ...words('Sure, let me look at that.', at, at + 1500) });
    at += 1500;
  }
  return {
    event: 'call_analyzed',
    call: {
      call_type: 'phone_call', call_id: call.id, agent_id: call.agent, start_timestamp: start, end_timestamp: start + at + 1000, duration_ms: at + 1000,
      disconnection_reason: 'user_hangup', transcript_object: transcript,
    },
  };
}

async function seed(request: APIRequestContext, serve: ServeProcess, calls: Known[] = known): Promise<void> {
  const headers = { 'X-API-KEY': serve.apiKey, 'content-type': 'application/json' };
  for (const call of calls) {
    const response = await request.post(`${serve.baseUrl}/webhooks/retell`, { headers, data: retellBody(call) });
    expect(response.ok(), await response.text()).toBe(true);
  }
  for (const call of calls.filter((c) => c.verdict)) {
    const response = await request.put(`${serve.baseUrl}/api/v1/calls/${call.id}/review`, { headers, data: { verdict: call.verdict } });
    expect(response.status()).toBe(200);
  }
}

/** Nearest rank, METRICS §7: x[ceil(p*n)] of the sorted values, 1-based. */
function nearestRank(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1] ?? null;
}

test.describe.configure({ timeout: 90_000 });

test('tiles equal the figures worked out from the calls, a bar lists exactly its calls, plots show as tables, Ctrl+1', async ({ page, serve }) => {
  await seed(page.request, serve);
  await page.setViewportSize({ width: 1440, height: 900 });
  const calls = new CallsPage(page);
  const overview = new OverviewPage(page);
  await calls.open(serve.openUrl);
  await expect(page.locator('.topbar .count')).toHaveText(`${known.length} calls`);

  await page.keyboard.press('Control+1');
  await expect(overview.main).toBeVisible();
  await expect(overview.period('Last 30 days')).toHaveAttribute('aria-pressed', 'true');

  // the last 30 days, worked out from the calls as generated
  const inPeriod = known.filter((c) => c.agoMs < 30 * DAY);
  const before = known.filter((c) => c.agoMs >= 30 * DAY && c.agoMs < 60 * DAY);
  const replies = inPeriod.flatMap((c) => c.gapsMs);
  const reviewed = inPeriod.filter((c) => c.verdict);
  await expect.poll(() => overview.tileValue('Calls')).toBe(inPeriod.length);
  expect(await overview.tileValue('Reviewed')).toBeCloseTo(reviewed.length / inPeriod.length, 10);
  expect(await overview.tileValue('Success (manual)')).toBeCloseTo(reviewed.filter((c) => c.verdict === 'success').length / reviewed.length, 10);
  expect(await overview.tileValue('Failure (manual)')).toBeCloseTo(reviewed.filter((c) => c.verdict === 'failure').length / reviewed.length, 10);
  expect(await overview.tileValue('Reply latency p50')).toBe(nearestRank(replies, 0.5));
  expect(await overview.tileValue('Reply latency p90')).toBe(nearestRank(replies, 0.9));
  expect(await overview.tileValue('Time to first word')).toBe(nearestRank(inPeriod.map((c) => c.ttfwMs), 0.5));
  expect(await overview.tileValue('Interruptions per call')).toBe(0);
  // no evaluator has run: nothing to measure, shown as "—", never 0
  expect(await overview.tileValue('Evaluator pass rate')).toBeNull();
  await expect(overview.tile('Evaluator pass rate')).toContainText('—');
  // the change against the 30 days before
  const change = Math.round(((inPeriod.length - before.length) / before.length) * 100);
  await expect(overview.tile('Calls')).toContainText(`${change > 0 ? '+' : ''}${change}%`);

  // the histogram: its bars hold every reply; the biggest bar's click lists exactly its calls
  await expect(overview.histogram).toContainText(`${replies.length} replies`);
  const bars = overview.bars();
  await expect.poll(() => bars.count()).toBeGreaterThan(1);
  const counts = await bars.evaluateAll((buttons) => buttons.map((b) => Number(b.getAttribute('data-calls'))));
  const biggest = counts.indexOf(Math.max(...counts));
  const bar = bars.nth(biggest);
  const name = (await bar.getAttribute('aria-label')) ?? '';
  const [, lo, hi] = /Replies ([\d,]+)–([\d,]+) ms/.exec(name) ?? [];
  const barCalls = inPeriod.filter((c) => c.gapsMs.some((ms) => ms >= Number(lo?.replace(',', '')) && ms < Number(hi?.replace(',', '')))).length;
  expect(counts[biggest]).toBe(barCalls);

  mkdirSync('test-results/screens', { recursive: true });
  await page.screenshot({ path: 'test-results/screens/overview.png', fullPage: false });

  await bar.click({ force: true });
  await expect(calls.table).toBeVisible();
  await expect(page.locator('.topbar .count')).toHaveText(`${barCalls} of ${known.length} calls`);
  await expect.poll(() => calls.statedRowCount()).toBe(barCalls);
  await expect(page.getByRole('status', { name: 'Filter origin' })).toContainText(`From Overview: replies ${lo}–${hi} ms, last 30 days`);
  await expect(page.getByRole('list', { name: 'Applied filters' })).toContainText(`A reply: ${lo}–${hi} ms`);
  // clearing goes back to the filter the Overview showed
  await page.getByRole('status', { name: 'Filter origin' }).getByRole('button', { name: 'Clear this filter' }).click();
  await expect(page.locator('.topbar .count')).toHaveText(`${known.length} calls`);

  // back on the Overview: log-spaced bars hold the same replies
  await page.keyboard.press('Control+1');
  await overview.histogram.getByRole('checkbox', { name: 'Log scale' }).check();
  // log bars start at 100, 126, 158, 200, 251, ... ms: some lower ends are not 50 ms steps
  const lowerEnds = async () => (await bars.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''))).map((n) => Number(/^Replies ([\d,]+)/.exec(n)?.[1]?.replace(',', '')));
  await expect.poll(async () => (await lowerEnds()).some((ms) => ms % 50 !== 0)).toBe(true);
  await overview.histogram.getByRole('checkbox', { name: 'Log scale' }).uncheck();
  // Show as table gives a real table with the same figures
  await overview.showAsTable(overview.histogram).click();
  const table = overview.histogram.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(`^${lo}–${hi} ms`) })).toContainText(String(barCalls));

  // the agent table sorts
  const agentCells = overview.agents.getByRole('row').locator('td:first-child');
  await expect(agentCells).toHaveCount(3);
  await overview.agents.getByRole('button', { name: 'Agent', exact: true }).click();
  const sorted = await agentCells.allTextContents();
  expect([...sorted].sort()).toEqual(sorted);
  await overview.agents.getByRole('button', { name: 'Agent', exact: true }).click();
  expect(await agentCells.allTextContents()).toEqual([...sorted].reverse());

  // every plot is a figure with an accessible name and a table
  for (const title of ['Agent reply latency distribution', 'Reply latency p50 / p90 by day', 'Interruptions per call by day', 'End reasons']) {
    await expect(overview.main.getByRole('figure', { name: title })).toBeVisible();
  }
  // an end reason's bar lists its calls; "Back to Overview" returns to the Overview as it was
  await overview.main.getByRole('figure', { name: 'End reasons' }).getByRole('button', { name: `user_hangup: ${inPeriod.length} calls` }).click();
  await expect(page.locator('.topbar .count')).toHaveText(`${inPeriod.length} of ${known.length} calls`);
  const origin = page.getByRole('status', { name: 'Filter origin' });
  await expect(origin).toContainText('From Overview: end reason user_hangup, last 30 days');
  await origin.getByRole('button', { name: 'Back to Overview' }).click();
  await expect.poll(() => overview.tileValue('Calls')).toBe(inPeriod.length);
  await expect(overview.main.getByRole('list', { name: 'Applied filters' })).toHaveCount(0);

  // an agent's row lists that agent's calls of the period
  await overview.agents.getByRole('button', { name: 'agent_1', exact: true }).click();
  await expect(page.locator('.topbar .count')).toHaveText(`${inPeriod.filter((c) => c.agent === 'agent_1').length} of ${known.length} calls`);
  await page.getByRole('status', { name: 'Filter origin' }).getByRole('button', { name: 'Back to Overview' }).click();

  // a shorter period changes the figures
  await overview.period('Last 7 days').click();
  const lastWeek = known.filter((c) => c.agoMs < 7 * DAY).length;
  await expect.poll(() => overview.tileValue('Calls')).toBe(lastWeek);
  // a call arriving shows within seconds
  await seed(page.request, serve, [{ id: 'ov-new', agent: 'agent_0', agoMs: HOUR, ttfwMs: 600, gapsMs: [700], verdict: null }]);
  await expect.poll(() => overview.tileValue('Calls'), { timeout: 20_000 }).toBe(lastWeek + 1);
});
