import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './serve-fixture';
import { CallsPage } from './pages/calls-page';
import { EvaluatorsPage } from './pages/evaluators-page';
import { recordNotifications, WatchPage } from './pages/watch-page';

/** A rule needs no LLM server: "Agent never speaks card or SSN" checks the agent's turns for PII. */
const CARD_TEMPLATE = 'no_card_readback';
const CARD_RULE = 'Agent never speaks card or SSN';

async function postCall(request: APIRequestContext, base: string, key: string, id: string, agentReadsCard: boolean): Promise<void> {
  const response = await request.post(`${base}/api/v1/observability/calls`, {
    headers: { 'X-API-KEY': key },
    data: {
      id,
      startedAt: '2026-07-02T10:00:00Z',
      endedReason: 'customer-ended-call',
      messages: [
        { role: 'bot', content: 'Thanks for calling, how can I help?', start_time: 0, end_time: 2000 },
        { role: 'user', content: 'Which card is on my account?', start_time: 2600, end_time: 5200 },
        {
          role: 'bot',
          content: agentReadsCard ? 'The card on file is 4111 1111 1111 1111.' : 'The card on file ends in a number I cannot read out.',
          start_time: 6000,
          end_time: 10_500,
        },
      ],
    },
  });
  expect(response.status()).toBe(201);
}

/** The results stored on a call (a watch rule's among them), by the provider's id. */
async function evaluationsOf(request: APIRequestContext, base: string, key: string, id: string): Promise<{ evaluator_name: string; verdict: string }[]> {
  const response = await request.get(`${base}/api/v1/calls/${id}/evaluations`, { headers: { 'X-API-KEY': key } });
  if (!response.ok()) return [];
  return ((await response.json()) as { results: { evaluator_name: string; verdict: string }[] }).results;
}

test('a watch rule fires on an ingested call: a notification, the Flagged badge and an activity entry; a passing call raises none', async ({ page, context, serve }) => {
  await recordNotifications(context, page, serve.baseUrl);
  await postCall(page.request, serve.baseUrl, serve.apiKey, 'before-watch', false);
  const calls = new CallsPage(page);
  const evaluators = new EvaluatorsPage(page);
  const watch = new WatchPage(page);
  await calls.open(serve.openUrl);
  // no rule watches yet: no Flagged view, nothing in the activity
  await expect(watch.activityButton).toHaveAccessibleName('Activity');
  await expect(watch.flagged).toHaveCount(0);

  // a rule from a template, marked to watch arriving calls
  await evaluators.open();
  await evaluators.createFromTemplate(CARD_TEMPLATE);
  await expect(watch.watchBox()).not.toBeChecked();
  await watch.watchBox().check();
  await expect(watch.watchStatus()).toHaveText('Watching arriving calls: a failure is flagged.');
  await expect(watch.watchBox()).toBeChecked();
  await expect(evaluators.row(CARD_RULE)).toContainText('rule · watching');
  await evaluators.backToCalls();
  await expect(watch.flagged).toHaveAccessibleName('Flagged (0 calls)');

  // a failing call arrives: notified, badged, listed
  await postCall(page.request, serve.baseUrl, serve.apiKey, 'card-leak', true);
  await expect.poll(() => watch.notifications()).toEqual([{ title: `Callscope: ${CARD_RULE} failed`, body: 'card-leak: The agent spoke credit_card in 1 turn(s).' }]);
  await expect(watch.flaggedBadge()).toHaveText('1');
  await expect(watch.flagged).toHaveAccessibleName('Flagged (1 call, 1 new)');
  await expect(watch.activityButton).toHaveAccessibleName('Activity (1 new)');

  // the activity list: newest first, the call, the rule and its reason; opening it marks the flag seen
  await watch.openActivity();
  await expect(watch.entries()).toHaveCount(1);
  await expect(watch.entries().first()).toContainText('card-leak');
  await expect(watch.entries().first()).toContainText(CARD_RULE);
  await expect(watch.entries().first()).toContainText('The agent spoke credit_card in 1 turn(s).');
  await page.screenshot({ path: 'test-results/screens/watch-activity.png' });
  // it was new when the list opened, and stays marked so while the list is open
  await expect(watch.entries().first()).toContainText('new');
  await expect(watch.activityButton).toHaveAccessibleName('Activity');
  await expect(watch.flaggedBadge()).toHaveCount(0);
  // a click on the call opens it
  await watch.entries().first().getByRole('button', { name: 'card-leak', exact: true }).click();
  await expect(watch.activity).toHaveCount(0);
  await expect(calls.transcript).toContainText('4111 1111 1111 1111');

  // the Flagged view lists the flagged call only
  await watch.flagged.click();
  await expect(calls.rowFor('card-leak')).toBeVisible();
  await expect(calls.rowFor('before-watch')).toHaveCount(0);

  // a passing call: judged (its result is stored), but no notification and no flag
  await postCall(page.request, serve.baseUrl, serve.apiKey, 'card-kept', false);
  await expect.poll(async () => (await evaluationsOf(page.request, serve.baseUrl, serve.apiKey, 'card-kept')).map((r) => `${r.evaluator_name}: ${r.verdict}`)).toEqual([`${CARD_RULE}: pass`]);
  await expect(watch.flagged).toHaveAccessibleName('Flagged (1 call)');
  expect(await watch.notifications()).toHaveLength(1);
  await watch.openActivity();
  await expect(watch.entries()).toHaveCount(1);
  await expect(watch.entries().first()).not.toContainText('new');
  await watch.closeActivity();

  // clicking the notification opens its call
  await calls.rowFor('card-leak').waitFor();
  await page.getByRole('navigation', { name: 'Saved views' }).getByRole('button', { name: /^All calls/ }).click();
  await calls.rowFor('card-kept').click();
  await expect(calls.transcript).toContainText('cannot read out');
  await watch.clickNotification(0);
  await expect(calls.transcript).toContainText('4111 1111 1111 1111');
});

test('"Allow notifications" asks the browser, and says where things stand', async ({ page, serve }) => {
  await postCall(page.request, serve.baseUrl, serve.apiKey, 'any-call', false);
  const calls = new CallsPage(page);
  const watch = new WatchPage(page);
  await calls.open(serve.openUrl);
  await watch.openActivity();
  await expect(watch.activity).toContainText('No call flagged yet.');
  // headless Chromium answers a request it was not granted with "denied"
  await watch.activity.getByRole('button', { name: 'Allow notifications' }).click();
  await expect(watch.activity).toContainText(/Notifications are (blocked|on)/);
});
