import { expect, test } from './serve-fixture';
import { CallsPage } from './pages/calls-page';
import { ReviewPage } from './pages/review-page';

test('the review screen shows the personal data a call exposes, and the redacted view hides it', async ({ page, serve }) => {
  const response = await page.request.post(`${serve.baseUrl}/api/v1/observability/calls`, {
    headers: { 'X-API-KEY': serve.apiKey },
    data: {
      id: 'pii-call',
      messages: [
        { role: 'bot', content: 'What is the best number to reach you?', start_time: 0, end_time: 2000 },
        { role: 'user', content: 'It is four one five five five five one two one two.', start_time: 2500, end_time: 7000 },
        { role: 'bot', content: 'And the card you want to use?', start_time: 7500, end_time: 9000 },
        { role: 'user', content: 'Card 4111 1111 1111 1111 please.', start_time: 9500, end_time: 13000 },
      ],
    },
  });
  expect(response.status()).toBe(201);
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  await calls.rowFor('pii-call').click();
  await new ReviewPage(page).showTab('PII');

  const panel = page.getByRole('region', { name: 'Personal data' });
  const findings = panel.getByRole('list', { name: 'Findings' }).getByRole('listitem');
  await expect(findings).toHaveCount(2);
  await expect(findings.nth(0)).toContainText('phone_number');
  const marks = calls.transcript.locator('mark.pii-mark');
  await expect(marks).toHaveCount(2);
  await expect(marks.nth(1)).toHaveAttribute('data-type', 'credit_card');
  await page.screenshot({ path: 'test-results/screens/pii.png' });

  await panel.getByLabel('Redacted view').check();
  await expect(calls.turns().nth(1)).toContainText('It is <PHONE_NUMBER>.');
  await expect(calls.turns().nth(3)).toContainText('Card <CREDIT_CARD> please.');
  await expect(calls.transcript).not.toContainText('4111');

  await panel.getByLabel('PII type').selectOption('credit_card');
  await expect(findings).toHaveCount(1);
  await expect(calls.turns().nth(1)).toContainText('four one five five five five one two one two');
});
