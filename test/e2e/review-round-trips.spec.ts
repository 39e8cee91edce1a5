import type { Page } from '@playwright/test';
import { expect, test } from './serve-fixture';
import { CallsPage } from './pages/calls-page';
import { ReviewPage } from './pages/review-page';
import { postCall, timedConversation } from './support/post-call';

/** The API methods the page asks for from now on, in order (the event stream left out). */
function rpcCalls(page: Page): string[] {
  const methods: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/rpc/') && pathname !== '/rpc/events') methods.push(pathname.slice('/rpc/'.length));
  });
  return methods;
}

test('pressing s is one setVerdict: the open call is not read again, and the list shows the verdict', async ({ page, serve }) => {
  await postCall(page.request, serve, { id: 'trip-1', startedAt: '2026-06-01T09:00:00Z', messages: timedConversation(4) });
  await postCall(page.request, serve, { id: 'trip-2', startedAt: '2026-06-02T09:00:00Z', messages: timedConversation(4) });
  const calls = new CallsPage(page);
  const review = new ReviewPage(page);
  await calls.open(serve.openUrl);
  await calls.rowFor('trip-1').click();
  await expect(review.transcript.getByRole('listitem')).toHaveCount(4);
  await expect(review.waveform).toHaveAttribute('data-status', 'ready');
  const verdict = await calls.cell('trip-1', 'Verdict');
  await expect(verdict).toHaveText('—');

  const methods = rpcCalls(page);
  await page.keyboard.press('s');
  await expect(review.markSuccess).toHaveAttribute('aria-pressed', 'true');
  // the list is read again on the verdict's event: by then a re-read of the call would have been asked too
  await expect(verdict).toHaveText('success');
  expect(methods.filter((m) => m === 'setVerdict')).toHaveLength(1);
  expect(methods.filter((m) => m === 'getCall')).toEqual([]);
  expect(methods).toContain('listCalls');

  // Undo is one more write, read the same way
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(review.markSuccess).toHaveAttribute('aria-pressed', 'false');
  await expect(verdict).toHaveText('—');
  expect(methods.filter((m) => m === 'setVerdict')).toHaveLength(2);
  expect(methods.filter((m) => m === 'getCall')).toEqual([]);
});

test('a call that arrives while the event stream is down shows once the stream is back', async ({ page, serve }) => {
  await postCall(page.request, serve, { id: 'before-drop', startedAt: '2026-06-01T09:00:00Z', messages: timedConversation(2) });
  // the first connection fails; the browser's retry is held until the call has been posted
  let attempts = 0;
  let reconnect: () => void = () => undefined;
  const reconnectAllowed = new Promise<void>((resolve) => (reconnect = resolve));
  await page.route('**/rpc/events', async (route) => {
    attempts++;
    if (attempts === 1) return route.abort('connectionreset');
    await reconnectAllowed;
    await route.continue();
  });
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  await expect(calls.rowFor('before-drop')).toBeVisible();
  await expect.poll(() => attempts, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);

  await postCall(page.request, serve, { id: 'during-drop', startedAt: '2026-06-02T09:00:00Z', messages: timedConversation(2) });
  // no event can tell of it: the list still shows one call
  await expect(calls.callRows()).toHaveCount(1);
  reconnect();
  await expect(calls.rowFor('during-drop')).toBeVisible();
  await expect(calls.callRows()).toHaveCount(2);
});
