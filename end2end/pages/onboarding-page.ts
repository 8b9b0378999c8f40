import { expect, type Locator, type Page } from '@playwright/test';

/** The school admin's import page, /school/inlezen. */
export class ImportPage {
  constructor(private readonly page: Page) {}

  /** Chooses a file made in the test (nothing is written to disk). */
  async chooseFile(name: string, text: string) {
    await this.page.getByLabel('Bestand (CSV)').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf-8') });
  }

  async check() {
    await this.page.getByRole('button', { name: 'Controleren' }).click();
  }

  async importIt() {
    await this.page.getByRole('button', { name: 'Inlezen', exact: true }).click();
  }

  /** The result of the last check or import, by its heading. */
  outcome(heading: string): Locator {
    return this.page.getByRole('region', { name: heading });
  }

  /** The rows of the mistakes table: [line, column, message] each. */
  async mistakes(): Promise<string[][]> {
    const rows = this.page.getByRole('table', { name: 'Fouten per regel' }).locator('tbody tr');
    return rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
  }

  /** One count of the summary, by its label ("Nieuwe leerlingen"). */
  count(outcome: Locator, label: string): Locator {
    return outcome.getByRole('row', { name: label }).getByRole('cell');
  }
}

/** The school admin's activation codes, /school/codes. */
export class ActivationCodesPage {
  constructor(private readonly page: Page) {}

  async makeCodes() {
    await this.page.getByRole('button', { name: 'Maak activeringscodes' }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: 'De codes' })).toBeVisible();
  }

  /** The printed block of one person, by their e-mail address. */
  block(email: string): Locator {
    return this.page.getByRole('list', { name: 'Activeringscodes' }).getByRole('listitem').filter({ hasText: email });
  }

  /** The code for one person, as shown ("K7QM-3XWP-9D"). */
  async codeFor(email: string): Promise<string> {
    return (await this.block(email).locator('.code').textContent())?.trim() ?? '';
  }
}

/** Activating an account with a code from school, /activeren. */
export class ActivatePage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/activeren');
  }

  async activate(code: string, password: string) {
    await this.page.getByLabel('Activeringscode').fill(code);
    await this.page.getByLabel('Kies een wachtwoord').fill(password);
    await this.page.getByRole('button', { name: 'Account activeren' }).click();
  }
}

/** The school admin's staff page, /school/medewerkers. */
export class StaffPage {
  constructor(private readonly page: Page) {}

  /** Adds someone with these roles (their labels) and, for a teacher, groups (their names); returns the code shown, if any. */
  async add(name: string, email: string, roles: string[], groups: string[] = []): Promise<string | null> {
    await this.page.getByRole('button', { name: 'Medewerker toevoegen' }).click();
    await this.page.getByLabel('Naam').fill(name);
    await this.page.getByLabel('E-mailadres').fill(email);
    for (const role of roles) await this.roles().getByRole('checkbox', { name: role, exact: true }).check();
    for (const group of groups) await this.group(group).check();
    await this.page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    const added = this.page.getByRole('region', { name: `${name} is toegevoegd` });
    await expect(added).toBeVisible();
    return (await added.locator('.code').count()) ? (await added.locator('.code').textContent())?.trim() ?? null : null;
  }

  roles(): Locator {
    return this.page.getByRole('group', { name: 'Rollen' });
  }

  /** "Groepen of klassen", shown with the teacher role. */
  groups(): Locator {
    return this.page.getByRole('group', { name: 'Groepen of klassen' });
  }

  /** The box of one group, by its name ("2B"). */
  group(name: string): Locator {
    return this.groups().getByRole('checkbox', { name, exact: true });
  }

  /** One person in the list, by name. */
  member(name: string): Locator {
    return this.page.getByRole('list', { name: 'Medewerkers' }).getByRole('listitem').filter({ hasText: name });
  }

  /** Sets someone's roles to exactly these (labels). */
  async setRoles(name: string, roles: string[]) {
    await this.member(name).getByRole('button', { name: /^Rollen wijzigen/ }).click();
    for (const box of await this.roles().getByRole('checkbox').all()) {
      const label = (await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '')).trim();
      if (roles.includes(label)) await box.check(); else await box.uncheck();
    }
    await this.page.getByRole('button', { name: 'Rollen opslaan' }).click();
  }
}
