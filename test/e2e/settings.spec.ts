import { expect, test } from './serve-fixture';
import { corpusFile } from './support/corpus';
import { CallsPage } from './pages/calls-page';

test('a webhook secret saved in Settings shows as set, without its value', async ({ page, serve }) => {
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const retell = dialog.getByLabel('Retell webhook secret');
  await retell.fill('key_from_the_dashboard');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved.');
  await expect(retell).toHaveValue('');
  await expect(retell).toHaveAttribute('placeholder', /set; type to replace/);
  await expect(dialog).not.toContainText('key_from_the_dashboard');
  await page.screenshot({ path: 'test-results/screens/settings.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the slow-reply threshold in Settings decides which replies get a latency marker', async ({ page, serve }) => {
  const body = corpusFile('efficientai/ingest_insurance_assistant_role');
  expect((await page.request.post(`${serve.baseUrl}/api/v1/import`, { headers: { 'X-API-KEY': serve.apiKey, 'content-type': 'application/json' }, data: body })).ok()).toBe(true);
  const metrics = await (await page.request.get(`${serve.baseUrl}/api/v1/calls/5f3aeddd-5664-44e3-abca-56037da0a97a/metrics`, { headers: { 'X-API-KEY': serve.apiKey } })).json();
  const latencies: number[] = metrics.latency_ms.transcript.values;
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  await calls.callRows().first().click();
  const markers = page.getByRole('region', { name: 'Waveform' }).getByRole('button', { name: /^Latency \d+ ms$/ });
  await expect(markers).toHaveCount(latencies.filter((ms) => ms > 2000).length);

  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Slow reply threshold (ms)').fill('500');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved.');
  await page.keyboard.press('Escape');
  await expect(markers).toHaveCount(latencies.filter((ms) => ms > 500).length);
});

test('themes: light, dark, or following the system', async ({ page, serve }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark'); // "System theme" follows the system
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await theme.selectOption('light');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await theme.selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: 'test-results/screens/dark.png' });
  await theme.selectOption('system');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
});
