import type { Page } from '@playwright/test';

/** The report form, /melden. */
export class ReportPage {
  constructor(private readonly page: Page) {}

  async chooseChild(firstName: string) {
    await this.page.getByRole('group', { name: 'Voor wie?' })
      .getByRole('checkbox', { name: new RegExp(`^${firstName}\\b`) }).check();
  }

  async chooseKind(label: string) {
    await this.page.getByRole('radio', { name: label, exact: true }).check();
  }

  async send() {
    await this.page.getByRole('button', { name: 'Melding versturen' }).click();
  }
}
