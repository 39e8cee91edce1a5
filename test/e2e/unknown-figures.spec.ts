import { expect, test } from './serve-fixture';
import { CallsPage } from './pages/calls-page';
import { ReviewPage } from './pages/review-page';
import { getJson, postCall, timedConversation } from './support/post-call';
import { CallEvaluations, EvaluatorsPage, ListEvaluations } from './pages/evaluators-page';

interface ListedCall {
  interruption_count: number | null;
  longest_silence_ms: number | null;
}

/** Three calls: one whose turns carry no times (34 s long), one timed without interruptions, one with an interruption. */
test.beforeEach(async ({ page, serve }) => {
  await postCall(page.request, serve, {
    id: 'untimed',
    startedAt: '2026-06-03T10:00:00.000Z',
    endedAt: '2026-06-03T10:00:34.000Z',
    messages: [
      { role: 'bot', content: 'Hello, this is the clinic.' },
      { role: 'user', content: 'Hi, I would like to move my appointment.' },
      { role: 'bot', content: 'Of course, which day suits you?' },
    ],
  });
  await postCall(page.request, serve, { id: 'timed-calm', startedAt: '2026-06-02T10:00:00Z', messages: timedConversation(4) });
  const overlapping = timedConversation(6);
  overlapping[2] = { ...overlapping[2]!, start_time: overlapping[1]!.start_time! + 500 }; // the agent cuts in 0.5 s into the caller's turn
  await postCall(page.request, serve, { id: 'timed-overlap', startedAt: '2026-06-01T10:00:00Z', messages: overlapping });
});

test('a figure that could not be measured is null in the API, "—" on screen, sorted last and never matched as zero', async ({ page, serve }) => {
  const listed = await getJson<ListedCall>(page.request, serve, '/api/v1/calls/untimed');
  expect(listed.interruption_count).toBeNull();
  expect(listed.longest_silence_ms).toBeNull();
  const metrics = await getJson<{ interruptions: { count: number | null }; silence: { longest_ms: number | null } }>(page.request, serve, '/api/v1/calls/untimed/metrics');
  expect(metrics.interruptions.count).toBeNull();
  expect(metrics.silence.longest_ms).toBeNull();
  expect((await getJson<ListedCall>(page.request, serve, '/api/v1/calls/timed-calm')).interruption_count).toBe(0);
  expect((await getJson<ListedCall>(page.request, serve, '/api/v1/calls/timed-overlap')).interruption_count).toBe(1);

  const calls = new CallsPage(page);
  const review = new ReviewPage(page);
  await calls.open(serve.openUrl);
  await expect(await calls.cell('untimed', 'Interruptions')).toHaveText('—');
  await expect(await calls.cell('untimed', 'Longest silence')).toHaveText('—');
  await expect(await calls.cell('timed-calm', 'Interruptions')).toHaveText('0');

  // sorted by interruptions, either way, the unknown comes last
  const header = calls.table.locator('th', { has: page.getByRole('button', { name: 'Interruptions' }) });
  const expected = { ascending: ['timed-calm', 'timed-overlap', 'untimed'], descending: ['timed-overlap', 'timed-calm', 'untimed'] };
  const seen = new Set<string>();
  for (let click = 0; click < 2; click++) {
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', /ascending|descending/);
    const direction = (await header.getAttribute('aria-sort')) === 'ascending' ? 'ascending' : 'descending';
    seen.add(direction);
    await expect.poll(() => calls.rowIds()).toEqual(expected[direction]);
  }
  expect(seen.size).toBe(2);

  // "interruptions < 1" is a statement about calls that were measured
  await page.getByLabel('Metric').selectOption({ label: 'interruptions' });
  await page.getByLabel('Comparison').selectOption('<');
  await page.getByLabel('Value').fill('1');
  await page.getByRole('button', { name: 'Add filter' }).click();
  await expect.poll(() => calls.rowIds()).toEqual(['timed-calm']);
  await page.getByRole('button', { name: /^Remove filter/ }).click();

  // the panel says "—", and the timeline is the call's 34 s, not one second
  await calls.rowFor('untimed').click();
  await expect(review.metric('Interruptions')).toHaveText('—');
  await expect(review.metric('Longest silence')).toHaveText('—');
  await expect.poll(() => review.durationText()).toBe('0:34.0');
});

test('a rule with nothing to measure is "not applicable": shown apart, never a fail, left out of the alignment', async ({ page, serve }) => {
  const headers = { 'X-API-KEY': serve.apiKey };
  const created = await page.request.post(`${serve.baseUrl}/api/v1/evaluators`, {
    headers,
    data: { spec: { kind: 'rule', name: 'Replies under 500 ms', rule: { check: 'latency_p90_under', max_ms: 500 } } },
  });
  expect(created.status()).toBe(201);
  const evaluator = (await created.json()) as { id: string };
  const ids = await Promise.all(['untimed', 'timed-calm', 'timed-overlap'].map(async (id) => (await getJson<{ id: string }>(page.request, serve, `/api/v1/calls/${id}`)).id));
  // every call marked failure by hand, so each judged one enters the alignment
  for (const id of ['untimed', 'timed-calm', 'timed-overlap']) {
    expect((await page.request.put(`${serve.baseUrl}/api/v1/calls/${id}/review`, { headers, data: { verdict: 'failure' } })).status()).toBe(200);
  }
  const started = await page.request.post(`${serve.baseUrl}/api/v1/evaluation-runs`, { headers, data: { evaluator_ids: [evaluator.id], filter: {} } });
  expect(started.status()).toBe(202);
  const run = (await started.json()) as { id: string };
  await expect.poll(async () => (await getJson<{ status: string }>(page.request, serve, `/api/v1/evaluation-runs/${run.id}`)).status).toBe('completed');
  expect(ids).toHaveLength(3);

  const calls = new CallsPage(page);
  const list = new ListEvaluations(page);
  await calls.open(serve.openUrl);
  await calls.rowFor('untimed').click();
  const onCall = new CallEvaluations(page);
  await onCall.show();
  const result = onCall.result('Replies under 500 ms');
  await expect(result).toHaveAttribute('data-outcome', 'not_applicable');
  await expect(result).toContainText('n/a');
  await expect(result).toContainText('No agent reply latency could be measured');

  // the timed calls reply in 600 ms: they fail; the untimed one is not among the failures
  await list.filterBy('Replies under 500 ms', 'fail');
  await expect.poll(() => calls.rowIds()).toEqual(['timed-calm', 'timed-overlap']);
  await page.getByRole('button', { name: 'Remove filter Replies under 500 ms' }).click();
  await list.filterBy('Replies under 500 ms', 'not_applicable');
  await expect.poll(() => calls.rowIds()).toEqual(['untimed']);

  const evaluators = new EvaluatorsPage(page);
  await evaluators.open();
  await expect(evaluators.alignmentRow('Replies under 500 ms')).toBeVisible();
  const figures = await evaluators.alignmentFigures('Replies under 500 ms');
  expect(figures.n).toBe('2');
  expect(figures['n/a']).toBe('1');
});
