import { expect, type Locator, type Page } from '@playwright/test';

/** The school's settings, /school/instellingen. */
export class SettingsPage {
  constructor(private readonly page: Page) {}

  /** From the home page's "Voor de school". */
  async open() {
    await this.page.getByRole('link', { name: 'Instellingen', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
  }

  protocol(): Locator {
    return this.page.getByRole('region', { name: 'Verzuimprotocol' });
  }

  /** One step of the protocol, by its title. */
  step(title: string): Locator {
    return this.protocol()
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }

  /** The parents' timeline for the example child, in "Zo zien ouders het". */
  preview(): Locator {
    return this.page.getByRole('region', { name: 'Zo zien ouders het' })
      .getByRole('region', { name: /^Wat gebeurt er nu voor / });
  }

  /** The step with this title in the preview. */
  previewStep(title: string): Locator {
    return this.preview()
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  async save() {
    await this.page.getByRole('button', { name: 'Opslaan' }).click();
  }

  status(): Locator {
    return this.page.getByRole('status').filter({ hasText: /\S/ });
  }
}
