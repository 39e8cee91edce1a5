import type { Locator, Page } from '@playwright/test';

/** Page object for ticks and the ticked calls' bar (issue 14's bulk actions). */
export class BulkBar {
  readonly page: Page;
  readonly bar: Locator;
  /** "3 ticked", with "(1 not in this view)" when a filter leaves some out. */
  readonly count: Locator;
  readonly tagName: Locator;
  readonly exportCsv: Locator;
  /** the Undo in the message a bulk change leaves. */
  readonly undo: Locator;
  readonly message: Locator;

  constructor(page: Page) {
    this.page = page;
    this.bar = page.getByRole('toolbar', { name: 'Ticked calls' });
    this.count = this.bar.getByText(/ticked/);
    this.tagName = this.bar.getByRole('combobox', { name: 'Tag name' });
    this.exportCsv = this.bar.getByRole('link', { name: 'Export CSV' });
    this.message = page.getByRole('status', { name: 'Message' });
    this.undo = this.message.getByRole('button', { name: 'Undo' });
  }

  /** A row's tick box, by the call's external id. */
  tickBox(externalId: string): Locator {
    return this.page.getByRole('checkbox', { name: `Select ${externalId}`, exact: true });
  }

  /** The table header's box (its name says how many calls on screen it ticks). */
  headerBox(): Locator {
    return this.page.getByRole('table', { name: 'Calls' }).locator('thead').getByRole('checkbox');
  }

  button(name: string): Locator {
    return this.bar.getByRole('button', { name, exact: true });
  }

  async tag(name: string, change: 'Add tag' | 'Remove tag'): Promise<void> {
    await this.button('Tag…').click();
    await this.tagName.fill(name);
    await this.button(change).click();
  }
}
