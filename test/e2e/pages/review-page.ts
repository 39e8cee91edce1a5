import type { Locator, Page } from '@playwright/test';

/** Page object for the review screen of the open call. */
export class ReviewPage {
  readonly page: Page;
  readonly waveform: Locator;
  readonly transcript: Locator;
  readonly play: Locator;
  readonly pause: Locator;
  readonly markSuccess: Locator;
  readonly markFailure: Locator;
  readonly time: Locator;

  constructor(page: Page) {
    this.page = page;
    this.waveform = page.getByRole('region', { name: 'Waveform' });
    this.transcript = page.getByRole('list', { name: 'Transcript' });
    this.play = page.getByRole('button', { name: 'Play', exact: true });
    this.pause = page.getByRole('button', { name: 'Pause', exact: true });
    this.markSuccess = page.getByRole('button', { name: 'Mark success' });
    this.markFailure = page.getByRole('button', { name: 'Mark failure' });
    this.time = page.getByLabel('Playback time');
  }

  turns(): Locator {
    return this.transcript.getByRole('listitem');
  }

  interruptionMarkers(): Locator {
    return this.waveform.getByRole('button', { name: /^Interruption at / });
  }

  async playheadMs(): Promise<number> {
    return Number(await this.time.getAttribute('data-ms'));
  }

  /** The index of the turn marked aria-current, -1 when none. */
  async activeTurnIndex(): Promise<number> {
    return this.turns().evaluateAll((items) => items.findIndex((item) => item.getAttribute('aria-current') === 'true'));
  }
}
