import type { Locator, Page } from '@playwright/test';

export type QueueChoice =
  | { kind: 'view' }
  | { kind: 'random' | 'per_agent'; n: number }
  | { kind: 'worst'; n: number; by: 'reply latency p90' | 'reply latency p50' | 'time to first word' | 'interruptions' | 'longest silence' | 'duration' };

const choiceLabels = {
  view: 'The whole view, in its order',
  random: 'Calls at random',
  per_agent: 'Calls per agent, at random',
  worst: 'The worst calls by a figure',
} as const;

/** Page object for review queues: the start dialog, the queue bar, the kept queues' popover. */
export class QueuePage {
  readonly page: Page;
  readonly bar: Locator;
  readonly progress: Locator;
  /** "14 of 50 reviewed" / "All 50 reviewed" */
  readonly status: Locator;
  /** "Call 7 of 50" */
  readonly position: Locator;
  readonly nextUnreviewed: Locator;
  readonly advance: Locator;
  readonly leave: Locator;
  /** the Undo of the verdict that moved the queue on */
  readonly undo: Locator;
  readonly startButton: Locator;
  readonly dialog: Locator;
  readonly queuesButton: Locator;
  readonly kept: Locator;
  /** the open call's review screen (named "Call <external id>") */
  readonly callView: Locator;

  constructor(page: Page) {
    this.page = page;
    this.bar = page.getByRole('region', { name: 'Review queue', exact: true });
    this.progress = this.bar.getByRole('progressbar', { name: 'Queue progress' });
    this.status = this.bar.locator('.queue-status');
    this.position = this.bar.locator('.queue-position');
    this.nextUnreviewed = this.bar.getByRole('button', { name: 'Next unreviewed' });
    this.advance = this.bar.getByRole('checkbox', { name: 'After a verdict, go to the next unreviewed call' });
    this.leave = this.bar.getByRole('button', { name: 'Leave queue' });
    this.undo = this.bar.getByRole('button', { name: 'Undo' });
    this.startButton = page.getByRole('button', { name: 'Start review queue…' });
    this.dialog = page.getByRole('dialog', { name: 'Start review queue' });
    this.queuesButton = page.getByRole('group', { name: 'Queue tools' }).getByRole('button', { name: /^Queues/ });
    this.kept = page.getByRole('region', { name: 'Kept queues' });
    this.callView = page.getByRole('region', { name: /^Call / });
  }

  /** Fills the start dialog (already open) and starts the queue. */
  async start(choice: QueueChoice, name?: string): Promise<void> {
    await this.dialog.getByRole('radio', { name: choiceLabels[choice.kind] }).check();
    if (choice.kind !== 'view') await this.dialog.getByLabel('How many calls').fill(String(choice.n));
    if (choice.kind === 'worst') await this.dialog.getByLabel('Worst by').selectOption({ label: choice.by });
    if (name !== undefined) await this.dialog.getByLabel('Queue name').fill(name);
    await this.dialog.getByRole('button', { name: 'Start' }).click();
  }

  /** The external id of the open call, from its review screen's name. */
  async openCall(): Promise<string> {
    return ((await this.callView.getAttribute('aria-label')) ?? '').replace(/^Call /, '');
  }

  /** A kept queue's row in the popover. */
  keptQueue(name: string): Locator {
    return this.kept.getByRole('listitem').filter({ hasText: name });
  }
}
