import { expect, test } from './serve-fixture';
import type { Page } from '@playwright/test';
import type { ServeProcess } from './serve-fixture';
import { CallsPage } from './pages/calls-page';
import { QueuePage } from './pages/queue-page';
import { postCall, type SeedMessage } from './support/post-call';

/**
 * Issue 14's review queue: started from the list (a sample of it), worked with s / f alone, kept
 * across a reload, its n-worst sample, and a verdict's Undo inside it.
 */

/** Each call's one reply gap (ms): with a single handoff it is the call's p50 and p90 reply latency. */
const gaps = [900, 2400, 1300, 3100, 700, 2800, 1600, 3500, 1100, 2000, 600, 2600];
const idOf = (i: number) => `queue-${String(i + 1).padStart(2, '0')}`;

function conversation(gapMs: number): SeedMessage[] {
  return [
    { role: 'bot', content: 'Thanks for calling, how can I help?', start_time: 0, end_time: 2000 },
    { role: 'user', content: 'I need to move my delivery to Friday.', start_time: 2500, end_time: 4500 },
    { role: 'bot', content: 'Sure, let me look that up.', start_time: 4500 + gapMs, end_time: 6500 + gapMs },
  ];
}

// each test walks a whole queue, a reload included: more steps than most specs, so more time on a busy machine
test.slow();

async function postTwelve(page: Page, serve: ServeProcess): Promise<void> {
  for (const [i, gap] of gaps.entries()) {
    await postCall(page.request, serve, { id: idOf(i), startedAt: new Date(Date.UTC(2026, 4, 4, 9, i)).toISOString(), agent_id: i % 2 === 0 ? 'agent_a' : 'agent_b', messages: conversation(gap) });
  }
}

test('a queue of 5 random calls is started and worked by keyboard alone, resumed after a reload, then kept in the queue list', async ({ page, serve }) => {
  await postTwelve(page, serve);
  const calls = new CallsPage(page);
  const queue = new QueuePage(page);
  await calls.open(serve.openUrl);
  await expect(calls.callRows()).toHaveCount(12);

  // keyboard first: q, the number (the field has focus, its value selected), Enter
  await page.keyboard.press('q');
  const howMany = queue.dialog.getByLabel('How many calls');
  await expect(howMany).toBeFocused();
  await expect(queue.dialog.getByLabel('Queue name')).toHaveValue('All calls: 20 at random');
  await page.keyboard.type('5');
  await expect(queue.dialog.getByLabel('Queue name')).toHaveValue('All calls: 5 at random');
  await page.keyboard.press('Enter');
  await expect(queue.status).toHaveText('0 of 5 reviewed');
  await expect(queue.progress).toHaveAttribute('aria-valuenow', '0');
  await expect(queue.progress).toHaveAttribute('aria-valuemax', '5');
  await expect(calls.callRows()).toHaveCount(5);
  await expect(page.locator('.topbar .count')).toHaveText('5 of 12 calls');
  await expect(queue.queuesButton).toHaveText('Queues (1)');
  const inQueue = await calls.rowIds();
  expect(new Set(inQueue).size).toBe(5);

  // from here on, keys only: each verdict moves on to the next unreviewed call of the queue
  const pressed = new Map<string, 's' | 'f'>();
  for (let i = 0; i < 5; i++) {
    if (i === 2) {
      await page.reload();
      await expect(queue.status).toHaveText('2 of 5 reviewed');
      await expect(calls.callRows()).toHaveCount(5);
    }
    await expect(queue.callView).toHaveAttribute('aria-label', `Call ${inQueue[i]}`);
    await expect(queue.position).toHaveText(`Call ${i + 1} of 5`);
    const key = i % 2 === 0 ? 's' : 'f';
    await page.keyboard.press(key);
    pressed.set(inQueue[i] ?? '', key);
    await expect(queue.status).toHaveText(i === 4 ? 'All 5 reviewed' : `${i + 1} of 5 reviewed`);
    await expect(queue.progress).toHaveAttribute('aria-valuenow', String(i + 1));
  }
  // the last verdict has nowhere to go: the call stays open
  await expect(queue.callView).toHaveAttribute('aria-label', `Call ${inQueue[4]}`);
  for (const [id, key] of pressed) await expect(await calls.cell(id, 'Verdict')).toHaveText(key === 's' ? 'success' : 'failure');

  await queue.leave.click();
  await expect(queue.bar).toHaveCount(0);
  await expect(calls.callRows()).toHaveCount(12);
  await calls.verdictFilter.selectOption('unreviewed');
  await expect(calls.callRows()).toHaveCount(7);
  expect((await calls.rowIds()).filter((id) => pressed.has(id))).toEqual([]);

  // kept: listed with its progress, deleted with Undo, resumed
  await queue.queuesButton.click();
  const kept = queue.keptQueue('All calls: 5 at random');
  await expect(kept).toContainText('All 5 reviewed');
  await kept.getByRole('button', { name: 'Delete queue All calls: 5 at random' }).click();
  await expect(kept).toHaveCount(0);
  await queue.kept.getByRole('button', { name: 'Undo' }).click();
  await expect(kept).toContainText('All 5 reviewed');
  await kept.getByRole('button', { name: 'Resume queue All calls: 5 at random' }).click();
  await expect(queue.status).toHaveText('All 5 reviewed');
  await expect(calls.callRows()).toHaveCount(5);
});

test('the n worst by p90 are the calls the test computes; Undo in the queue puts back the call left, without going back to it', async ({ page, serve }) => {
  await postTwelve(page, serve);
  const worst = gaps
    .map((gap, i) => ({ gap, id: idOf(i) }))
    .sort((a, b) => b.gap - a.gap)
    .slice(0, 3)
    .map((c) => c.id);
  const calls = new CallsPage(page);
  const queue = new QueuePage(page);
  await calls.open(serve.openUrl);
  await expect(calls.callRows()).toHaveCount(12);

  await queue.startButton.click();
  await queue.start({ kind: 'worst', n: 3, by: 'reply latency p90' });
  await expect(queue.status).toHaveText('0 of 3 reviewed');
  // listed worst first: the queue's order
  await expect.poll(() => calls.rowIds()).toEqual(worst);
  await expect(queue.callView).toHaveAttribute('aria-label', `Call ${worst[0]}`);

  await page.keyboard.press('f');
  await expect(queue.status).toHaveText('1 of 3 reviewed');
  await expect(queue.callView).toHaveAttribute('aria-label', `Call ${worst[1]}`);
  await expect(queue.bar).toContainText('Call 1 marked failure');
  await queue.undo.click();
  await expect(queue.status).toHaveText('0 of 3 reviewed');
  await expect(await calls.cell(worst[0] ?? '', 'Verdict')).toHaveText('—');
  // still on the call it had moved on to
  await expect(queue.callView).toHaveAttribute('aria-label', `Call ${worst[1]}`);
  await expect(queue.position).toHaveText('Call 2 of 3');

  await page.keyboard.press('s');
  await expect(queue.status).toHaveText('1 of 3 reviewed');
  await expect(queue.callView).toHaveAttribute('aria-label', `Call ${worst[2]}`);
  // Shift+J: the next unreviewed, round to the one whose verdict was undone
  await page.keyboard.press('Shift+J');
  await expect(queue.callView).toHaveAttribute('aria-label', `Call ${worst[0]}`);

  // with going on turned off, a verdict stays on its call; the choice is remembered
  await queue.advance.uncheck();
  await page.keyboard.press('f');
  await expect(queue.status).toHaveText('2 of 3 reviewed');
  await expect(page.getByRole('button', { name: 'Mark failure' })).toHaveAttribute('aria-pressed', 'true');
  await expect(queue.callView).toHaveAttribute('aria-label', `Call ${worst[0]}`);
  // the call view's own Undo (the call stayed open) counts in the queue too
  await page.getByRole('group', { name: 'Review' }).getByRole('button', { name: 'Undo' }).click();
  await expect(queue.status).toHaveText('1 of 3 reviewed');
  await page.keyboard.press('f');
  await expect(queue.status).toHaveText('2 of 3 reviewed');
  await page.reload();
  await expect(queue.status).toHaveText('2 of 3 reviewed');
  await expect(queue.advance).not.toBeChecked();

  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByRole('row', { name: /^q / })).toContainText('start a review queue');
  await expect(shortcuts.getByRole('row', { name: /Shift\+J/ })).toContainText('next unreviewed call of the queue');
});
