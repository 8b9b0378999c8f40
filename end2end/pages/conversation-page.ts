import { expect, type Locator, type Page } from '@playwright/test';

/** The form to ask for a conversation, /gesprek-aanvragen. */
export class ConversationFormPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/gesprek-aanvragen');
  }

  /** The answers to one question of the form, by its legend. */
  question(legend: string): Locator {
    return this.page.getByRole('group', { name: legend, exact: true });
  }

  async chooseChild(firstName: string) {
    await this.question('Voor wie?').getByRole('radio', { name: new RegExp(`^${firstName}\\b`) }).check();
  }

  /** Whom to talk with, by the label ("De mentor"). */
  withWhom(label: string): Locator {
    return this.question('Met wie wilt u praten?').getByRole('radio', { name: label, exact: true });
  }

  async chooseTopic(label: string) {
    await this.question('Waar wilt u over praten?').getByRole('radio', { name: label, exact: true }).check();
  }

  childJoins(answer: 'Ja' | 'Nee'): Locator {
    return this.question('Mag uw kind meedoen aan het gesprek?').getByRole('radio', { name: answer, exact: true });
  }

  async chooseMode(label: string) {
    await this.question('Hoe wilt u praten?').getByRole('radio', { name: label, exact: true }).check();
  }

  async chooseDays(labels: string[]) {
    for (const label of labels) {
      await this.question('Welke dagen passen u?').getByRole('checkbox', { name: label, exact: true }).check();
    }
  }

  async writeMessage(message: string) {
    await this.page.getByLabel(/^Wilt u de school iets laten weten/).fill(message);
  }

  async send() {
    await this.page.getByRole('button', { name: 'Gesprek aanvragen' }).click();
  }
}

/** One conversation: /gesprekken/:id for a parent, /school/gesprekken/:id for the school. */
export class ConversationPage {
  constructor(private readonly page: Page) {}

  /** The conversation's id, from the address. */
  id(): string {
    return new URL(this.page.url()).pathname.split('/').pop()!;
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** Where it stands, as the card's heading says it ("Afgesproken"). */
  async expectStatus(label: string) {
    await expect(this.page.getByRole('region', { name: label, exact: true })).toBeVisible();
  }

  /** What the page says just happened. */
  doneLine(): Locator {
    return this.page.getByRole('status').filter({ hasNotText: 'Even geduld' });
  }

  /** A parent picks a proposed time, by how the app writes it. */
  async pickTime(when: string) {
    await this.page.getByRole('radio', { name: when, exact: true }).check();
    await this.page.getByRole('button', { name: 'Deze tijd past mij' }).click();
  }

  /** Downloads the agreed time as a calendar file; returns its name and text. */
  async downloadCalendar(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('link', { name: 'Zet in mijn agenda' }).click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
  }

  /** Either side calls it off, with a reason. */
  async cancel(reason: string) {
    await this.page.getByRole('button', { name: 'Gesprek afzeggen' }).click();
    await this.page.getByLabel('Waarom gaat het gesprek niet door?').fill(reason);
    await this.page.getByRole('button', { name: 'Ja, afzeggen' }).click();
  }

  /** The school's times, with their problem. */
  timesField(): Locator {
    return this.page.getByRole('group', { name: 'Tijden', exact: true });
  }

  /** The school proposes times: days as a date input wants them, times as HH:MM. */
  async proposeTimes(times: { day: string; from: string; to: string }[]) {
    for (const [i, time] of times.entries()) {
      if (i > 0) await this.page.getByRole('button', { name: 'Nog een tijd' }).click();
      const row = this.page.getByRole('group', { name: `Tijd ${i + 1}`, exact: true });
      await row.getByLabel('Dag').fill(time.day);
      await row.getByLabel('Van').fill(time.from);
      await row.getByLabel('Tot').fill(time.to);
    }
    await this.page.getByRole('button', { name: 'Tijden versturen' }).click();
  }
}
