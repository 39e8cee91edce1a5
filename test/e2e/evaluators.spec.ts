import { createServer, type IncomingMessage } from 'node:http';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './serve-fixture';
import { CallsPage } from './pages/calls-page';
import { ReviewPage } from './pages/review-page';
import { CallEvaluations, EvaluatorsPage, ListEvaluations } from './pages/evaluators-page';

/** Rule evaluators need no LLM server: "Agent never speaks card or SSN" checks the agent's turns for PII. */
const CARD_TEMPLATE = 'no_card_readback';
const CARD_TEMPLATE_NAME = 'Agent never speaks card or SSN';

async function postCall(request: APIRequestContext, base: string, key: string, id: string, startedAt: string, agentReadsCard: boolean): Promise<void> {
  const response = await request.post(`${base}/api/v1/observability/calls`, {
    headers: { 'X-API-KEY': key },
    data: {
      id,
      startedAt,
      messages: [
        { role: 'bot', content: 'Thanks for calling, how can I help?', start_time: 0, end_time: 2000 },
        { role: 'user', content: 'I want to check the card on my account.', start_time: 2600, end_time: 5200 },
        {
          role: 'bot',
          content: agentReadsCard ? 'The card on file is 4111 1111 1111 1111, expiring next May.' : 'The card on file ends in a number I cannot read out, but it is active.',
          start_time: 6000,
          end_time: 10_500,
        },
        { role: 'user', content: 'Great, thanks. Bye.', start_time: 11_200, end_time: 12_400 },
      ],
    },
  });
  expect(response.status()).toBe(201);
}

test('an evaluator from a template: edited to a new version, tested on the open call, run from the call with evidence that seeks, deleted and restored', async ({ page, serve }) => {
  await postCall(page.request, serve.baseUrl, serve.apiKey, 'card-readback', '2026-07-02T10:00:00Z', true);
  const calls = new CallsPage(page);
  const review = new ReviewPage(page);
  const evaluators = new EvaluatorsPage(page);
  const onCall = new CallEvaluations(page);
  await calls.open(serve.openUrl);
  await calls.rowFor('card-readback').click();
  await onCall.show();
  await expect(onCall.region).toContainText('No evaluator has run on this call.');

  // Ctrl+E opens the Evaluators page
  await page.keyboard.press('Control+e');
  await expect(evaluators.heading).toBeVisible();
  await evaluators.createFromTemplate(CARD_TEMPLATE);
  await expect(evaluators.row(CARD_TEMPLATE_NAME)).toContainText('v1');
  await expect(evaluators.row(CARD_TEMPLATE_NAME)).toContainText('rule');

  // an edit makes a new version
  const renamed = 'No card or SSN read back';
  await evaluators.editor.getByRole('textbox', { name: 'Name', exact: true }).fill(renamed);
  await evaluators.editor.getByRole('button', { name: 'Save' }).click();
  await expect(evaluators.editor.getByRole('status')).toHaveText('Saved as version 2.');
  await expect(evaluators.row(renamed)).toContainText('v2');

  // test on the open call: forced, the result inline
  await evaluators.testButton().click();
  await expect(evaluators.testResult()).toContainText('fail');
  await expect(evaluators.testResult()).toContainText('credit_card');
  await evaluators.backToCalls();

  // the result sits beside the transcript; "Run evaluator" (forced) runs it again on this call
  await expect(onCall.result(renamed)).toHaveAttribute('data-outcome', 'fail');
  await onCall.run(renamed, { force: true });
  await expect(onCall.region.getByRole('status')).toHaveText('Done.');
  await expect(onCall.results()).toHaveCount(1);
  await expect(onCall.result(renamed)).toHaveAttribute('data-outcome', 'fail');
  await expect(onCall.result(renamed)).toContainText('v2');

  // the evidence chip names the agent's turn; clicking it seeks there and makes the turn current
  const chip = onCall.evidenceChips(renamed);
  await expect(chip).toHaveCount(1);
  await expect(chip).toHaveText('Turn 2 · 0:06.0');
  await chip.click();
  await expect(review.turns().nth(2)).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => review.playheadMs()).toBe(6000);
  await expect(review.turns().nth(2)).toHaveAttribute('data-evidence', 'true');
  await page.screenshot({ path: 'test-results/screens/evaluations-call.png' });

  // delete, then Undo brings it back
  await evaluators.open();
  await evaluators.list.getByRole('button', { name: `Delete ${renamed}` }).click();
  await expect(evaluators.row(renamed)).toHaveCount(0);
  await evaluators.status.getByRole('button', { name: 'Undo' }).click();
  await expect(evaluators.row(renamed)).toContainText('v2');
});

test('the list evaluates every call matching the filter, reuses unchanged results, shows result columns and filters by outcome; alignment with manual marks', async ({ page, serve }) => {
  await postCall(page.request, serve.baseUrl, serve.apiKey, 'leaky', '2026-07-01T10:00:00Z', true);
  await postCall(page.request, serve.baseUrl, serve.apiKey, 'clean-agrees', '2026-07-01T11:00:00Z', false);
  await postCall(page.request, serve.baseUrl, serve.apiKey, 'clean-disagrees', '2026-07-01T12:00:00Z', false);
  const calls = new CallsPage(page);
  const review = new ReviewPage(page);
  const evaluators = new EvaluatorsPage(page);
  const list = new ListEvaluations(page);
  await calls.open(serve.openUrl);

  // manual marks: the leaky call failed (agrees), one clean call succeeded (agrees), one failed for another reason (disagrees)
  for (const [id, mark] of [['leaky', review.markFailure], ['clean-agrees', review.markSuccess], ['clean-disagrees', review.markFailure]] as const) {
    await calls.rowFor(id).click();
    await expect(page.getByRole('heading', { name: id })).toBeVisible();
    await mark.click();
    await expect(mark).toHaveAttribute('aria-pressed', 'true');
  }

  await evaluators.open();
  await evaluators.createFromTemplate(CARD_TEMPLATE);
  await expect(evaluators.row(CARD_TEMPLATE_NAME)).toContainText('v1');
  await expect(evaluators.alignmentRow(CARD_TEMPLATE_NAME)).toContainText('0');
  await evaluators.backToCalls();

  await list.evaluateAllMatching(CARD_TEMPLATE_NAME);
  await expect(list.progress.getByRole('status')).toHaveText('Evaluated: 3 done · 0 failed · 0 reused of 3');
  await expect(list.progress.getByRole('progressbar', { name: 'Evaluation progress' })).toHaveAttribute('value', '3');
  await expect(calls.table.getByRole('columnheader', { name: CARD_TEMPLATE_NAME })).toBeVisible();
  await expect(calls.rowFor('leaky')).toContainText('fail');
  await expect(calls.rowFor('clean-agrees')).toContainText('pass');
  await page.screenshot({ path: 'test-results/screens/evaluations-list.png' });

  // unchanged evaluator, unchanged calls: the results are reused
  await list.progress.getByRole('button', { name: 'Dismiss' }).click();
  await list.evaluateAllMatching(CARD_TEMPLATE_NAME);
  await expect(list.progress.getByRole('status')).toHaveText('Evaluated: 0 done · 0 failed · 3 reused of 3');

  await list.filterBy(CARD_TEMPLATE_NAME, 'fail');
  await expect(calls.callRows()).toHaveCount(1);
  await expect(calls.callRows().first()).toContainText('leaky');
  await list.filters.getByRole('button', { name: `Remove filter ${CARD_TEMPLATE_NAME}` }).click();
  await expect(calls.callRows()).toHaveCount(3);

  // failure is the positive class: tp = leaky, fn = clean-disagrees, tn = clean-agrees
  await evaluators.open();
  await expect(evaluators.alignmentRow(CARD_TEMPLATE_NAME).getByRole('cell').first()).toHaveText('3');
  expect(await evaluators.alignmentFigures(CARD_TEMPLATE_NAME)).toMatchObject({ n: '3', Accuracy: '67%', Precision: '100%', Recall: '50%', Kappa: '0.40' });
  await page.screenshot({ path: 'test-results/screens/evaluators-alignment.png' });
  await evaluators.alignmentRow(CARD_TEMPLATE_NAME).getByRole('button', { name: 'clean-disagrees' }).click();
  await expect(page.getByRole('heading', { name: 'clean-disagrees' })).toBeVisible();
  await expect(review.markFailure).toHaveAttribute('aria-pressed', 'true');
});

test('Settings: the LLM judge connection, with a write-only key', async ({ page, serve }) => {
  await postCall(page.request, serve.baseUrl, serve.apiKey, 'any-call', '2026-07-01T10:00:00Z', false);
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const judge = dialog.getByRole('group', { name: 'LLM judge' });
  await expect(judge.getByLabel('API key state')).toHaveText('Key: not set');
  await judge.getByLabel('Base URL').fill('http://127.0.0.1:9/v1');
  await judge.getByLabel('Model').fill('judge-model');
  await judge.getByLabel('API key', { exact: true }).fill('sk-test-not-shown');
  await judge.getByLabel('Concurrency').fill('8');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved.');
  await expect(judge.getByLabel('API key state')).toContainText('Key: set');
  await expect(judge.getByLabel('API key', { exact: true })).toHaveValue('');

  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(judge.getByLabel('Model')).toHaveValue('judge-model');
  await expect(judge.getByLabel('Base URL')).toHaveValue('http://127.0.0.1:9/v1');
  await expect(judge.getByLabel('Concurrency')).toHaveValue('8');
  await expect(judge.getByLabel('API key state')).toContainText('Key: set');
  await expect(page.locator('body')).not.toContainText('sk-test-not-shown');
});

/** A tiny OpenAI-compatible server: every chat completion answers "pass", citing turn 3. */
async function startFakeJudge(): Promise<{ url: string; requests: { auth: string | undefined; body: string }[]; close(): Promise<void> }> {
  const requests: { auth: string | undefined; body: string }[] = [];
  const readBody = async (request: IncomingMessage) => {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    return body;
  };
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      requests.push({ auth: request.headers.authorization, body });
      const answer = { verdict: 'pass', reason: 'The caller confirmed the card and said goodbye.', evidence_turns: [3] };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: 'chatcmpl-e2e',
          object: 'chat.completion',
          created: 0,
          model: 'fake-judge',
          choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(answer) }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 120, completion_tokens: 20, total_tokens: 140 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fake judge is not listening on a TCP port');
  return { url: `http://127.0.0.1:${address.port}/v1`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test('an LLM judge through a local OpenAI-compatible server: verdict, model, tokens and evidence beside the transcript', async ({ page, serve }) => {
  const judgeServer = await startFakeJudge();
  try {
    await postCall(page.request, serve.baseUrl, serve.apiKey, 'judged', '2026-07-01T10:00:00Z', false);
    const calls = new CallsPage(page);
    const review = new ReviewPage(page);
    const evaluators = new EvaluatorsPage(page);
    const onCall = new CallEvaluations(page);
    await calls.open(serve.openUrl);

    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const judge = dialog.getByRole('group', { name: 'LLM judge' });
    await judge.getByLabel('Base URL').fill(judgeServer.url);
    await judge.getByLabel('Model').fill('fake-judge');
    await judge.getByLabel('API key', { exact: true }).fill('sk-fake-judge');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog.getByRole('status')).toHaveText('Saved.');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await evaluators.open();
    await evaluators.createFromTemplate('problem_resolution');
    await expect(evaluators.row('Problem Resolution')).toContainText('LLM judge');
    await evaluators.backToCalls();

    await calls.rowFor('judged').click();
    await onCall.show();
    await onCall.run('Problem Resolution');
    const result = onCall.result('Problem Resolution');
    await expect(result).toHaveAttribute('data-outcome', 'pass');
    await expect(result).toContainText('The caller confirmed the card and said goodbye.');
    await expect(result).toContainText('fake-judge');
    await expect(result).toContainText('140 tokens');
    await onCall.evidenceChips('Problem Resolution').click();
    await expect(review.turns().nth(3)).toHaveAttribute('aria-current', 'true');

    expect(judgeServer.requests).toHaveLength(1);
    expect(judgeServer.requests[0]?.auth).toBe('Bearer sk-fake-judge');
    expect(judgeServer.requests[0]?.body).toContain('main problem or request was resolved');
  } finally {
    await judgeServer.close();
  }
});
