import type { APIRequestContext } from '@playwright/test';
import { expect, test, type ServeProcess } from './serve-fixture';
import { CallsPage } from './pages/calls-page';
import { BulkBar } from './pages/bulk-bar';
import { postCall } from './support/post-call';

/** Issue 14: tick calls (mouse, Shift+click, x), then verdict, tag, export and delete them at once, each with Undo. */

const NAMES = ['bulk-a', 'bulk-b', 'bulk-c', 'bulk-d', 'bulk-e'];

async function seed(request: APIRequestContext, serve: ServeProcess): Promise<void> {
  // newest first in the list: bulk-a on top
  for (const [i, id] of NAMES.entries()) {
    await postCall(request, serve, {
      id,
      startedAt: new Date(Date.UTC(2026, 2, 1, 12, 0) - i * 60_000).toISOString(),
      messages: [
        { role: 'bot', content: 'Thanks for calling, how can I help?', start_time: 0, end_time: 2000 },
        { role: 'user', content: `This is call ${id}.`, start_time: 2500, end_time: 4000 },
      ],
    });
  }
  // bulk-b was already marked success: Undo must put that back, not clear it
  const review = await request.put(`${serve.baseUrl}/api/v1/calls/bulk-b/review`, { headers: { 'X-API-KEY': serve.apiKey }, data: { verdict: 'success' } });
  expect(review.status()).toBe(200);
}

/** The calls as the API lists them: verdict and tags by external id. */
async function stored(request: APIRequestContext, serve: ServeProcess): Promise<Record<string, { verdict: string | null; tags: string[] }>> {
  const page = await request.post(`${serve.baseUrl}/rpc/listCalls`, { data: { limit: 50 } });
  expect(page.status()).toBe(200);
  const rows = (await page.json()).rows as { external_id: string; verdict: string | null; tags: string[] }[];
  return Object.fromEntries(rows.map((row) => [row.external_id, { verdict: row.verdict, tags: row.tags }]));
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

test('ticked calls: verdict, tag, CSV and delete at once, each undone exactly', async ({ page, serve }) => {
  // many steps, each waiting for the list to refresh from the server: more than the default 30 s on a busy machine
  test.setTimeout(90_000);
  await seed(page.request, serve);
  const calls = new CallsPage(page);
  const bulk = new BulkBar(page);
  await calls.open(serve.openUrl);
  await expect(calls.callRows()).toHaveCount(5);
  expect(await calls.rowIds()).toEqual(NAMES);
  // bulk-a already carries the tag: Undo of "add" must leave it there
  const aId = Number(await calls.rowFor('bulk-a').getAttribute('data-call-id'));
  expect((await page.request.post(`${serve.baseUrl}/rpc/tagCalls`, { data: { call_ids: [aId], add: 'wrong-date' } })).status()).toBe(200);
  await expect(await calls.cell('bulk-a', 'Tags')).toHaveText('wrong-date');
  await expect(bulk.bar).toBeHidden();
  await expect(bulk.headerBox()).toHaveAccessibleName('Tick the 5 calls on screen');

  // mouse, then Shift+click for the range, then x on the open call
  await bulk.tickBox('bulk-a').click();
  await expect(bulk.count).toHaveText('1 ticked');
  await bulk.tickBox('bulk-b').click({ modifiers: ['Shift'] });
  await calls.rowFor('bulk-d').click();
  await expect(calls.rowFor('bulk-d')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('x');
  await expect(bulk.count).toHaveText('3 ticked');
  // x ticks the open call and moves nothing
  await expect(calls.rowFor('bulk-d')).toHaveAttribute('aria-selected', 'true');
  for (const [id, ticked] of [['bulk-a', true], ['bulk-b', true], ['bulk-c', false], ['bulk-d', true], ['bulk-e', false]] as const) {
    if (ticked) await expect(bulk.tickBox(id)).toBeChecked();
    else await expect(bulk.tickBox(id)).not.toBeChecked();
  }
  await expect(bulk.headerBox()).toHaveAccessibleName('Tick the 5 calls on screen');
  await page.screenshot({ path: 'test-results/screens/bulk-bar.png' });

  // a verdict on all three; Undo gives bulk-b its success back and the others none
  await bulk.button('Mark failure').click();
  await expect(bulk.message).toContainText('Marked 3 calls failure.');
  for (const id of ['bulk-a', 'bulk-b', 'bulk-d']) await expect(await calls.cell(id, 'Verdict')).toHaveText('failure');
  await expect(await calls.cell('bulk-c', 'Verdict')).toHaveText('—');
  await bulk.undo.click();
  await expect(bulk.message).toContainText('Verdicts put back on 3 calls.');
  await expect(await calls.cell('bulk-b', 'Verdict')).toHaveText('success');
  await expect(await calls.cell('bulk-a', 'Verdict')).toHaveText('—');
  await expect(await calls.cell('bulk-d', 'Verdict')).toHaveText('—');
  const afterVerdictUndo = await stored(page.request, serve);
  expect(Object.fromEntries(Object.entries(afterVerdictUndo).map(([id, call]) => [id, call.verdict]))).toEqual({ 'bulk-a': null, 'bulk-b': 'success', 'bulk-c': null, 'bulk-d': null, 'bulk-e': null });

  // a tag; Undo takes it off the two it went on, not off bulk-a which had it
  await bulk.tag('wrong-date', 'Add tag');
  await expect(bulk.message).toContainText('Tagged 2 calls “wrong-date” (1 had it already).');
  await expect(await calls.cell('bulk-d', 'Tags')).toHaveText('wrong-date');
  await bulk.undo.click();
  await expect(await calls.cell('bulk-d', 'Tags')).toHaveText('—');
  await expect(await calls.cell('bulk-a', 'Tags')).toHaveText('wrong-date');
  const afterTagUndo = await stored(page.request, serve);
  expect(Object.fromEntries(Object.entries(afterTagUndo).map(([id, call]) => [id, call.tags]))).toEqual({ 'bulk-a': ['wrong-date'], 'bulk-b': [], 'bulk-c': [], 'bulk-d': [], 'bulk-e': [] });

  // ticks outlive a filter: the bar says how many the view leaves out
  await page.getByLabel('Verdict filter').selectOption('success');
  await expect(calls.callRows()).toHaveCount(1);
  await expect(bulk.count).toHaveText('3 ticked (2 not in this view)');
  await page.getByLabel('Verdict filter').selectOption('');
  await expect(calls.callRows()).toHaveCount(5);
  await expect(bulk.count).toHaveText('3 ticked');

  // the ticked calls as CSV, in list order
  const href = await bulk.exportCsv.getAttribute('href');
  const csv = await page.request.get(new URL(href ?? '', serve.baseUrl).toString());
  expect(csv.status()).toBe(200);
  const [header, ...rows] = parseCsv((await csv.text()).trim());
  const column = (name: string) => header?.indexOf(name) ?? -1;
  expect(rows.map((row) => row[column('external_id')])).toEqual(['bulk-a', 'bulk-b', 'bulk-d']);
  expect(rows.map((row) => row[column('verdict')])).toEqual(['', 'success', '']);
  expect(rows.map((row) => row[column('tags')])).toEqual(['wrong-date', '', '']);

  // delete; Undo brings the calls back with their tags and verdicts, ticked again
  await bulk.button('Delete').click();
  await expect(bulk.message).toContainText('Deleted 3 calls.');
  await expect(calls.callRows()).toHaveCount(2);
  expect(await calls.rowIds()).toEqual(['bulk-c', 'bulk-e']);
  await expect(bulk.bar).toBeHidden();
  await expect(page.locator('.topbar .count')).toHaveText('2 calls');
  await bulk.undo.click();
  await expect(calls.callRows()).toHaveCount(5);
  expect(await calls.rowIds()).toEqual(NAMES);
  await expect(bulk.count).toHaveText('3 ticked');
  await expect(await calls.cell('bulk-a', 'Tags')).toHaveText('wrong-date');
  await expect(await calls.cell('bulk-b', 'Verdict')).toHaveText('success');
  expect(await stored(page.request, serve)).toEqual(afterTagUndo);

  // Escape clears the ticks (Undo ticks them again); the header box ticks what is on screen
  await page.keyboard.press('Escape');
  await expect(bulk.bar).toBeHidden();
  await bulk.undo.click();
  await expect(bulk.count).toHaveText('3 ticked');
  await page.keyboard.press('Escape');
  await bulk.headerBox().click();
  await expect(bulk.count).toHaveText('5 ticked');
  await expect(bulk.headerBox()).toHaveAccessibleName('Untick the 5 calls on screen');
  await bulk.headerBox().click();
  await expect(bulk.bar).toBeHidden();
});

test('the shortcuts dialog lists x, Shift+click and Esc', async ({ page, serve }) => {
  await seed(page.request, serve);
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  await expect(calls.callRows()).toHaveCount(5);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog.getByRole('row', { name: /^x tick \/ untick the open call/ })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /^Shift\+click tick every call/ })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /^Esc clear the ticks/ })).toBeVisible();
  // Escape closes the dialog, and leaves the ticks alone while it is open
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
