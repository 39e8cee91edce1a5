import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, startServe, test } from './serve-fixture';
import { CallsPage } from './pages/calls-page';

const postman = readFileSync(join(__dirname, '../../resources/sample-calls/efficientai-appointment.json'), 'utf8');

test('a call posted to the listener appears without a reload and opens with its transcript', async ({ page, serve }) => {
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);

  await expect(calls.emptyState).toBeVisible();
  await expect(calls.emptyState.getByTestId('listener-url')).toHaveText(`${serve.baseUrl}/api/v1/observability/calls`);
  await expect(calls.emptyState.getByLabel('curl command', { exact: true })).toContainText('curl -X POST');
  await page.screenshot({ path: 'test-results/screens/empty-state.png' });

  const navigations: string[] = [];
  page.on('framenavigated', (frame) => navigations.push(frame.url()));

  const response = await page.request.post(`${serve.baseUrl}/api/v1/observability/calls`, {
    headers: { 'X-EFFICIENTAI-API-KEY': serve.apiKey, 'Content-Type': 'application/json' },
    data: postman,
  });
  expect(response.status()).toBe(201);

  await expect(calls.rowFor('test-call-001')).toBeVisible();
  expect(navigations).toEqual([]); // it arrived live, not through a reload

  await calls.rowFor('test-call-001').click();
  await expect(calls.turns()).toHaveCount(4);
  const roles = await calls.turns().locator('.turn-role').allTextContents();
  expect(roles).toEqual(['Agent', 'Caller', 'Agent', 'Caller']);
  await expect(calls.turns().nth(0)).toContainText('This is Riley from Wellness Partners');
  await expect(calls.turns().nth(1)).toContainText('0:07.6');
  await expect(calls.turns().nth(3)).toContainText('Next Tuesday morning would be great.');
  await page.screenshot({ path: 'test-results/screens/call-view.png' });
});

test('search narrows the list to calls whose transcript matches', async ({ page, serve }) => {
  const calls = new CallsPage(page);
  for (const [id, words] of [
    ['billing-1', 'I was charged twice on my card'],
    ['booking-1', 'I would like to book a table'],
  ]) {
    await page.request.post(`${serve.baseUrl}/api/v1/observability/calls`, {
      headers: { 'X-API-KEY': serve.apiKey },
      data: { id, messages: [{ role: 'user', content: words }] },
    });
  }
  await calls.open(serve.openUrl);
  await expect(calls.callRows()).toHaveCount(2);
  await calls.search.fill('charged');
  await expect(calls.callRows()).toHaveCount(1);
  await expect(calls.rowFor('billing-1')).toBeVisible();
});

test('calls survive a restart of serve on the same data dir', async ({ page, dataDir }) => {
  const first = await startServe(dataDir);
  await page.request.post(`${first.baseUrl}/api/v1/observability/calls`, {
    headers: { 'X-API-KEY': first.apiKey },
    data: JSON.parse(postman),
  });
  await first.stop();

  const second = await startServe(dataDir);
  try {
    const calls = new CallsPage(page);
    await calls.open(second.openUrl);
    await expect(calls.rowFor('test-call-001')).toBeVisible();
    expect(second.apiKey).toBe(first.apiKey);
  } finally {
    await second.stop();
  }
});
