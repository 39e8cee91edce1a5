import type { Locator, Page } from '@playwright/test';

/** Page object for the main window: the "Calls" table, the call view and the empty state. */
export class CallsPage {
  readonly page: Page;
  readonly table: Locator;
  readonly transcript: Locator;
  readonly emptyState: Locator;
  readonly search: Locator;
  readonly verdictFilter: Locator;
  /** short messages ("This is the last call in the list"). */
  readonly toast: Locator;
  /** the bar between the list and the call: its aria-valuenow is the list's width in px (0 collapsed). */
  readonly splitter: Locator;
  readonly collapseList: Locator;
  readonly expandList: Locator;
  /** the column chooser: its button, and the popover it opens. */
  readonly columnsButton: Locator;
  readonly columnsChooser: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = page.getByRole('table', { name: 'Calls' });
    this.transcript = page.getByRole('list', { name: 'Transcript' });
    this.emptyState = page.getByRole('region', { name: 'No calls yet' });
    this.search = page.getByRole('searchbox', { name: 'Search calls' });
    this.verdictFilter = page.getByLabel('Verdict filter');
    this.toast = page.getByRole('status', { name: 'Message' });
    this.splitter = page.getByRole('separator', { name: 'Resize call list' });
    this.collapseList = page.getByRole('button', { name: 'Collapse call list' });
    this.expandList = page.getByRole('button', { name: 'Expand call list' });
    this.columnsButton = page.getByRole('button', { name: 'Columns', exact: true });
    this.columnsChooser = page.getByRole('dialog', { name: 'Columns' });
  }

  /** The list's width in px as the splitter states it (0 while collapsed). */
  async listWidth(): Promise<number> {
    return Number(await this.splitter.getAttribute('aria-valuenow'));
  }

  /** The table's column headers, left to right (the tick box column's is "Select"). */
  async headers(): Promise<string[]> {
    return (await this.table.locator('thead th').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
  }

  /** Opens the column chooser (if it is not open) and returns the row of one column in it. */
  async columnChoice(label: string): Promise<Locator> {
    if (!(await this.columnsChooser.isVisible())) await this.columnsButton.click();
    return this.columnsChooser.getByRole('listitem').filter({ has: this.page.getByRole('checkbox', { name: label, exact: true }) });
  }

  /** The column's cell of the row of a call (columns by their header text). */
  async cell(rowText: string, header: string): Promise<Locator> {
    const headers = await this.table.locator('thead th').allTextContents();
    const index = headers.findIndex((h) => h.replace(/[▲▼]/g, '').trim() === header);
    if (index < 0) throw new Error(`no column "${header}" in ${headers.join(', ')}`);
    return this.rowFor(rowText).locator('td').nth(index);
  }

  /** The external ids of the rows on screen, top to bottom. */
  async rowIds(): Promise<string[]> {
    return this.callRows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-external-id') ?? ''));
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  /** The list's row count as the table states it (aria-rowcount less the header row). */
  async statedRowCount(): Promise<number> {
    return Number(await this.table.getAttribute('aria-rowcount')) - 1;
  }

  /** Drags the list's scrollbar to `fraction` of its range (0 top, 1 bottom). */
  async jumpTo(fraction: number): Promise<void> {
    await this.page.locator('.call-list').evaluate((list, f) => {
      list.scrollTop = f * (list.scrollHeight - list.clientHeight);
    }, fraction);
  }

  /** The list position (0-based) of the first and last loaded call row on screen. */
  async loadedRowRange(): Promise<[number, number]> {
    const indexes = await this.callRows().evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('aria-rowindex')) - 2));
    return [Math.min(...indexes), Math.max(...indexes)];
  }

  /** The page's JS heap after a full garbage collection, in MB. */
  async heapMb(): Promise<number> {
    const session = await this.page.context().newCDPSession(this.page);
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    await session.detach();
    return usedSize / 1024 / 1024;
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

/** The import panel and the ways into it (file chooser, drop). */
export class ImportPanel {
  readonly page: Page;
  readonly region: Locator;
  readonly progress: Locator;
  readonly failures: Locator;

  constructor(page: Page) {
    this.page = page;
    this.region = page.getByRole('region', { name: 'Import' });
    this.progress = this.region.getByRole('progressbar', { name: 'Import progress' });
    this.failures = this.region.getByRole('list', { name: 'Import failures' });
  }

  async choose(files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
    await this.page.getByLabel('Import call files').setInputFiles(files);
  }

  /** Drops files on the window the way a file manager does (a DataTransfer on `drop`). */
  async drop(files: { name: string; text: string }[]): Promise<void> {
    await this.page.evaluate((list) => {
      const transfer = new DataTransfer();
      for (const file of list) transfer.items.add(new File([file.text], file.name, { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, files);
  }
}
