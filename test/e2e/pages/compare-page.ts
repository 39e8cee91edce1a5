import type { Locator, Page } from '@playwright/test';

/** Page object for the Compare page: sets A and B, the figure tiles, the distribution plot. */
export class ComparePage {
  readonly page: Page;
  readonly main: Locator;
  readonly run: Locator;
  readonly status: Locator;
  readonly plot: Locator;

  constructor(page: Page) {
    this.page = page;
    this.main = page.getByRole('main', { name: 'Compare' });
    // the page tab is called Compare too: the form's button is the one inside the page
    this.run = this.main.getByRole('button', { name: 'Compare', exact: true });
    this.status = this.main.getByRole('status');
    this.plot = this.main.getByRole('region', { name: 'Reply latency distributions' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Compare' }).click();
  }

  filterText(side: 'A' | 'B'): Locator {
    return this.main.getByRole('textbox', { name: `Set ${side} filter` });
  }

  source(side: 'A' | 'B'): Locator {
    return this.main.getByRole('combobox', { name: `Set ${side} source` });
  }

  view(side: 'A' | 'B'): Locator {
    return this.main.getByRole('combobox', { name: `Set ${side} view` });
  }

  /** the error or help under a set's choice */
  help(side: 'A' | 'B'): Locator {
    return this.main.getByRole('group', { name: `Set ${side}` }).locator('.compare-help');
  }

  tile(figure: string): Locator {
    return this.main.getByRole('group', { name: figure, exact: true });
  }

  /** A's or B's value on a figure's tile, or the difference B − A. */
  value(figure: string, which: 'A' | 'B' | 'B − A'): Locator {
    return this.tile(figure).getByLabel(which, { exact: true });
  }

  /** The tile's interval, as numbers (the text is "95%: [+250 ms, +350 ms]"). */
  async interval(figure: string): Promise<[number, number]> {
    const text = (await this.tile(figure).getByLabel('95% interval', { exact: true }).textContent()) ?? '';
    const numbers = [...text.matchAll(/([+−±-])([\d,.]+)/g)].map(([, sign, digits]) => (sign === '−' || sign === '-' ? -1 : 1) * Number((digits ?? '').replace(/,/g, '')));
    if (numbers.length !== 2) throw new Error(`no interval in "${text}"`);
    return [numbers[0] ?? Number.NaN, numbers[1] ?? Number.NaN];
  }
}
