import type { Locator, Page } from '@playwright/test';

/** Page object for the Overview: its tab, period, tiles, the latency histogram's bars and the plots' tables. */
export class OverviewPage {
  readonly page: Page;
  readonly tab: Locator;
  readonly main: Locator;
  readonly histogram: Locator;
  readonly agents: Locator;

  constructor(page: Page) {
    this.page = page;
    this.tab = page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Overview' });
    this.main = page.getByRole('main', { name: 'Overview' });
    this.histogram = this.main.getByRole('figure', { name: 'Agent reply latency distribution' });
    this.agents = this.main.getByRole('figure', { name: 'Agents' });
  }

  period(label: string): Locator {
    return this.main.getByRole('group', { name: 'Period' }).getByRole('button', { name: label });
  }

  tile(label: string): Locator {
    return this.main.getByRole('list', { name: 'Figures' }).getByRole('listitem', { name: label, exact: true });
  }

  /** The figure a tile shows, as the number it carries (null: "—"). */
  async tileValue(label: string): Promise<number | null> {
    const raw = await this.tile(label).locator('.tile-value').getAttribute('data-value');
    return raw === null || raw === '' ? null : Number(raw);
  }

  /** The histogram's bars that hold calls, as buttons named "Replies 800–850 ms: 3 replies in 2 calls". */
  bars(): Locator {
    return this.histogram.getByRole('button', { name: /^Replies / });
  }

  showAsTable(figure: Locator): Locator {
    return figure.getByRole('button', { name: 'Show as table' });
  }
}
