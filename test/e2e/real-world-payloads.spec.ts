import { expect, test } from './serve-fixture';
import { CallsPage, ImportPanel } from './pages/calls-page';
import { CallEvaluations } from './pages/evaluators-page';

/** What the wild payloads showed, as a user sees it: bare transcripts, unknown roles, cut turns, provider evaluations. */

test('a dropped bare transcript is one call named after its file, the format named in the summary', async ({ page, serve }) => {
  const calls = new CallsPage(page);
  const panel = new ImportPanel(page);
  await calls.open(serve.openUrl);
  const transcript = [
    { role: 'agent', content: 'Hello! How can I help?', words: [{ word: 'Hello!', start: 0.4, end: 0.9 }] },
    { role: 'user', content: 'I need to book.', words: [{ word: 'book.', start: 1.5, end: 1.9 }] },
  ];
  // a published example: a comment and a trailing comma
  await panel.drop([{ name: 'retell-transcript.json', text: `// saved from the console\n${JSON.stringify(transcript).replace(/\]$/, ',]')}` }]);
  await expect(panel.region).toContainText('imported 1');
  await expect(panel.region).toContainText('read as: 1 × Retell transcript (a bare array of turns)');
  await calls.callRows().first().click();
  await expect(page.getByRole('heading', { name: 'retell-transcript.json' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Transcript' }).getByRole('listitem')).toHaveCount(2);
});

test('a turn of an unknown role is shown with its own name, a cut turn says so, and provider evaluations show', async ({ page, serve }) => {
  const body = {
    event_type: 'call_log.completed',
    data: {
      call_id: 'wild-ui-1',
      agent_id: '3',
      duration: '00:40',
      timestamp: '2026-01-05T10:00:00Z',
      success: true,
      evaluation: { metrics: [{ id: 1, name: 'greets the caller', eval_type: 'binary', passed: false, explanation: ['No greeting was heard.'] }] },
      transcript_object: [
        { role: 'Main Agent', content: 'Hello.', start_time: 0.5, end_time: 1.2 },
        { role: 'Supervisor', content: 'Joining the call.', start_time: 2, end_time: 3 },
        // a runaway turn: 1 500 repeats of 49 bytes, 73 500 bytes
        { role: 'Testing Agent', content: 'the caller keeps talking about the weather today '.repeat(1500), start_time: 4, end_time: 9 },
      ],
    },
  };
  const response = await page.request.post(`${serve.baseUrl}/api/v1/import`, { headers: { 'X-API-KEY': serve.apiKey }, data: body });
  expect(response.status(), await response.text()).toBe(201);
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  await calls.rowFor('wild-ui-1').click();
  const turns = page.getByRole('list', { name: 'Transcript' }).getByRole('listitem');
  await expect(turns).toHaveCount(3);
  await expect(turns.nth(1)).toContainText('Supervisor');
  await expect(turns.nth(1)).toContainText('(unknown role)');
  await expect(turns.nth(2)).toContainText('truncated: first 64 KiB of 72 KiB');
  await new CallEvaluations(page).show();
  const reported = page.getByRole('list', { name: 'Evaluations reported by cekura' });
  await expect(reported.getByRole('listitem')).toHaveCount(2);
  await expect(reported).toContainText('greets the caller');
  await expect(reported).toContainText('No greeting was heard.');
  await page.screenshot({ path: 'test-results/screens/real-world-payloads.png' });
});
