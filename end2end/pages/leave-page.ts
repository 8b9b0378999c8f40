import type { Page } from '@playwright/test';

/** The leave request form, /verlof. */
export class LeaveFormPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/verlof');
  }

  async chooseChild(firstName: string) {
    await this.page.getByRole('group', { name: 'Voor wie?' })
      .getByRole('radio', { name: new RegExp(`^${firstName}\\b`) }).check();
  }

  async chooseKind(label: string) {
    await this.page.getByRole('radio', { name: label, exact: true }).check();
  }

  /** Days as a date input wants them (YYYY-MM-DD). */
  async chooseDays(first: string, last: string) {
    await this.page.getByLabel('Eerste dag').fill(first);
    await this.page.getByLabel('Laatste dag').fill(last);
  }

  async writeReason(reason: string) {
    await this.page.getByLabel('Waarom vraagt u verlof?').fill(reason);
  }

  async send() {
    await this.page.getByRole('button', { name: 'Aanvraag versturen' }).click();
  }
}

/** One leave request, /verlof/:id. */
export class LeaveRequestPage {
  constructor(private readonly page: Page) {}

  /** The request's id, from the address. */
  id(): string {
    return new URL(this.page.url()).pathname.split('/').pop()!;
  }
}
