import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './serve-fixture';
import type { ServeProcess } from './serve-fixture';
import { CallsPage } from './pages/calls-page';
import { FilterBar, SavedViewsSidebar } from './pages/filters-page';

/**
 * Issue 14: every filter and every form of search on a small generated set whose answers the test
 * works out itself, chips that remove what they show, and saved views (count, filter and sort after
 * a reload, delete with Undo, the sidebar hidden and shown).
 */

const two = (n: number) => String(n).padStart(2, '0');
const localDay = (d: Date) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
const now = new Date();
/** local noon, `daysAgo` days back: every call sits well inside its day */
const noon = (daysAgo: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo, 12);
const dayOf = (daysAgo: number) => localDay(noon(daysAgo));

/** The generated calls, as the test knows them. */
interface Known {
  id: string;
  agent: string;
  endReason: string;
  platform: 'retell' | 'vapi';
  daysAgo: number;
  durationS: number;
  /** the caller's number as posted */
  from: string | null;
  words: string;
  /** the agent's reply gap, ms: the call's p50 / p90 latency */
  gapMs: number;
  tags: string[];
  verdict: 'success' | 'failure' | null;
}

const RETELL_CALLS = 24;
const known: Known[] = [
  ...Array.from({ length: RETELL_CALLS }, (_, i): Known => ({
    id: `f-${i}`,
    agent: `agent_${i % 3}`,
    endReason: i % 4 === 0 ? 'voicemail_reached' : 'user_hangup',
    platform: 'retell',
    daysAgo: i,
    durationS: 30 + 10 * i,
    from: `+1 415-555-${1000 + i}`,
    words: i % 5 === 0 ? 'I need a refund for my order' : 'Where is my parcel today',
    gapMs: i % 2 === 0 ? 600 : 2500,
    tags: [...(i % 6 === 0 ? ['billing'] : []), ...(i % 4 === 0 ? ['urgent'] : [])],
    verdict: i === 1 ? 'success' : i === 2 || i === 4 ? 'failure' : null,
  })),
  // one Vapi call: another platform, agent and end reason, 40 days ago, 45 s, no number
  { id: 'v-1', agent: 'agent_vapi', endReason: 'customer-ended-call', platform: 'vapi', daysAgo: 40, durationS: 45, from: null, words: 'Can I book a table', gapMs: 400, tags: [], verdict: null },
];
const TOTAL = known.length;

function retellBody(call: Known) {
  const start = noon(call.daysAgo).getTime();
  const gap = call.gapMs / 1000;
  return {
    event: 'call_analyzed',
    call: {
      call_type: 'phone_call', call_id: call.id, agent_id: call.agent, direction: 'inbound', from_number: call.from, to_number: '+1 212-555-0100',
      start_timestamp: start, end_timestamp: start + call.durationS * 1000, duration_ms: call.durationS * 1000, disconnection_reason: call.endReason,
      transcript_object: [
        { role: 'agent', content: 'Thanks for calling Acme.', words: [{ word: 'Thanks', start: 0, end: 1 }] },
        { role: 'user', content: call.words, words: [{ word: 'I', start: 1.5, end: 3 }] },
        { role: 'agent', content: 'Let me check that for you.', words: [{ word: 'Let', start: 3 + gap, end: 4 + gap }] },
      ],
    },
  };
}

function vapiBody(call: Known) {
  const start = noon(call.daysAgo).getTime();
  const at = (s: number) => start + s * 1000;
  return {
    message: {
      type: 'end-of-call-report', endedReason: call.endReason, startedAt: new Date(start).toISOString(), endedAt: new Date(at(call.durationS)).toISOString(),
      call: { id: call.id, type: 'webCall', assistantId: call.agent },
      artifact: {
        messages: [
          { role: 'bot', message: 'Welcome to the bistro.', time: at(0), endTime: at(2), secondsFromStart: 0 },
          { role: 'user', message: call.words, time: at(2.5), endTime: at(4), secondsFromStart: 2.5 },
          { role: 'bot', message: 'Of course, for when?', time: at(4 + call.gapMs / 1000), endTime: at(6), secondsFromStart: 4 + call.gapMs / 1000 },
        ],
      },
    },
  };
}

async function rpc<T>(request: APIRequestContext, serve: ServeProcess, method: string, input: unknown): Promise<T> {
  const response = await request.post(`${serve.baseUrl}/rpc/${method}`, { headers: { 'X-API-KEY': serve.apiKey }, data: input });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

/** Posts the calls the way the platforms would, then tags and marks them through the API; answers each call's stored id. */
async function seed(request: APIRequestContext, serve: ServeProcess): Promise<Map<string, number>> {
  const headers = { 'X-API-KEY': serve.apiKey, 'content-type': 'application/json' };
  for (const call of known) {
    const response = await request.post(`${serve.baseUrl}/webhooks/${call.platform}`, { headers, data: call.platform === 'retell' ? retellBody(call) : vapiBody(call) });
    expect(response.ok(), await response.text()).toBe(true);
  }
  const ids = new Map<string, number>();
  await Promise.all(
    known.map(async (call) => {
      const response = await request.get(`${serve.baseUrl}/api/v1/calls/${call.id}`, { headers });
      expect(response.status()).toBe(200);
      ids.set(call.id, ((await response.json()) as { call_id: number }).call_id);
    }),
  );
  const idsOf = (calls: Known[]) => calls.map((c) => ids.get(c.id) ?? 0);
  for (const tag of ['billing', 'urgent']) await rpc(request, serve, 'tagCalls', { call_ids: idsOf(known.filter((c) => c.tags.includes(tag))), add: tag });
  for (const call of known.filter((c) => c.verdict)) {
    const response = await request.put(`${serve.baseUrl}/api/v1/calls/${call.id}/review`, { headers, data: { verdict: call.verdict } });
    expect(response.status()).toBe(200);
  }
  return ids;
}

const count = (test: (call: Known) => boolean) => known.filter(test).length;

test.describe.configure({ timeout: 90_000 });

/** Opens the list on the seeded store; `expectCount(n)`: the table's stated row count and the top bar both say n. */
async function openList(page: Page, serve: ServeProcess, seeding = true) {
  if (seeding) await seed(page.request, serve);
  const calls = new CallsPage(page);
  const filters = new FilterBar(page);
  const countText = page.locator('.topbar .count');
  await calls.open(serve.openUrl);
  await expect(countText).toHaveText(`${TOTAL} calls`);
  const expectCount = async (n: number) => {
    await expect(countText).toHaveText(n === TOTAL ? `${TOTAL} calls` : `${n} of ${TOTAL} calls`);
    await expect.poll(() => calls.statedRowCount()).toBe(n);
  };
  return { calls, filters, expectCount };
}

test('each filter alone lists exactly the calls that match, as a chip whose × takes it away', async ({ page, serve }) => {
  const { filters, expectCount } = await openList(page, serve);

  // the choices come from the store, with their counts
  expect(await filters.choices('Agent')).toEqual(['agent_0 · 8', 'agent_1 · 8', 'agent_2 · 8', 'agent_vapi · 1']);
  expect(await filters.choices('End reason')).toEqual(['customer-ended-call · 1', 'user_hangup · 18', 'voicemail_reached · 6']);
  expect(await filters.choices('Platform')).toEqual(['Retell · 24', 'Vapi · 1']);

  const single: [string, () => Promise<void>, number][] = [
    ['Agent: agent_0', () => filters.choose('Agent', 'agent_0'), count((c) => c.agent === 'agent_0')],
    ['End reason: voicemail_reached', () => filters.choose('End reason', 'voicemail_reached'), count((c) => c.endReason === 'voicemail_reached')],
    ['Platform: Vapi', () => filters.choose('Platform', 'vapi'), count((c) => c.platform === 'vapi')],
    ['Verdict: unreviewed', () => filters.choose('Verdict', 'unreviewed'), count((c) => c.verdict === null)],
    ['Verdict: reviewed', () => filters.choose('Verdict', 'reviewed'), count((c) => c.verdict !== null)],
    ['Verdict: failure', () => filters.choose('Verdict', 'failure'), count((c) => c.verdict === 'failure')],
    ['Tag: urgent', () => filters.choose('Tag', 'urgent'), count((c) => c.tags.includes('urgent'))],
    ['Date: today', () => filters.datePreset('Today'), count((c) => c.daysAgo === 0)],
    ['Date: last 7 days', () => filters.datePreset('Last 7 days'), count((c) => c.daysAgo <= 6)],
    ['Date: last 30 days', () => filters.datePreset('Last 30 days'), count((c) => c.daysAgo <= 29)],
    [`Date: ${dayOf(10)} – ${dayOf(5)}`, () => filters.dateRange(dayOf(10), dayOf(5)), count((c) => c.daysAgo >= 5 && c.daysAgo <= 10)],
    ['Duration: 1:40 – 3:20', () => filters.duration(100, 200), count((c) => c.durationS >= 100 && c.durationS <= 200)],
    ['Duration: at least 4:00', () => filters.duration(240, null), count((c) => c.durationS >= 240)],
    ['p90 latency > 2000 ms', () => filters.metric('latency_p90_ms', '>', 2000), count((c) => c.gapMs > 2000)],
  ];
  for (const [chip, apply, expected] of single) {
    expect(expected, chip).toBeGreaterThan(0);
    await apply();
    await filters.expectChips([chip]);
    await expectCount(expected);
    await filters.remove(chip);
    await expect(filters.chips).toHaveCount(0);
    await expectCount(TOTAL);
  }
});

test("an evaluator's newest outcome filters the list from the filter bar", async ({ page, serve }) => {
  await seed(page.request, serve);
  const headers = { 'X-API-KEY': serve.apiKey };
  const created = await page.request.post(`${serve.baseUrl}/api/v1/evaluators`, {
    headers,
    data: { spec: { kind: 'rule', name: 'Replies under 1 s', rule: { check: 'latency_p90_under', max_ms: 1000 } } },
  });
  expect(created.status()).toBe(201);
  const evaluator = (await created.json()) as { id: string };
  const started = await page.request.post(`${serve.baseUrl}/api/v1/evaluation-runs`, { headers, data: { evaluator_ids: [evaluator.id], filter: { platform: 'retell' } } });
  expect(started.status()).toBe(202);
  const run = (await started.json()) as { id: string };
  await expect
    .poll(async () => ((await (await page.request.get(`${serve.baseUrl}/api/v1/evaluation-runs/${run.id}`, { headers })).json()) as { status: string }).status)
    .toBe('completed');

  const { filters, expectCount } = await openList(page, serve, false);
  const cases: [string, string, number][] = [
    ['fail', 'Replies under 1 s: fail', count((c) => c.platform === 'retell' && c.gapMs >= 1000)],
    ['pass', 'Replies under 1 s: pass', count((c) => c.platform === 'retell' && c.gapMs < 1000)],
    ['none', 'Replies under 1 s: not run', count((c) => c.platform !== 'retell')],
  ];
  for (const [outcome, chip, expected] of cases) {
    await filters.evaluatorOutcome('Replies under 1 s', outcome);
    await filters.expectChips([chip]);
    await expectCount(expected);
    await filters.remove(chip);
    await expectCount(TOTAL);
  }
});

test('filters combine (every condition holds); a chip takes away only its own; "Clear all" takes every chip and leaves the search', async ({ page, serve }) => {
  const { calls, filters, expectCount } = await openList(page, serve);
  await filters.choose('Agent', 'agent_0');
  await filters.choose('End reason', 'voicemail_reached');
  await filters.choose('Tag', 'urgent');
  await filters.choose('Tag', 'billing');
  await filters.expectChips(['Agent: agent_0', 'End reason: voicemail_reached', 'Tag: urgent', 'Tag: billing']);
  await expectCount(count((c) => c.agent === 'agent_0' && c.endReason === 'voicemail_reached' && c.tags.includes('urgent') && c.tags.includes('billing')));
  expect(await calls.rowIds()).toEqual(['f-0', 'f-12']);
  await page.screenshot({ path: 'test-results/screens/filters-chips.png' });
  await filters.remove('Tag: billing');
  await filters.expectChips(['Agent: agent_0', 'End reason: voicemail_reached', 'Tag: urgent']);
  await expectCount(count((c) => c.agent === 'agent_0' && c.endReason === 'voicemail_reached' && c.tags.includes('urgent')));
  await filters.duration(0, 120);
  await expectCount(count((c) => c.agent === 'agent_0' && c.endReason === 'voicemail_reached' && c.tags.includes('urgent') && c.durationS <= 120));
  await calls.search.fill('refund');
  await expectCount(count((c) => c.agent === 'agent_0' && c.endReason === 'voicemail_reached' && c.durationS <= 120 && c.words.includes('refund')));
  await filters.clearAll();
  await expect(filters.chips).toHaveCount(0);
  await expectCount(count((c) => c.words.includes('refund')));
  await expect(calls.search).toHaveValue('refund');
});

test('search finds a call id, an agent id, an end reason, a phone number written another way, and a word', async ({ page, serve }) => {
  await seed(page.request, serve);
  const calls = new CallsPage(page);
  const countText = page.locator('.topbar .count');
  await calls.open(serve.openUrl);
  await expect(countText).toHaveText(`${TOTAL} calls`);
  const searches: [string, string[]][] = [
    ['f-7', ['f-7']],
    ['f-1', ['f-1']], // the id exactly: not f-10 to f-19
    ['agent_1', known.filter((c) => c.agent === 'agent_1').map((c) => c.id)],
    ['voicemail_reached', known.filter((c) => c.endReason === 'voicemail_reached').map((c) => c.id)],
    ['4155551007', ['f-7']], // posted as "+1 415-555-1007"
    ['(415) 555-1013', ['f-13']],
    ['refund', known.filter((c) => c.words.includes('refund')).map((c) => c.id)],
  ];
  for (const [q, expected] of searches) {
    await calls.search.fill(q);
    await expect(countText, q).toHaveText(`${expected.length} of ${TOTAL} calls`);
    // newest first, as the list sorts by default
    await expect.poll(() => calls.rowIds(), q).toEqual(expected);
  }
});

test('a saved view lists its count, brings back its filter and sort after a reload, and comes back after delete with Undo', async ({ page, serve }) => {
  const ids = await seed(page.request, serve);
  const calls = new CallsPage(page);
  const filters = new FilterBar(page);
  const views = new SavedViewsSidebar(page);
  await calls.open(serve.openUrl);
  await expect(views.entry('All calls')).toHaveAttribute('aria-label', `All calls (${TOTAL} calls)`);
  await expect(views.entry('All calls')).toHaveAttribute('aria-current', 'true');

  // agent_0, longest first
  await filters.choose('Agent', 'agent_0');
  const duration = calls.table.getByRole('columnheader', { name: 'Duration' });
  await duration.getByRole('button').click();
  if ((await duration.getAttribute('aria-sort')) !== 'descending') await duration.getByRole('button').click();
  await expect(duration).toHaveAttribute('aria-sort', 'descending');
  await filters.saveView('Agent 0, longest first');
  await expect(views.entry('Agent 0, longest first')).toBeVisible(); // stored, not only typed
  await filters.remove('Agent: agent_0');
  await filters.choose('Verdict', 'failure');
  await filters.saveView('Failures');
  await expect(views.entry('Failures')).toBeVisible();
  const agent0 = known.filter((c) => c.agent === 'agent_0');
  const longestFirst = [...agent0].sort((a, b) => b.durationS - a.durationS).map((c) => c.id);

  await page.reload();
  // the sidebar fills in once the stored views load
  await expect.poll(() => views.names()).toEqual(['All calls', 'Agent 0, longest first', 'Failures']);
  await expect.poll(() => views.count('Agent 0, longest first')).toBe(String(agent0.length));
  await expect.poll(() => views.count('Failures')).toBe(String(count((c) => c.verdict === 'failure')));
  // the list starts unfiltered: "All calls" is the one shown
  await expect(views.entry('All calls')).toHaveAttribute('aria-current', 'true');
  await expect(filters.chips).toHaveCount(0);

  await views.open('Agent 0, longest first');
  await filters.expectChips(['Agent: agent_0']);
  await expect(duration).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => calls.rowIds()).toEqual(longestFirst);
  await expect(views.entry('Agent 0, longest first')).toHaveAttribute('aria-current', 'true');
  await expect(views.entry('All calls')).not.toHaveAttribute('aria-current', 'true');
  await page.screenshot({ path: 'test-results/screens/saved-views.png' });

  // a verdict set elsewhere: the view's count follows without a reload
  const response = await page.request.put(`${serve.baseUrl}/api/v1/calls/f-0/review`, { headers: { 'X-API-KEY': serve.apiKey }, data: { verdict: 'failure' } });
  expect(response.status()).toBe(200);
  await expect.poll(() => views.count('Failures')).toBe(String(count((c) => c.verdict === 'failure') + 1));
  expect(ids.get('f-0')).toBeGreaterThan(0);

  // changing the filter leaves the view: nothing is marked
  await filters.choose('Agent', 'agent_1');
  await expect(views.nav.locator('[aria-current="true"]')).toHaveCount(0);

  // v / Shift+V go through the views
  // the keys act where no field takes the typing
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
  await page.keyboard.press('v');
  await expect(views.entry('All calls')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('v');
  await expect(views.entry('Agent 0, longest first')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Shift+V');
  await expect(views.entry('All calls')).toHaveAttribute('aria-current', 'true');
  await expect(calls.callRows()).not.toHaveCount(0);

  // delete, then Undo puts it back with its filter, sort and count
  await views.delete('Agent 0, longest first');
  await expect(views.entry('Agent 0, longest first')).toHaveCount(0);
  await expect(views.nav.getByRole('status')).toContainText('Deleted “Agent 0, longest first”');
  await views.undo();
  await expect.poll(() => views.count('Agent 0, longest first')).toBe(String(agent0.length));
  await expect(views.nav.getByRole('status')).toHaveCount(0);
  await views.open('Agent 0, longest first');
  await expect.poll(() => calls.rowIds()).toEqual(longestFirst);

  // the sidebar can be hidden, and stays so after a reload
  await views.nav.getByRole('button', { name: 'Hide saved views' }).click();
  await expect(views.entry('All calls')).toHaveCount(0);
  await page.reload();
  await expect(calls.callRows().first()).toBeVisible();
  await expect(views.nav.getByRole('button', { name: 'Show saved views' })).toBeVisible();
  await views.nav.getByRole('button', { name: 'Show saved views' }).click();
  await expect(views.entry('Failures')).toBeVisible();
});
