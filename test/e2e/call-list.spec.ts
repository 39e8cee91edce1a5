import { expect, test } from './serve-fixture';
import { CallsPage } from './pages/calls-page';

const CALLS = 450;

test('a long list renders only the rows on screen and fetches further pages while scrolling', async ({ page, serve }) => {
  for (let n = 0; n < CALLS; n++) {
    const startedAt = new Date(Date.UTC(2026, 2, 1, 8, 0, 0) + n * 60_000).toISOString();
    const response = await page.request.post(`${serve.baseUrl}/api/v1/observability/calls`, {
      headers: { 'X-API-KEY': serve.apiKey },
      data: { id: `bulk-${String(n).padStart(4, '0')}`, startedAt, messages: [{ role: 'bot', content: `Call number ${n}` }] },
    });
    expect(response.status()).toBe(201);
  }
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  await expect(calls.table).toHaveAttribute('aria-rowcount', String(CALLS + 1));
  await expect(calls.rowFor('bulk-0449')).toBeVisible(); // newest first
  const rendered = await calls.callRows().count();
  expect(rendered).toBeGreaterThan(10);
  expect(rendered).toBeLessThan(80);

  // The oldest call lives on the fifth page: scrolling to the end must fetch it.
  await page.locator('.call-list').evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(calls.rowFor('bulk-0000')).toBeVisible();
  expect(await calls.callRows().count()).toBeLessThan(80);
});

test('j and k walk the list in its current order', async ({ page, serve }) => {
  for (const n of [1, 2, 3]) {
    await page.request.post(`${serve.baseUrl}/api/v1/observability/calls`, {
      headers: { 'X-API-KEY': serve.apiKey },
      data: { id: `walk-${n}`, startedAt: `2026-04-0${n}T10:00:00Z`, messages: [{ role: 'user', content: `caller ${n}` }] },
    });
  }
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  await calls.rowFor('walk-3').click();
  await expect(page.getByRole('heading', { name: 'walk-3' })).toBeVisible();
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { name: 'walk-2' })).toBeVisible();
  await expect(calls.rowFor('walk-2')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(page.getByRole('heading', { name: 'walk-2' })).toBeVisible();
});

test('sorting by a column re-orders the list in SQL', async ({ page, serve }) => {
  for (const [id, seconds] of [['short', 30], ['long', 600], ['medium', 120]] as const) {
    await page.request.post(`${serve.baseUrl}/api/v1/observability/calls`, {
      headers: { 'X-API-KEY': serve.apiKey },
      data: { id, startedAt: '2026-05-01T10:00:00Z', endedAt: new Date(Date.parse('2026-05-01T10:00:00Z') + seconds * 1000).toISOString() },
    });
  }
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  await calls.table.getByRole('button', { name: 'Duration' }).click();
  await expect(calls.callRows().first()).toContainText('long');
  await expect(calls.table.getByRole('columnheader', { name: 'Duration' })).toHaveAttribute('aria-sort', 'descending');
  await calls.table.getByRole('button', { name: 'Duration' }).click();
  await expect(calls.callRows().first()).toContainText('short');
});
