import type { Locator, Page } from '@playwright/test';

/** A child's reports, /kinderen/:id. */
export class ChildReportsPage {
  constructor(private readonly page: Page) {}

  /** The report in the list that shows `text`. */
  report(text: string | RegExp): Locator {
    return this.page.getByRole('listitem').filter({ hasText: text });
  }

  /** What the page says just happened. */
  status(): Locator {
    return this.page.getByRole('status');
  }

  async change(report: Locator) {
    await report.getByRole('link', { name: /^Wijzigen/ }).click();
  }

  /** Opens "Intrekken" under `report` (it asks first). */
  async startWithdrawing(report: Locator) {
    await report.getByRole('button', { name: /^Intrekken/ }).click();
  }

  async withdraw(report: Locator) {
    await this.startWithdrawing(report);
    await report.getByRole('button', { name: 'Ja, intrekken' }).click();
  }
}
