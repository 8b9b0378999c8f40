import { expect, type Locator, type Page } from '@playwright/test';

/** "Antwoorden van ouders" on the desk, /school/meldingen. */
export class ParentAnswers {
  constructor(private readonly page: Page) {}

  section(): Locator {
    return this.page.getByRole('region', { name: 'Antwoorden van ouders' });
  }

  /** The open items that show `text`. */
  answer(text: string): Locator {
    return this.section().getByRole('listitem').filter({ hasText: text });
  }

  /** "Reden geaccepteerd" (or not) for one item. */
  async judge(answer: Locator, accepted: boolean) {
    const name = accepted ? /^Reden geaccepteerd/ : /^Niet geaccepteerd/;
    await answer.getByRole('button', { name }).click();
  }
}

/** "Overzicht downloaden (CSV)" on the desk. */
export class AbsenceExport {
  constructor(private readonly page: Page) {}

  section(): Locator {
    return this.page.getByRole('region', { name: 'Overzicht downloaden (CSV)' });
  }

  link(): Locator {
    return this.section().getByRole('link', { name: 'Overzicht downloaden' });
  }
}

/** The school's leave requests, /school/verlof. */
export class SchoolLeavePage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('link', { name: 'Verlofaanvragen', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Verlofaanvragen' })).toBeVisible();
  }

  /** The requests that show `text` (the parent's reason, say). */
  request(text: string): Locator {
    return this.page.getByRole('list', { name: 'Verlofaanvragen' }).getByRole('listitem').filter({ hasText: text });
  }

  /** Opens the decision form of `request`, chooses and sends it. */
  async decide(request: Locator, granted: boolean | null, reason: string) {
    const open = request.getByRole('button', { name: 'Beslissen' });
    if (await open.getAttribute('aria-expanded') !== 'true') await open.click();
    if (granted !== null) {
      await request.getByRole('radio', { name: granted ? 'Toestaan' : 'Niet toestaan', exact: true }).check();
    }
    await request.getByLabel('Reden van uw besluit').fill(reason);
    await request.getByRole('button', { name: 'Besluit versturen' }).click();
  }
}
