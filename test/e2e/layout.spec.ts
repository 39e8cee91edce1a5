import type { Locator, Page } from '@playwright/test';
import { expect, test } from './serve-fixture';
import { CallsPage } from './pages/calls-page';
import { ReviewPage } from './pages/review-page';
import { getJson, postCall, timedConversation } from './support/post-call';

/** Issue 14, "Room for the work": the splitter, the column chooser, and a call pane whose transcript starts above the fold. */

const idOf = (n: number) => `layout-${n}`;

/** Calls layout-0 .. layout-(count-1), newest last posted first in the list, each `turns` turns long. */
async function seed(page: Page, serve: Parameters<typeof postCall>[1], count: number, turns = 6): Promise<void> {
  for (let n = 0; n < count; n++) {
    await postCall(page.request, serve, { id: idOf(n), startedAt: `2026-05-0${n + 1}T09:00:00Z`, endedReason: 'customer-ended-call', messages: timedConversation(turns) });
  }
}

/** The element's box, asserted present. */
async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element has no box (not rendered)');
  return box;
}

test('the splitter: dragged and keyed widths and the collapsed list are remembered across a reload; j still moves collapsed', async ({ page, serve }) => {
  await seed(page, serve, 3);
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  await expect(calls.callRows()).toHaveCount(3);
  expect(await calls.listWidth()).toBe(700); // the default at 1440 px
  await expect(calls.splitter).toHaveAttribute('aria-orientation', 'vertical');

  // drag 150 px to the left: the list pane follows the pointer
  const handle = await boxOf(calls.splitter);
  await page.mouse.move(handle.x + handle.width / 2, handle.y + 300);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 - 75, handle.y + 300);
  await page.mouse.move(handle.x + handle.width / 2 - 150, handle.y + 300);
  await page.mouse.up();
  expect(await calls.listWidth()).toBe(550);
  expect(Math.round((await boxOf(page.locator('#call-list-pane'))).width)).toBe(550);

  // the keyboard: two arrow presses to the right (16 px each) on the focused splitter
  await calls.splitter.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => calls.listWidth()).toBe(582);

  await page.reload();
  await expect(calls.callRows()).toHaveCount(3);
  expect(await calls.listWidth()).toBe(582);
  expect(Math.round((await boxOf(page.locator('#call-list-pane'))).width)).toBe(582);

  // collapse with the key: a strip stays, and j / k still walk the list (newest first: layout-2, -1, -0)
  await calls.rowFor(idOf(2)).getByRole('cell').nth(1).click();
  await expect(page.getByRole('heading', { name: idOf(2) })).toBeVisible();
  await page.keyboard.press('\\');
  await expect(calls.expandList).toBeVisible();
  await expect(calls.table).toBeHidden();
  expect(await calls.listWidth()).toBe(0);
  expect((await boxOf(page.locator('#call-list-pane'))).width).toBeLessThan(60);
  // the strip says where the open call is in the list
  await expect(calls.expandList).toContainText('1 of 3');
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { name: idOf(1) })).toBeVisible();
  await expect(calls.expandList).toContainText('2 of 3');
  await page.keyboard.press('k');
  await expect(page.getByRole('heading', { name: idOf(2) })).toBeVisible();

  await page.reload();
  await expect(calls.expandList).toBeVisible();
  await expect(calls.table).toBeHidden();

  // the strip's button brings the list back at its width; Enter on the splitter collapses it again
  await calls.expandList.click();
  await expect(calls.table).toBeVisible();
  expect(await calls.listWidth()).toBe(582);
  await calls.splitter.focus();
  await page.keyboard.press('Enter');
  await expect(calls.expandList).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(calls.collapseList).toBeVisible();
  await calls.collapseList.click();
  await expect(calls.table).toBeHidden();

  // the key is listed with the others
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('collapse / expand the call list');
});

test('the column chooser: a hidden and a moved column stay so after a reload; two result columns leave the essentials in a 700 px list', async ({ page, serve }) => {
  await seed(page, serve, 3);
  const headers = { 'X-API-KEY': serve.apiKey };
  const evaluatorIds: string[] = [];
  for (const [name, max_ms] of [['Replies under 500 ms', 500], ['Replies under 900 ms', 900]] as const) {
    const created = await page.request.post(`${serve.baseUrl}/api/v1/evaluators`, { headers, data: { spec: { kind: 'rule', name, rule: { check: 'latency_p90_under', max_ms } } } });
    expect(created.status()).toBe(201);
    evaluatorIds.push(((await created.json()) as { id: string }).id);
  }
  const started = await page.request.post(`${serve.baseUrl}/api/v1/evaluation-runs`, { headers, data: { evaluator_ids: evaluatorIds, filter: {} } });
  expect(started.status()).toBe(202);
  const run = (await started.json()) as { id: string };
  await expect.poll(async () => (await getJson<{ status: string }>(page.request, serve, `/api/v1/evaluation-runs/${run.id}`)).status).toBe('completed');

  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  await expect(calls.callRows()).toHaveCount(3);
  const before = await calls.headers();
  // first the tick box's column, which has no text
  expect(before.slice(0, 7)).toEqual(['', 'Started', 'Call', 'Duration', 'p90 latency', 'Verdict', 'End reason']);

  // hide Turns; move End reason up past Verdict
  await (await calls.columnChoice('Turns')).getByRole('checkbox').uncheck();
  await (await calls.columnChoice('End reason')).getByRole('button', { name: 'Move End reason up' }).click();
  const arranged = await calls.headers();
  expect(arranged).not.toContain('Turns');
  expect(arranged.indexOf('End reason')).toBe(arranged.indexOf('Verdict') - 1);
  await page.keyboard.press('Escape');
  await expect(calls.columnsChooser).toBeHidden();
  await expect(calls.columnsButton).toBeFocused();

  await page.reload();
  await expect(calls.callRows()).toHaveCount(3);
  expect(await calls.headers()).toEqual(arranged);

  // both evaluators' results shown from the same chooser: they come after the essentials
  for (const name of ['Replies under 500 ms', 'Replies under 900 ms']) await (await calls.columnChoice(name)).getByRole('checkbox').check();
  await page.keyboard.press('Escape');
  await expect(calls.table.getByRole('columnheader', { name: 'Replies under 900 ms' })).toBeAttached();
  await expect(await calls.cell(idOf(0), 'Replies under 900 ms')).toHaveText('pass'); // 600 ms replies
  await expect(await calls.cell(idOf(0), 'Replies under 500 ms')).toHaveText('fail');
  expect(await calls.listWidth()).toBe(700);
  const list = await boxOf(page.locator('.call-list'));
  const visibleRight = list.x + (await page.locator('.call-list').evaluate((element) => element.clientWidth));
  for (const essential of ['Duration', 'p90 latency', 'Verdict', 'End reason']) {
    const cell = await boxOf(calls.table.getByRole('columnheader', { name: essential, exact: true }));
    expect(cell.x, essential).toBeGreaterThanOrEqual(list.x);
    expect(cell.x + cell.width, essential).toBeLessThanOrEqual(visibleRight + 0.5);
  }
  await page.screenshot({ path: 'test-results/screens/layout-columns.png' });

  // Reset brings the defaults back (the result columns stay as chosen)
  await (await calls.columnChoice('Turns')).waitFor();
  await calls.columnsChooser.getByRole('button', { name: 'Reset columns' }).click();
  const reset = await calls.headers();
  expect(reset.slice(0, 7)).toEqual(before.slice(0, 7));
  expect(reset).toContain('Turns');
  expect(reset).toContain('Replies under 500 ms');
});

test('at 1440x900 the transcript starts above the fold; the tabs beside it keep their choice across calls; n and t reach notes and tags', async ({ page, serve }) => {
  await seed(page, serve, 2, 40);
  const calls = new CallsPage(page);
  const review = new ReviewPage(page);
  await calls.open(serve.openUrl);
  await calls.rowFor(idOf(1)).getByRole('cell').nth(1).click();
  await expect(review.turns()).toHaveCount(40);

  // the first turn is on screen as the call opens, under the player and the verdict buttons
  const first = await boxOf(review.turns().first());
  expect(first.y).toBeGreaterThanOrEqual(0);
  expect(first.y + first.height).toBeLessThanOrEqual(900);
  const player = await boxOf(review.player);
  expect(player.y + player.height).toBeLessThanOrEqual(first.y);
  expect((await boxOf(review.markSuccess)).y).toBeLessThan(player.y);
  await page.screenshot({ path: 'test-results/screens/layout-call.png' });

  // the transcript scrolls on its own: its last turn comes into view and the player stays where it was
  await review.turns().last().scrollIntoViewIfNeeded();
  const last = await boxOf(review.turns().last());
  expect(last.y + last.height).toBeLessThanOrEqual(900);
  expect((await boxOf(review.player)).y).toBe(player.y);

  // tabs: Metrics first, then Overlaps; arrow keys move along them; the choice stays for the next call
  const tab = (name: string) => review.panels.getByRole('tab', { name, exact: true });
  await expect(tab('Metrics')).toHaveAttribute('aria-selected', 'true');
  await expect(review.metrics).toBeVisible();
  await tab('Metrics').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab('Overlaps')).toBeFocused();
  await expect(page.getByRole('region', { name: 'Overlaps' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(tab('Details')).toBeFocused();
  await expect(tab('Details')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Details' })).toContainText('customer-ended-call');
  await page.keyboard.press('ArrowRight');
  await expect(tab('PII')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(tab('Evaluations')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Evaluations' })).toBeVisible();
  await expect(review.time).toHaveAttribute('data-ms', '0'); // the arrows moved the tabs, not the playhead
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { name: idOf(0) })).toBeVisible();
  await expect(tab('Evaluations')).toHaveAttribute('aria-selected', 'true');

  // n opens the Notes tab with its field focused; t focuses the tag field in the header
  await page.keyboard.press('n');
  await expect(tab('Notes')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('textbox', { name: 'New note' })).toBeFocused();
  await page.keyboard.type('Long pause before the answer');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Call notes' })).toContainText('Long pause before the answer');
  await expect(tab('Notes')).toHaveAccessibleDescription('1');
  await page.keyboard.press('Escape');
  await page.keyboard.press('t');
  await expect(page.getByRole('group', { name: 'Tags' }).getByLabel('Add tag')).toBeFocused();

  // the call's dates: four-digit year, compact, the same form in the header and the list
  await expect(page.getByRole('region', { name: `Call ${idOf(0)}` })).toContainText(/2026-05-01 \d\d:\d\d:\d\d/);
  await expect(await calls.cell(idOf(0), 'Started')).toHaveText(/^2026-05-01 \d\d:\d\d$/);
});
