import { expect, type Page } from '@playwright/test';
import { PASSWORD } from '../tests/demo';

/** The log-in page, /inloggen. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/inloggen');
  }

  async logIn(email: string, password = PASSWORD) {
    await this.page.getByLabel('E-mailadres').fill(email);
    await this.page.getByLabel('Wachtwoord').fill(password);
    await this.page.getByRole('button', { name: 'Inloggen' }).click();
  }

  /** Logs in and waits for the home page. */
  async logInAs(user: { email: string; name: string }) {
    await this.goto();
    await this.logIn(user.email);
    await expect(this.page.getByRole('heading', { level: 1, name: `Hallo ${user.name}` })).toBeVisible();
  }
}
