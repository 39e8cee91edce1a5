import type { Locator, Page } from '@playwright/test';

/** Page object for the Evaluators page: the evaluator list, the editor, and the alignment table. */
export class EvaluatorsPage {
  readonly page: Page;
  readonly topBarButton: Locator;
  readonly heading: Locator;
  readonly list: Locator;
  readonly editor: Locator;
  readonly alignment: Locator;
  readonly status: Locator;

  constructor(page: Page) {
    this.page = page;
    this.topBarButton = page.getByRole('banner').getByRole('button', { name: 'Evaluators', exact: true });
    this.heading = page.getByRole('heading', { name: 'Evaluators', exact: true });
    this.list = page.getByRole('table', { name: 'Evaluator list' });
    this.editor = page.getByRole('form', { name: 'Evaluator editor' });
    this.alignment = page.getByRole('table', { name: 'Alignment' });
    this.status = page.locator('.evaluators-actions').getByRole('status');
  }

  async open(): Promise<void> {
    await this.topBarButton.click();
    await this.heading.waitFor();
  }

  async backToCalls(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to calls' }).click();
  }

  /** Creates an evaluator from a built-in template (by its key) and leaves it open in the editor. */
  async createFromTemplate(key: string): Promise<void> {
    await this.page.getByLabel('Template').selectOption(key);
    await this.page.getByRole('button', { name: 'New from template' }).click();
  }

  row(name: string): Locator {
    return this.list.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  alignmentRow(name: string): Locator {
    return this.alignment.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** The alignment figures of one evaluator, by column name. */
  async alignmentFigures(name: string): Promise<Record<string, string>> {
    const headers = await this.alignment.getByRole('columnheader').allInnerTexts();
    const cells = await this.alignmentRow(name).getByRole('cell').allInnerTexts();
    // the first column is the row header (the evaluator's name); cells are the rest
    return Object.fromEntries(headers.slice(1).map((header, i) => [header.trim(), (cells[i] ?? '').trim()]));
  }

  testButton(): Locator {
    return this.editor.getByRole('button', { name: 'Test on open call' });
  }

  testResult(): Locator {
    return this.editor.getByRole('group', { name: 'Test result' });
  }
}

/** The "Evaluations" region on its tab beside the open call's transcript, and "Run evaluator". */
export class CallEvaluations {
  readonly page: Page;
  readonly tab: Locator;
  readonly region: Locator;
  readonly runButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.tab = page.getByRole('tablist', { name: 'Call panels' }).getByRole('tab', { name: 'Evaluations', exact: true });
    this.region = page.getByRole('region', { name: 'Evaluations' });
    this.runButton = this.region.getByRole('button', { name: 'Run evaluator' });
  }

  /** Opens the Evaluations tab (kept open for the next calls until another tab is chosen). */
  async show(): Promise<void> {
    await this.tab.click();
    await this.region.waitFor();
  }

  async run(evaluatorName: string, options: { force?: boolean } = {}): Promise<void> {
    await this.runButton.click();
    const form = this.region.getByRole('form', { name: 'Run evaluators on this call' });
    await form.getByRole('checkbox', { name: evaluatorName }).check();
    if (options.force) await form.getByRole('checkbox', { name: 'Re-run even if unchanged' }).check();
    await form.getByRole('button', { name: 'Run', exact: true }).click();
  }

  results(): Locator {
    return this.region.getByRole('list', { name: 'Evaluation results' }).getByRole('listitem');
  }

  result(evaluatorName: string): Locator {
    return this.results().filter({ hasText: evaluatorName });
  }

  evidenceChips(evaluatorName: string): Locator {
    return this.result(evaluatorName).getByRole('group', { name: 'Evidence' }).getByRole('button');
  }
}

/** The list's evaluation tools ("Evaluate…", the run's progress) and the filter bar's outcome filter. */
export class ListEvaluations {
  readonly page: Page;
  readonly tools: Locator;
  /** the filter bar, where the outcome filter and its chips are */
  readonly filters: Locator;
  readonly dialog: Locator;
  readonly progress: Locator;

  constructor(page: Page) {
    this.page = page;
    this.tools = page.getByRole('group', { name: 'Evaluation tools' });
    this.filters = page.getByRole('group', { name: 'Filters' });
    this.dialog = page.getByRole('dialog', { name: 'Evaluate calls' });
    this.progress = this.tools.getByRole('group', { name: 'Evaluation run' });
  }

  /** Runs evaluators on every call matching the list's filter. */
  async evaluateAllMatching(evaluatorName: string): Promise<void> {
    await this.tools.getByRole('button', { name: 'Evaluate…' }).click();
    await this.dialog.getByRole('checkbox', { name: evaluatorName }).check();
    await this.dialog.getByRole('radio', { name: /calls matching the current filter/ }).check();
    await this.dialog.getByRole('button', { name: 'Run', exact: true }).click();
  }

  async filterBy(evaluatorName: string, outcome: 'pass' | 'fail' | 'error' | 'not_applicable' | 'none'): Promise<void> {
    await this.filters.getByLabel('Evaluator', { exact: true }).selectOption({ label: evaluatorName });
    await this.filters.getByLabel('Outcome').selectOption(outcome);
    await this.filters.getByRole('button', { name: 'Filter', exact: true }).click();
  }
}
