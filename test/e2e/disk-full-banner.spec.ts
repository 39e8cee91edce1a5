import { expect, test } from './serve-fixture';
import { CallsPage } from './pages/calls-page';

/**
 * Issue 17 item 8, the UI part: while the store reports a full disk the window says so in an
 * alert. A full disk cannot be made for a browser test, so the status answer is replaced; the
 * listener's side (507, log, recovery) is tested for real in test/integration/disk-full.test.ts.
 */
test('a full disk shows as an alert, and a disk with room does not', async ({ page, serve }) => {
  await page.route('**/rpc/getStorageStatus', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ disk_full: true, since: new Date().toISOString(), message: 'the disk holding the data folder is full' }),
    }),
  );
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  await expect(page.getByRole('alert').filter({ hasText: 'The disk holding the data folder is full' })).toBeVisible();

  await page.unroute('**/rpc/getStorageStatus');
  await page.reload();
  await expect(calls.emptyState).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'disk' })).toHaveCount(0);
});
