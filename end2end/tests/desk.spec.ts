// The school's desk: the mentor sees a parent's report under the group and
// marks it seen, after which the parent sees who saw it and can no longer
// change it; the desk notes a pupil absent without a report and the parent
// says why; the signals show the DUO report with its deadline, and lead to
// an invitation. Reports are Daan's (by this spec's note); the absence is
// Sem's, who is only in this spec: other specs count Noor's and Yara's.
import { expect, test, type Browser } from '@playwright/test';
import { DeskPage, SchoolQuestion, SignalsPage } from '../pages/desk-page';
import { ChildReportsPage } from '../pages/child-reports-page';
import { ConversationPage } from '../pages/conversation-page';
import { LoginPage } from '../pages/login-page';
import { ReportPage } from '../pages/report-page';
import {
  dayFromToday, desk, dutchDay, lotte, mentor, sanne, schoolAdmin, schoolDaysAhead, schoolDaysBack,
} from './demo';

/** Someone else on their own phone, logged in. */
async function otherPhone(browser: Browser, baseURL: string | undefined, user: { email: string; name: string }) {
  const context = await browser.newContext({ baseURL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  await new LoginPage(page).logInAs(user);
  return { context, page };
}

/** The last school day up to today, in days from today (0 on a weekday). */
function lastSchoolDay(): number {
  const weekday = new Date().getDay();
  return weekday === 0 || weekday === 6 ? schoolDaysBack(1) : 0;
}

test('the mentor marks a report seen, and the parent sees who saw it', async ({ page, browser, baseURL }) => {
  const note = `Even weg voor een gesprek (e2e balie ${Date.now()})`;
  await new LoginPage(page).logInAs(sanne);
  await page.goto('/melden');
  const form = new ReportPage(page);
  await form.chooseChild('Daan');
  await form.chooseKind('Iets anders');
  await form.fillNote(note);
  await form.send();
  await expect(page.getByRole('heading', { level: 1, name: 'Melding ontvangen' })).toBeVisible();
  await expect(page.getByText('Nog niet gezien door de school.')).toBeVisible();

  // The mentor, at Daan's school, finds it under 2B and marks it seen.
  const staff = await otherPhone(browser, baseURL, mentor);
  const deskPage = new DeskPage(staff.page);
  await deskPage.open();
  const report = deskPage.report('2B', note);
  await expect(report).toHaveCount(1);
  await expect(report).toContainText('Daan de Vries');
  await expect(report).toContainText('Gemeld door Sanne de Vries');
  await expect(report).toContainText('Nog niet gezien.');
  await deskPage.acknowledge(report);
  await expect(deskPage.status()).toContainText('1 melding staat nu op gezien.');
  await expect(report).toContainText(`Gezien door ${mentor.fullName} op`);
  await expect(report.getByRole('checkbox')).toHaveCount(0);
  // Teachers see no signals (for now) and no audit log.
  await staff.page.goto('/');
  await expect(staff.page.getByRole('link', { name: 'Signalen', exact: true })).toHaveCount(0);
  await expect(staff.page.getByRole('link', { name: 'Logboek', exact: true })).toHaveCount(0);
  await staff.context.close();

  // The parent: who saw it, and no more changing it.
  await page.reload();
  await expect(page.getByText(`Gezien door ${mentor.fullName} op`)).toBeVisible();
  await page.getByRole('link', { name: 'Alle meldingen van Daan' }).click();
  const seen = new ChildReportsPage(page).report(note);
  await expect(seen).toContainText(new RegExp(`Gezien door ${mentor.fullName} op .+ om \\d\\d:\\d\\d\\.`));
  await expect(seen.getByRole('link', { name: /^Wijzigen/ })).toHaveCount(0);
  await expect(seen.getByRole('button', { name: /^Intrekken/ })).toHaveCount(0);

  // The school admin reads it in the audit log.
  const admin = await otherPhone(browser, baseURL, schoolAdmin);
  await admin.page.getByRole('link', { name: 'Logboek', exact: true }).click();
  await expect(admin.page.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();
  await expect(admin.page.getByRole('list', { name: 'Wijzigingen' }).getByRole('listitem')
    .filter({ hasText: 'Melding gezien' }).filter({ hasText: `Door ${mentor.fullName}` }).first()).toBeVisible();
  await admin.context.close();
});

test('the desk notes Sem absent, and his mother says why', async ({ page, browser, baseURL }) => {
  const day = lastSchoolDay();
  const staff = await otherPhone(browser, baseURL, desk);
  const deskPage = new DeskPage(staff.page);
  await deskPage.open();
  await deskPage.markAbsent('Groep 6', 'Sem Bakker', dayFromToday(day));
  await expect(deskPage.status()).toContainText(`Genoteerd: Sem is afwezig op ${dutchDay(day)}.`);
  await staff.context.close();

  // On the start page, calm but in sight: the school's question.
  await new LoginPage(page).logInAs(lotte);
  const questions = new SchoolQuestion(page);
  const question = questions.question('Sem', dutchDay(day));
  await expect(question).toHaveText(new RegExp(`De school mist Sem op ${dutchDay(day)}\\. Wilt u laten weten waarom\\?`));
  await question.getByRole('link', { name: 'Laten weten waarom' }).click();

  // The answer, on Sem's page: no note with illness, so no field for it.
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen van Sem' })).toBeVisible();
  await page.getByRole('radio', { name: 'Ziek', exact: true }).check();
  await expect(page.getByLabel(/^Korte toelichting/)).toHaveCount(0);
  await questions.answer('Afspraak bij dokter, tandarts of ziekenhuis', 'De tandarts');
  const answered = questions.question('Sem', dutchDay(day));
  await expect(answered).toContainText('Uw antwoord: Afspraak bij dokter, tandarts of ziekenhuis (De tandarts).');
  await expect(answered).toContainText('Verstuurd. De school kijkt ernaar.');
  await page.goto('/');
  await expect(questions.question('Sem', dutchDay(day))).toContainText('Verstuurd. De school kijkt ernaar.');
});

test('the signals show the DUO report with its deadline, and lead to an invitation', async ({ page }) => {
  // Sem's three unauthorised days (seeded) reached 16 hours two school days ago;
  // the school has 5 school days from then.
  const since = schoolDaysBack(2);
  let deadline = since;
  for (let left = 5; left > 0;) {
    deadline += 1;
    const d = new Date();
    d.setDate(d.getDate() + deadline);
    if (d.getDay() !== 0 && d.getDay() !== 6) left -= 1;
  }
  await new LoginPage(page).logInAs(desk);
  const signals = new SignalsPage(page);
  await signals.open();
  const duo = signals.signal('Sem Bakker', 'Lessen gemist zonder toestemming: melding bij leerplicht');
  await expect(duo).toHaveCount(1);
  await expect(duo).toContainText(`Sinds ${dutchDay(since)}`);
  await expect(duo.locator('strong', { hasText: 'Melden bij DUO' }))
    .toHaveText(`Melden bij DUO uiterlijk ${dutchDay(deadline)} (nog ${deadline} dagen)`);

  await duo.getByRole('link', { name: /^Uitnodigen voor een gesprek/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uitnodigen voor een gesprek' })).toBeVisible();
  await expect(page.getByLabel('Leerling')).toHaveValue(/.+/);
  await expect(page.getByRole('radio', { name: 'De leerplichtambtenaar, via de school' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Ja', exact: true })).toBeChecked();
  const first = schoolDaysAhead(2);
  const times = page.getByRole('group', { name: 'Tijd 1', exact: true });
  await times.getByLabel('Dag').fill(dayFromToday(first));
  await times.getByLabel('Van').fill('11:00');
  await times.getByLabel('Tot').fill('11:30');
  await page.getByLabel(/^Een vriendelijk bericht/).fill('We denken graag met u mee. Sem is welkom.');
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();

  await expect(page).toHaveURL(/\/school\/gesprekken\/[\w-]+$/);
  const conversation = new ConversationPage(page);
  await conversation.expectStatus('Tijden voorgesteld');
  await expect(page.getByText(`${dutchDay(first)}, 11:00 tot 11:30 uur`, { exact: true })).toBeVisible();
});
