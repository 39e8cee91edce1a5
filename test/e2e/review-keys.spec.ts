import { expect, test } from './serve-fixture';
import { CallsPage } from './pages/calls-page';
import { ReviewPage } from './pages/review-page';
import { getJson, postCall, timedConversation } from './support/post-call';

const CALLS = 8;
const idOf = (n: number) => `keys-${n}`;

/** Eight calls, newest first in the list: keys-7, keys-6, ..., keys-0. */
test.beforeEach(async ({ page, serve }) => {
  for (let n = 0; n < CALLS; n++) {
    await postCall(page.request, serve, { id: idOf(n), startedAt: `2026-05-0${n + 1}T09:00:00Z`, messages: timedConversation(6) });
  }
});

async function verdictOf(page: import('@playwright/test').Page, serve: import('./serve-fixture').ServeProcess, id: string): Promise<string | null> {
  const call = await getJson<{ verdict: string | null }>(page.request, serve, `/api/v1/calls/${id}`);
  return call.verdict;
}

test('review keys act after the Zoom slider or the speed select took focus, and every verdict is saved', async ({ page, serve }) => {
  const calls = new CallsPage(page);
  const review = new ReviewPage(page);
  await calls.open(serve.openUrl);
  await calls.rowFor(idOf(7)).click();
  await expect(page.getByRole('heading', { name: idOf(7) })).toBeVisible();

  // The slider keeps its own arrow keys...
  await review.zoom.click();
  await expect(review.zoom).toBeFocused();
  const before = Number(await review.zoom.inputValue());
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number(await review.zoom.inputValue())).toBeGreaterThan(before);
  // ...and every review key still acts: s marks, j moves on.
  for (const n of [7, 6, 5]) {
    await expect(page.getByRole('heading', { name: idOf(n) })).toBeVisible();
    await page.keyboard.press('s');
    await expect(review.markSuccess).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('j');
  }

  // The same from the speed select, with f this time.
  await expect(page.getByRole('heading', { name: idOf(4) })).toBeVisible();
  await review.speed.selectOption('1.5');
  await review.speed.focus();
  for (const n of [4, 3, 2]) {
    await expect(page.getByRole('heading', { name: idOf(n) })).toBeVisible();
    await page.keyboard.press('f');
    await expect(review.markFailure).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('j');
  }
  await expect(review.speed).toHaveValue('1.5'); // letters never reached the select

  for (const n of [7, 6, 5]) expect(await verdictOf(page, serve, idOf(n))).toBe('success');
  for (const n of [4, 3, 2]) expect(await verdictOf(page, serve, idOf(n))).toBe('failure');
  for (const n of [1, 0]) expect(await verdictOf(page, serve, idOf(n))).toBeNull();
});

test('a key that cannot act says why instead of doing nothing', async ({ page, serve }) => {
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  await expect(calls.callRows()).toHaveCount(CALLS);

  // no call open: s has nothing to mark
  await page.keyboard.press('s');
  await expect(calls.toast).toContainText('Open a call first');

  // the last call: j has nowhere to go
  await calls.rowFor(idOf(0)).click();
  await expect(page.getByRole('heading', { name: idOf(0) })).toBeVisible();
  await page.keyboard.press('j');
  await expect(calls.toast).toContainText('last call');
  await expect(page.getByRole('heading', { name: idOf(0) })).toBeVisible();

  // in a text field, letters are text
  await calls.search.click();
  await page.keyboard.type('sj');
  await expect(calls.search).toHaveValue('sj');
  expect(await verdictOf(page, serve, idOf(0))).toBeNull();
});
