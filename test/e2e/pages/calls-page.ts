import type { Locator, Page } from '@playwright/test';

/** Page object for the main window: the "Calls" table, the call view and the empty state. */
export class CallsPage {
  readonly page: Page;
  readonly table: Locator;
  readonly transcript: Locator;
  readonly emptyState: Locator;
  readonly search: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = page.getByRole('table', { name: 'Calls' });
    this.transcript = page.getByRole('list', { name: 'Transcript' });
    this.emptyState = page.getByRole('region', { name: 'No calls yet' });
    this.search = page.getByRole('searchbox', { name: 'Search calls' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  /** Data rows of the table (header row and virtualization spacers excluded). */
  callRows(): Locator {
    return this.table.locator('tbody tr[data-call-id]');
  }

  rowFor(text: string): Locator {
    return this.callRows().filter({ hasText: text });
  }

  turns(): Locator {
    return this.transcript.getByRole('listitem');
  }
}
