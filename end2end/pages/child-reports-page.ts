import type { Locator, Page } from '@playwright/test';

/** A child's reports, /kinderen/:id. */
export class ChildReportsPage {
  constructor(private readonly page: Page) {}

  /** The reports in the list that show `text` (the newest first). */
  report(text: string | RegExp): Locator {
    return this.page
      .getByRole('list', { name: /^Alle meldingen van / })
      .getByRole('listitem')
      .filter({ hasText: text });
  }

  /**
   * The same report as `report` (the first one it finds), also after its
   * text changes: by the link to change it, which carries its id. Only for a
   * report the school has not seen yet.
   */
  async pin(report: Locator): Promise<Locator> {
    const href = await report.first().getByRole('link', { name: /^Wijzigen/ }).getAttribute('href');
    if (!href) throw new Error('the report has no Wijzigen link');
    return this.page
      .getByRole('list', { name: /^Alle meldingen van / })
      .getByRole('listitem')
      .filter({ has: this.page.locator(`a[href="${href}"]`) });
  }

  /** What the page says just happened. */
  /** The line that says what just happened (not the steps' "loading" line). */
  status(): Locator {
    return this.page.getByRole('status').filter({ hasNotText: 'Even geduld' });
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
