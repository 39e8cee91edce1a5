import type { BrowserContext, Locator, Page } from '@playwright/test';

/** What a page showed as desktop notifications (recorded by `recordNotifications`). */
export interface ShownNotification {
  title: string;
  body: string;
}

declare global {
  interface Window {
    /** the notifications the page made, in order, with the objects themselves (to click one). */
    __shownNotifications?: { title: string; body: string; notification: Notification }[];
  }
}

/**
 * Grants the notification permission to the app's origin and records every `new Notification`
 * the page makes (the real one is still made: only a wrapper is put in front of it).
 */
export async function recordNotifications(context: BrowserContext, page: Page, origin: string): Promise<void> {
  await context.grantPermissions(['notifications'], { origin });
  await page.addInitScript(() => {
    const Real = window.Notification;
    const shown: { title: string; body: string; notification: Notification }[] = [];
    window.__shownNotifications = shown;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body ?? '', notification: this });
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recorded, configurable: true, writable: true });
  });
}

/** Page object for watch rules: the editor's switch, the Flagged view, the Activity list, the notifications. */
export class WatchPage {
  readonly page: Page;
  readonly activityButton: Locator;
  readonly activity: Locator;
  readonly flagged: Locator;

  constructor(page: Page) {
    this.page = page;
    this.activityButton = page.getByRole('banner').getByRole('button', { name: /^Activity( \(\d+ new\))?$/ });
    this.activity = page.getByRole('region', { name: 'Activity' });
    this.flagged = page.getByRole('navigation', { name: 'Saved views' }).getByRole('button', { name: /^Flagged( \(.*\))?$/ });
  }

  /** The editor's "Watch arriving calls" switch (rule evaluators only). */
  watchBox(): Locator {
    return this.page.getByRole('form', { name: 'Evaluator editor' }).getByRole('checkbox', { name: 'Watch arriving calls' });
  }

  watchStatus(): Locator {
    return this.page.getByRole('form', { name: 'Evaluator editor' }).getByRole('status', { name: 'Watch status' });
  }

  /** The badge on the Flagged entry: the flags not seen yet (absent at none). */
  flaggedBadge(): Locator {
    return this.flagged.getByTestId('flagged-badge');
  }

  entries(): Locator {
    return this.activity.getByRole('list', { name: 'Flag events' }).getByRole('listitem');
  }

  async openActivity(): Promise<void> {
    await this.activityButton.click();
    await this.activity.waitFor();
  }

  async closeActivity(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.activity.waitFor({ state: 'detached' });
  }

  async notifications(): Promise<ShownNotification[]> {
    return this.page.evaluate(() => (window.__shownNotifications ?? []).map(({ title, body }) => ({ title, body })));
  }

  /** Clicks a notification the page showed, as the desktop would on a click. */
  async clickNotification(index: number): Promise<void> {
    await this.page.evaluate((i) => {
      const shown = window.__shownNotifications?.[i]?.notification;
      shown?.onclick?.(new Event('click'));
    }, index);
  }
}
