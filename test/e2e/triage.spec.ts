import { expect, test } from './serve-fixture';
import { CallsPage } from './pages/calls-page';

/** Issue 14 in the browser: calls you can recognise, tags from the keyboard, the tag filter, the count and the CSV link. */

const call = (id: string, agent: string, opening: string) => ({
  call_type: 'phone_call', call_id: id, agent_id: agent, start_timestamp: Date.UTC(2026, 0, 1, 9, id.length), disconnection_reason: 'user_hangup',
  transcript_object: [
    { role: 'agent', content: 'Thanks for calling Acme.', words: [{ word: 'Thanks', start: 0, end: 1 }] },
    { role: 'user', content: opening, words: [{ word: 'I', start: 1.5, end: 2 }] },
  ],
});

test('a call shows its agent, its caller and its platform; t tags it; the tag filters the list and the CSV', async ({ page, serve }) => {
  const headers = { 'X-API-KEY': serve.apiKey, 'content-type': 'application/json' };
  for (const body of [call('triage-a', 'agent_billing', 'I was charged twice for my order'), call('triage-bb', 'agent_sales', 'Do you ship to Canada?')]) {
    expect((await page.request.post(`${serve.baseUrl}/webhooks/retell`, { headers, data: { event: 'call_analyzed', call: body } })).ok()).toBe(true);
  }
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  await expect(calls.callRows()).toHaveCount(2);
  const billing = calls.rowFor('triage-a');
  await expect(await calls.cell('triage-a', 'Call')).toContainText('agent_billing “I was charged twice for my order”');
  await expect(await calls.cell('triage-a', 'Platform')).toHaveText('Retell');

  await billing.click();
  const tagField = page.getByRole('group', { name: 'Tags' }).getByLabel('Add tag');
  await expect(tagField).toBeVisible();
  await page.keyboard.press('t');
  await expect(tagField).toBeFocused();
  await tagField.fill('double-charge');
  await tagField.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove tag double-charge' })).toBeVisible();
  await expect(await calls.cell('triage-a', 'Tags')).toHaveText('double-charge');

  const filters = page.getByRole('group', { name: 'Filters' });
  await filters.getByLabel('Tag filter').selectOption('double-charge');
  await expect(calls.callRows()).toHaveCount(1);
  await expect(page.locator('.topbar .count')).toHaveText('1 of 2 calls');
  const csv = await page.request.get(new URL(await filters.getByRole('link', { name: 'Export CSV' }).getAttribute('href') ?? '', serve.baseUrl).toString());
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('triage-a');
  expect(lines[1]).toContain('double-charge');
  await page.screenshot({ path: 'test-results/screens/triage.png' });
});
