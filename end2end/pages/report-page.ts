import type { Page } from '@playwright/test';

/** The report form: /melden, and /meldingen/:id/wijzigen to change one. */
export class ReportPage {
  constructor(private readonly page: Page) {}

  async chooseChild(firstName: string) {
    await this.page.getByRole('group', { name: 'Voor wie?' })
      .getByRole('checkbox', { name: new RegExp(`^${firstName}\\b`) }).check();
  }

  async chooseKind(label: string) {
    await this.page.getByRole('radio', { name: label, exact: true }).check();
  }

  async fillNote(note: string) {
    await this.page.getByLabel(/^Korte toelichting/).fill(note);
  }

  async send() {
    await this.page.getByRole('button', { name: 'Melding versturen' }).click();
  }

  /** Saves a change to a report. */
  async saveChange() {
    await this.page.getByRole('button', { name: 'Wijziging opslaan' }).click();
  }
}
