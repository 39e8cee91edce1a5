import { expect, test } from './serve-fixture';
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
