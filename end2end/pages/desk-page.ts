import { expect, type Locator, type Page } from '@playwright/test';

/** The school's desk, /school/meldingen, and the form to note absence or lateness, /school/noteren. */
export class DeskPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('link', { name: 'Meldingen', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
  }

  /** One group's part of the list, by its name ("2B"). */
  group(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** The reports in `group` that show `text`. */
  report(group: string, text: string): Locator {
    return this.group(group).getByRole('listitem').filter({ hasText: text });
  }

  /** Ticks a report and marks the ticked ones "Gezien". */
  async acknowledge(report: Locator) {
    await report.getByRole('checkbox').check();
    await this.page.getByRole('button', { name: /^Gezien/ }).click();
  }

  /** What the page says just happened. */
  status(): Locator {
    return this.page.getByRole('status').filter({ hasNotText: 'Even geduld' });
  }

  /** Notes a pupil absent without a report, on `day` (YYYY-MM-DD). */
  async markAbsent(group: string, pupil: string, day: string) {
    await this.page.getByRole('link', { name: 'Afwezig of te laat noteren' }).click();
    await this.page.getByLabel('Groep of klas').selectOption({ label: group });
    await this.page.getByLabel('Leerling').selectOption({ label: pupil });
    await this.page.getByRole('radio', { name: 'Afwezig, zonder melding van de ouders' }).check();
    await this.page.getByLabel('Dag', { exact: true }).fill(day);
    await this.page.getByRole('button', { name: 'Noteren' }).click();
  }
}

/** The signals, /school/signalen. */
export class SignalsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('link', { name: 'Signalen', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Signalen' })).toBeVisible();
  }

  /** The due steps of one pupil ("Sem Bakker") with this title. */
  signal(pupil: string, title: string): Locator {
    return this.page.getByRole('list', { name: 'Signalen' }).getByRole('listitem')
      .filter({ hasText: pupil }).filter({ hasText: title });
  }
}

/** A parent's answer to "De school mist ... Wilt u laten weten waarom?". */
export class SchoolQuestion {
  constructor(private readonly page: Page) {}

  /** The question about `child` on `day` ("dinsdag 24 november"), on the start page or the child's page. */
  question(child: string, day: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: `De school mist ${child} op ${day}.` });
  }

  /** Gives the reason, by its label, with an optional note. */
  async answer(kind: string, note?: string) {
    await this.page.getByRole('group', { name: 'Waarom was uw kind er niet?' })
      .getByRole('radio', { name: kind, exact: true }).check();
    if (note) await this.page.getByLabel(/^Korte toelichting/).fill(note);
    await this.page.getByRole('button', { name: 'Versturen' }).click();
  }
}
