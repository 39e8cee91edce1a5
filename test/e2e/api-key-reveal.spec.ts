import { expect, test } from './serve-fixture';
import { CallsPage } from './pages/calls-page';

test('the API key is in the page only after Reveal, in the empty state and in Settings', async ({ page, serve }) => {
  const rpcBodies: string[] = [];
  page.on('response', async (response) => {
    if (response.url().includes('/rpc/') && !response.url().endsWith('/rpc/revealApiKey') && !response.url().endsWith('/rpc/events')) rpcBodies.push(await response.text().catch(() => ''));
  });
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);

  const key = calls.emptyState.getByTestId('api-key');
  await expect(key).toHaveText(/^•+$/);
  await expect(calls.emptyState.getByLabel('curl command', { exact: true })).toContainText('X-API-KEY: •');
  expect(await page.content()).not.toContain(serve.apiKey);
  await calls.emptyState.getByRole('button', { name: 'Reveal' }).click();
  await expect(key).toHaveText(serve.apiKey);
  await expect(calls.emptyState.getByLabel('curl command', { exact: true })).toContainText(`X-API-KEY: ${serve.apiKey}`);
  await calls.emptyState.getByRole('button', { name: 'Hide' }).click();
  await expect(key).toHaveText(/^•+$/);

  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const settingsKey = dialog.getByTestId('settings-api-key');
  await expect(settingsKey).toHaveText(/^•+$/);
  await dialog.getByRole('button', { name: 'Reveal' }).click();
  await expect(settingsKey).toHaveText(serve.apiKey);
  await expect(dialog).toContainText('kept in config.json in the data folder');
  // no other method of the contract carried the key to the page
  expect(rpcBodies.length).toBeGreaterThan(0);
  for (const body of rpcBodies) expect(body).not.toContain(serve.apiKey);
});

test('trusted recording hosts are kept from Settings, and a bad entry is named', async ({ page, serve }) => {
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const hosts = dialog.getByLabel('Trusted recording hosts');
  await hosts.fill('nas.local, 192.168.1.0/24');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved.');
  const settings = await (await page.request.post(`${serve.baseUrl}/rpc/getSettings`, { headers: { 'X-API-KEY': serve.apiKey }, data: {} })).json();
  expect(settings.recording_fetch_allow_hosts).toEqual(['nas.local', '192.168.1.0/24']);
  await hosts.fill('http://nas.local:8080/');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('status')).toContainText('Not saved');
  await expect(dialog.getByRole('status')).toContainText('"http://nas.local:8080/" is not');
  await page.screenshot({ path: 'test-results/screens/settings-trusted-hosts.png' });
});
