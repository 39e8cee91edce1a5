import { expect, type Locator, type Page } from '@playwright/test';

/** The filter bar over the calls list: its controls, the applied filters as chips, "Save view…". */
export class FilterBar {
  readonly page: Page;
  readonly group: Locator;
  /** the applied filters, one chip each */
  readonly chips: Locator;

  constructor(page: Page) {
    this.page = page;
    this.group = page.getByRole('group', { name: 'Filters' });
    this.chips = this.group.getByRole('list', { name: 'Applied filters' }).getByRole('listitem');
  }

  /** Picks from one of the lists: 'Verdict', 'Agent', 'End reason', 'Platform' or 'Tag'. */
  async choose(list: 'Verdict' | 'Agent' | 'End reason' | 'Platform' | 'Tag', value: string): Promise<void> {
    await this.group.getByLabel(`${list} filter`, { exact: true }).selectOption(value);
  }

  /** The texts of the choices a list offers (its first, "any ...", left out). */
  async choices(list: 'Agent' | 'End reason' | 'Platform' | 'Tag'): Promise<string[]> {
    const texts = await this.group.getByLabel(`${list} filter`, { exact: true }).locator('option').allTextContents();
    return texts.slice(1);
  }

  async datePreset(label: 'Today' | 'Last 7 days' | 'Last 30 days'): Promise<void> {
    await this.group.getByRole('button', { name: 'Date filter' }).click();
    await this.group.getByRole('button', { name: label }).click();
  }

  /** A range of days, `YYYY-MM-DD`, both included. */
  async dateRange(from: string, to: string): Promise<void> {
    await this.group.getByRole('button', { name: 'Date filter' }).click();
    const panel = this.group.getByRole('group', { name: 'Date filter' });
    await panel.getByLabel('From date').fill(from);
    await panel.getByLabel('To date').fill(to);
    await panel.getByRole('button', { name: 'Apply' }).click();
  }

  /** Seconds, either bound optional. */
  async duration(min: number | null, max: number | null): Promise<void> {
    await this.group.getByRole('button', { name: 'Duration filter' }).click();
    const panel = this.group.getByRole('group', { name: 'Duration filter' });
    await panel.getByLabel('Minimum duration in seconds').fill(min === null ? '' : String(min));
    await panel.getByLabel('Maximum duration in seconds').fill(max === null ? '' : String(max));
    await panel.getByRole('button', { name: 'Apply' }).click();
  }

  async metric(column: string, op: string, value: number): Promise<void> {
    await this.group.getByLabel('Metric').selectOption(column);
    await this.group.getByLabel('Comparison').selectOption(op);
    await this.group.getByLabel('Value').fill(String(value));
    await this.group.getByRole('button', { name: 'Add filter' }).click();
  }

  async evaluatorOutcome(evaluatorName: string, outcome: string): Promise<void> {
    await this.group.getByLabel('Evaluator', { exact: true }).selectOption({ label: evaluatorName });
    await this.group.getByLabel('Outcome').selectOption(outcome);
    await this.group.getByRole('button', { name: 'Filter', exact: true }).click();
  }

  /** The chip's × ("Remove filter Agent: agent_0"). */
  removeButton(chip: string): Locator {
    return this.group.getByRole('button', { name: `Remove filter ${chip}`, exact: true });
  }

  async remove(chip: string): Promise<void> {
    await this.removeButton(chip).click();
  }

  async clearAll(): Promise<void> {
    await this.group.getByRole('button', { name: 'Clear all' }).click();
  }

  /** The chips' texts, in order (their × left out). */
  async expectChips(labels: string[]): Promise<void> {
    await expect(this.chips.locator('.chip-text')).toHaveText(labels);
  }

  async saveView(name: string): Promise<void> {
    await this.group.getByRole('button', { name: 'Save view…' }).click();
    const panel = this.group.getByRole('group', { name: 'Save view…' });
    await panel.getByLabel('View name').fill(name);
    await panel.getByRole('button', { name: /^(Save|Replace)$/ }).click();
    await expect(panel).toBeHidden();
  }
}

/** The saved-views sidebar: "All calls" and each view with its count. */
export class SavedViewsSidebar {
  readonly page: Page;
  readonly nav: Locator;

  constructor(page: Page) {
    this.page = page;
    this.nav = page.getByRole('navigation', { name: 'Saved views' });
  }

  /** A view's button; its name reads "<view> (<count> calls)" once counted. */
  entry(name: string): Locator {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.nav.getByRole('button', { name: new RegExp(`^${escaped}( \\(.* calls\\))?$`) });
  }

  /** The count the sidebar shows for a view ("8", "10,000+"). */
  async count(name: string): Promise<string> {
    const label = (await this.entry(name).getAttribute('aria-label')) ?? '';
    return /\((.*) calls\)$/.exec(label)?.[1] ?? '';
  }

  /** The names of the entries, top to bottom. */
  async names(): Promise<string[]> {
    return this.nav.locator('.view-name').allTextContents();
  }

  async open(name: string): Promise<void> {
    await this.entry(name).click();
  }

  async delete(name: string): Promise<void> {
    await this.nav.getByRole('button', { name: `Delete view ${name}`, exact: true }).click();
  }

  async undo(): Promise<void> {
    await this.nav.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  }
}
