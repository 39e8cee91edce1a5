import { expect, test } from './serve-fixture';
import { CallsPage } from './pages/calls-page';
import { ReviewPage } from './pages/review-page';
import { postCall, type SeedMessage } from './support/post-call';

/** A call whose slow replies (3 s waits) leave latency markers at 5, 12, 19 and 26 s. */
function slowReplies(): SeedMessage[] {
  const messages: SeedMessage[] = [{ role: 'bot', content: 'Hello, how can I help?', start_time: 0, end_time: 2000 }];
  for (let k = 0; k < 4; k++) {
    const userEnd = 5000 + k * 7000;
    messages.push({ role: 'user', content: `Question ${k}`, start_time: userEnd - 2500, end_time: userEnd });
    messages.push({ role: 'bot', content: `Answer ${k}`, start_time: userEnd + 3000, end_time: userEnd + 4000 });
  }
  return messages;
}

test('while playing, "previous marker" goes back past the marker just passed', async ({ page, serve }) => {
  await postCall(page.request, serve, { id: 'markers-1', startedAt: '2026-06-01T10:00:00Z', messages: slowReplies() });
  const calls = new CallsPage(page);
  const review = new ReviewPage(page);
  await calls.open(serve.openUrl);
  await calls.rowFor('markers-1').click();
  await expect(review.waveform.getByRole('button', { name: /^Latency / })).toHaveCount(4);

  // half speed: the second after a marker lasts two, so a busy machine still presses inside it
  await review.speed.selectOption('0.5');
  await review.play.click();
  for (let n = 0; n < 3; n++) await review.nextMarker.click();
  await expect.poll(() => review.playheadMs(), { intervals: [50] }).toBeGreaterThanOrEqual(19_000);
  // the playhead plays on past the marker, as it does when a user looks before pressing again
  await expect.poll(() => review.playheadMs(), { intervals: [50] }).toBeGreaterThanOrEqual(19_200);
  expect(await review.playheadMs()).toBeLessThan(19_800);
  await review.previousMarker.click();
  await expect.poll(() => review.playheadMs()).toBeLessThan(14_000);
  expect(await review.playheadMs()).toBeGreaterThanOrEqual(12_000);

  // paused, previous from just after a marker still goes to that marker
  await review.pause.click();
  // the player says it stopped (the grace for a playing player no longer applies), and the playhead
  // has come to rest (a read right after the click may still be the moving one's)
  await expect(review.play).toBeVisible();
  let last = -1;
  await expect
    .poll(async () => {
      const now = await review.playheadMs();
      const settled = now === last;
      last = now;
      return settled;
    }, { intervals: [100] })
    .toBe(true);
  const at = last;
  await review.previousMarker.click();
  // more than 50 ms past the 12 s marker: back to it; less: to the one before; the shown playhead is
  // rounded to the ms, so right at the edge either is correct
  const expected = at > 12_051 ? [12_000] : at < 12_049 ? [5_000] : [12_000, 5_000];
  await expect.poll(async () => expected.includes(await review.playheadMs()), `paused at ${at}, expected ${expected.join(' or ')}`).toBe(true);
});

test('slow-reply marker labels stay on one line over the waveform', async ({ page, serve }) => {
  await postCall(page.request, serve, { id: 'labels-1', startedAt: '2026-06-01T10:00:00Z', messages: slowReplies() });
  const calls = new CallsPage(page);
  const review = new ReviewPage(page);
  await calls.open(serve.openUrl);
  await calls.rowFor('labels-1').click();
  const labels = review.waveform.locator('.marker.latency span');
  await expect(labels).toHaveCount(4);
  await expect(labels.first()).toHaveText('3000 ms');
  const lines = await labels.evaluateAll((spans) =>
    spans.map((span) => {
      const range = document.createRange();
      range.selectNodeContents(span);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    }),
  );
  expect(lines).toEqual([1, 1, 1, 1]);
});

test('when the open call leaves the list, the pane says so and offers a way back', async ({ page, serve }) => {
  await postCall(page.request, serve, { id: 'kept-open', startedAt: '2026-06-02T10:00:00Z', messages: slowReplies() });
  await postCall(page.request, serve, { id: 'a-failure', startedAt: '2026-06-01T10:00:00Z', messages: slowReplies() });
  const calls = new CallsPage(page);
  const review = new ReviewPage(page);
  await calls.open(serve.openUrl);
  await calls.rowFor('a-failure').click();
  await review.markFailure.click();
  await expect(review.markFailure).toHaveAttribute('aria-pressed', 'true');
  await calls.rowFor('kept-open').click();
  await expect(page.getByRole('heading', { name: 'kept-open' })).toBeVisible();

  await calls.verdictFilter.selectOption('failure');
  await expect(calls.callRows()).toHaveCount(1);
  const notice = page.getByRole('alert').filter({ hasText: 'not in the current filter' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Open the first match' }).click();
  await expect(page.getByRole('heading', { name: 'a-failure' })).toBeVisible();
  await expect(notice).toHaveCount(0);

  await calls.rowFor('a-failure').click();
  await calls.verdictFilter.selectOption('unreviewed');
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Clear filters' }).click();
  await expect(calls.callRows()).toHaveCount(2);
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'a-failure' })).toBeVisible();
});

test('an empty store shows the "No calls yet" card without an empty table flashing first', async ({ page, serve }) => {
  await page.addInitScript(() => {
    const seen = { table: false };
    Object.assign(window, { __seen: seen });
    new MutationObserver(() => {
      if (document.querySelector('table[aria-label="Calls"]')) seen.table = true;
    }).observe(document, { childList: true, subtree: true });
  });
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  await expect(calls.emptyState).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __seen: { table: boolean } }).__seen.table)).toBe(false);
});
