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
  /** the sticky player: its data-pii-masking says whether the playhead is in a covered span. */
  readonly player: Locator;
  readonly piiAudio: Locator;
  readonly piiPanel: Locator;
  readonly findings: Locator;
  readonly redactedView: Locator;
  readonly exportButton: Locator;
  readonly exportDialog: Locator;
  readonly zoom: Locator;
  readonly speed: Locator;
  readonly previousMarker: Locator;
  readonly nextMarker: Locator;
  readonly metrics: Locator;
  /** the tabs beside the transcript: Metrics, Details, PII, Evaluations, Notes (the choice is kept across calls). */
  readonly panels: Locator;

  constructor(page: Page) {
    this.page = page;
    this.waveform = page.getByRole('region', { name: 'Waveform' });
    this.transcript = page.getByRole('list', { name: 'Transcript' });
    this.play = page.getByRole('button', { name: 'Play', exact: true });
    this.pause = page.getByRole('button', { name: 'Pause', exact: true });
    // the open call's own buttons (the ticked calls' bar has buttons of the same names)
    this.markSuccess = page.getByRole('group', { name: 'Review' }).getByRole('button', { name: 'Mark success' });
    this.markFailure = page.getByRole('group', { name: 'Review' }).getByRole('button', { name: 'Mark failure' });
    this.time = page.getByLabel('Playback time');
    this.player = page.getByRole('region', { name: 'Player' });
    this.piiAudio = page.getByLabel('PII audio');
    this.piiPanel = page.getByRole('region', { name: 'Personal data' });
    this.findings = this.piiPanel.getByRole('list', { name: 'Findings' }).getByRole('listitem');
    this.redactedView = this.piiPanel.getByLabel('Redacted view');
    this.exportButton = this.piiPanel.getByRole('button', { name: 'Export redacted…' });
    this.exportDialog = page.getByRole('dialog', { name: 'Export redacted' });
    this.zoom = page.getByRole('slider', { name: 'Zoom' });
    this.speed = page.getByLabel('Playback speed');
    this.previousMarker = page.getByRole('button', { name: 'Previous marker' });
    this.nextMarker = page.getByRole('button', { name: 'Next marker' });
    this.metrics = page.getByRole('region', { name: 'Metrics' });
    this.panels = page.getByRole('tablist', { name: 'Call panels' });
  }

  /** Opens one of the tabs beside the transcript (the PII panel, the evaluations, ... each live in one). */
  async showTab(name: 'Metrics' | 'Details' | 'PII' | 'Evaluations' | 'Notes'): Promise<void> {
    const tab = this.panels.getByRole('tab', { name, exact: true });
    await tab.click();
    await tab.and(this.page.locator('[aria-selected="true"]')).waitFor();
  }

  /** Exports through the dialog and returns where Playwright saved the file. */
  async exportRedacted(files: readonly ('Redacted JSON' | 'Transcript text' | 'Audio (WAV)')[], cover: 'a tone' | 'silence', saveTo: string): Promise<{ path: string; suggestedName: string }> {
    await this.exportButton.click();
    for (const name of ['Redacted JSON', 'Transcript text', 'Audio (WAV)'] as const) {
      await this.exportDialog.getByLabel(name).setChecked(files.includes(name));
    }
    if (files.includes('Audio (WAV)')) await this.exportDialog.getByLabel(cover).check();
    const download = this.page.waitForEvent('download');
    await this.exportDialog.getByRole('button', { name: 'Download' }).click();
    const file = await download;
    await file.saveAs(saveTo);
    return { path: saveTo, suggestedName: file.suggestedFilename() };
  }

  /** The playback time's total, e.g. "0:34". */
  async durationText(): Promise<string> {
    return ((await this.time.textContent()) ?? '').split('/')[1]?.trim() ?? '';
  }

  /** A figure of the metrics panel by its label ("Interruptions", "Longest silence", ...). */
  metric(label: string): Locator {
    return this.metrics.locator('.fact').filter({ has: this.page.locator('dt', { hasText: label }) }).locator('dd');
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
