import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCall, scenario, type GeneratedCall } from '../support/audio-generate';
import { expect, test } from './serve-fixture';
import { CallsPage } from './pages/calls-page';
import { ReviewPage } from './pages/review-page';

let audioDir = '';
let call: GeneratedCall;

test.beforeAll(async () => {
  audioDir = mkdtempSync(join(tmpdir(), 'callscope-e2e-audio-'));
  call = await generateCall({ ...scenario('overlaps', 7), agentChannel: 0 }, audioDir);
});
test.afterAll(() => rmSync(audioDir, { recursive: true, force: true }));

async function postCall(request: import('@playwright/test').APIRequestContext, base: string, key: string, id: string, startedAt: string, withAudio: boolean) {
  const messages = call.transcript.map((t) => ({ role: t.role === 'agent' ? 'bot' : 'user', content: t.text, start_time: t.start_ms, end_time: t.end_ms }));
  const response = await request.post(`${base}/api/v1/observability/calls`, { headers: { 'X-API-KEY': key }, data: { id, startedAt, messages } });
  expect(response.status()).toBe(201);
  if (!withAudio) return;
  const upload = await request.post(`${base}/api/v1/recordings?filename=${id}.wav`, { headers: { 'X-API-KEY': key, 'content-type': 'application/octet-stream' }, data: readFileSync(call.wavPath) });
  expect(upload.status()).toBe(201);
  await expect.poll(async () => (await (await request.get(`${base}/api/v1/calls/${id}/metrics`, { headers: { 'X-API-KEY': key } })).json()).audio?.status, { timeout: 20_000 }).toBe('done');
}

test('the review screen: two lanes, markers, seeking, playback, verdicts and j', async ({ page, serve }) => {
  await postCall(page.request, serve.baseUrl, serve.apiKey, 'review-older', '2026-07-01T10:00:00Z', false);
  await postCall(page.request, serve.baseUrl, serve.apiKey, 'review-1', '2026-07-02T10:00:00Z', true);
  const metrics = await (await page.request.get(`${serve.baseUrl}/api/v1/calls/review-1/metrics`, { headers: { 'X-API-KEY': serve.apiKey } })).json();
  const interruptions = metrics.interruptions.user_interrupts_agent.length + metrics.interruptions.agent_interrupts_user.length;
  expect(interruptions).toBeGreaterThan(0);

  const calls = new CallsPage(page);
  const review = new ReviewPage(page);
  await calls.open(serve.openUrl);
  await calls.rowFor('review-1').click();
  await expect(review.waveform).toHaveAttribute('data-status', 'ready');
  await expect(review.waveform).toHaveAttribute('data-lanes', '2');
  await expect(review.interruptionMarkers()).toHaveCount(interruptions);
  await page.screenshot({ path: 'test-results/screens/review.png' });

  // clicking turn 3 seeks to its start
  const third = call.transcript[2]!;
  await review.turns().nth(2).click();
  await expect.poll(() => review.playheadMs()).toBeGreaterThanOrEqual(third.start_ms - 50);
  expect(Math.abs((await review.playheadMs()) - third.start_ms)).toBeLessThanOrEqual(50);
  await expect(review.turns().nth(2)).toHaveAttribute('aria-current', 'true');

  // playing moves aria-current along the turns
  await review.play.click();
  await expect(review.pause).toBeVisible();
  await expect.poll(() => review.activeTurnIndex(), { timeout: 15_000 }).toBeGreaterThan(2);
  await review.pause.click();

  // a marker seeks where it says
  const marker = review.interruptionMarkers().first();
  const label = (await marker.getAttribute('aria-label')) ?? '';
  const at = Number(/at ([\d.]+) s/.exec(label)?.[1]) * 1000;
  await marker.click();
  await expect.poll(() => review.playheadMs()).toBeGreaterThanOrEqual(at - 100);
  expect(Math.abs((await review.playheadMs()) - at)).toBeLessThanOrEqual(100);

  // a verdict persists across a reload and shows in the list
  await review.markSuccess.click();
  await expect(review.markSuccess).toHaveAttribute('aria-pressed', 'true');
  // the list shows it once the store has it: only then is a reload sure to find it
  await expect(calls.rowFor('review-1')).toContainText('success');
  await page.reload();
  await calls.rowFor('review-1').click();
  await expect(review.markSuccess).toHaveAttribute('aria-pressed', 'true');
  await expect(calls.rowFor('review-1')).toContainText('success');

  // j opens the next call in the list order (newest first: review-1, then review-older)
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { name: 'review-older' })).toBeVisible();
  await expect(review.waveform).toHaveAttribute('data-lanes', '1'); // no recording: a timeline of the turns
  await page.screenshot({ path: 'test-results/screens/review-no-recording.png' });
});

test('notes anchor to the playhead and seek back; a verdict change can be undone', async ({ page, serve }) => {
  await postCall(page.request, serve.baseUrl, serve.apiKey, 'notes-1', '2026-07-03T10:00:00Z', false);
  const calls = new CallsPage(page);
  const review = new ReviewPage(page);
  await calls.open(serve.openUrl);
  await calls.rowFor('notes-1').click();
  await review.turns().nth(3).click();
  const at = await review.playheadMs();
  await page.keyboard.press('n');
  await page.keyboard.type('Agent talks over the caller here');
  await page.keyboard.press('Enter');
  const note = page.getByRole('list', { name: 'Call notes' }).getByRole('listitem');
  await expect(note).toContainText('Agent talks over the caller here');
  await review.turns().nth(0).click();
  await note.getByRole('button').first().click();
  await expect.poll(() => review.playheadMs()).toBe(at);

  await page.keyboard.press('f');
  await expect(review.markFailure).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(review.markFailure).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});
