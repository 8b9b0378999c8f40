// The school's side of what parents send: the desk judges a parent's answer
// to "why was Sem away?", the director refuses a leave request with a
// reason, and the desk downloads the absences as CSV. Everything here is
// Sem's (Lotte's son): other specs count Noor's and Yara's, and ask leave
// for Yara and Daan.
import { readFile } from 'node:fs/promises';
import { expect, test, type Browser } from '@playwright/test';
import { DeskPage, SchoolQuestion } from '../pages/desk-page';
import { LeaveFormPage } from '../pages/leave-page';
import { LoginPage } from '../pages/login-page';
import { AbsenceExport, ParentAnswers, SchoolLeavePage } from '../pages/school-requests-page';
import { dayFromToday, desk, director, dutchDay, lotte, schoolDaysBack } from './demo';

const WEDDING = 'Een bijzondere gebeurtenis, zoals een bruiloft, begrafenis of verhuizing';

/** Someone else on their own phone, logged in. */
async function otherPhone(browser: Browser, baseURL: string | undefined, user: { email: string; name: string }) {
  const context = await browser.newContext({ baseURL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  await new LoginPage(page).logInAs(user);
  return { context, page };
}

/**
 * A school day for this spec's absence, in days from today. desk.spec.ts
 * marks Sem on the last school day up to today, and the seed on the 2nd to
 * 4th school day before today. On a weekday the day before is free; at the
 * weekend this spec shares the seed's latest day, which keeps the day Sem
 * reached 16 unauthorised hours (the DUO signal's "since") where it is.
 */
function dayForThisSpec(): number {
  const weekday = new Date().getDay();
  return weekday === 0 || weekday === 6 ? schoolDaysBack(2) : schoolDaysBack(1);
}

test("the desk accepts the reason Lotte gave for a day Sem was away", async ({ page, browser, baseURL }) => {
  const day = dayForThisSpec();
  const note = `Op bezoek bij opa (e2e ${Date.now()})`;
  const staff = await otherPhone(browser, baseURL, desk);
  const deskPage = new DeskPage(staff.page);
  await deskPage.open();
  await deskPage.markAbsent('Groep 6', 'Sem Bakker', dayFromToday(day));
  await expect(deskPage.status()).toContainText(`Genoteerd: Sem is afwezig op ${dutchDay(day)}.`);

  // Lotte answers from the start page's question.
  await new LoginPage(page).logInAs(lotte);
  const questions = new SchoolQuestion(page);
  await questions.question('Sem', dutchDay(day)).getByRole('link', { name: 'Laten weten waarom' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen van Sem' })).toBeVisible();
  await questions.answer('Iets anders', note);
  await expect(page.getByRole('listitem').filter({ hasText: note })).toContainText('Verstuurd. De school kijkt ernaar.');

  // The desk sees the answer under "Antwoorden van ouders", and accepts it.
  await staff.page.goto('/');
  await deskPage.open();
  const answers = new ParentAnswers(staff.page);
  const answer = answers.answer(note);
  await expect(answer).toHaveCount(1);
  await expect(answer).toContainText('Sem Bakker · Groep 6');
  await expect(answer).toContainText(`Afwezig op ${dutchDay(day)}`);
  await expect(answer).toContainText('Beantwoord door Lotte Bakker op');
  await expect(answer).toContainText(`Reden: Iets anders (${note}).`);
  await answers.judge(answer, true);
  await expect(answers.section()).toContainText(`Sem Bakker, op ${dutchDay(day)}: reden geaccepteerd.`);
  await expect(answer).toHaveCount(0);
  await staff.context.close();

  // Lotte sees it accepted on Sem's page.
  await page.goto(new URL(page.url()).pathname);
  await expect(page.getByRole('listitem').filter({ hasText: note }))
    .toContainText(new RegExp(`De school vindt de reden goed \\(${desk.fullName}, .+\\)\\.`));
});

test('the director refuses a leave request with a reason, and Lotte reads it', async ({ page, browser, baseURL }) => {
  const reason = `De bruiloft van mijn zus in Zwolle (e2e ${Date.now()}).`;
  await new LoginPage(page).logInAs(lotte);
  const form = new LeaveFormPage(page);
  await form.goto();
  await form.chooseKind(WEDDING);
  await form.chooseDays(dayFromToday(28), dayFromToday(28));
  await form.writeReason(reason);
  await form.send();
  await expect(page.getByRole('heading', { level: 1, name: 'Verlof voor Sem' })).toBeVisible();

  const staff = await otherPhone(browser, baseURL, director);
  const leave = new SchoolLeavePage(staff.page);
  await leave.open();
  const request = leave.request(reason);
  await expect(request).toHaveCount(1);
  await expect(request).toContainText(`Sem, op ${dutchDay(28)}`);
  await expect(request).toContainText(WEDDING);
  await expect(request).toContainText('Gevraagd door Lotte Bakker op');
  await expect(request).toContainText('Status: Wacht op een besluit');
  // Nothing chosen and no reason: each problem next to its field.
  await leave.decide(request, null, '');
  await expect(request.getByText('Kies of u het verlof toestaat.')).toBeVisible();
  await expect(request.getByLabel('Reden van uw besluit')).toHaveAccessibleDescription(/Schrijf de reden van de beslissing op/);
  const why = 'Een bruiloft van een zus valt niet onder de regels voor verlof. Bel gerust als u vragen heeft.';
  await leave.decide(request, false, why);
  await expect(request).toContainText('Status: Niet toegestaan');
  await expect(request).toContainText(`Reden van de school: ${why}`);
  await expect(request).toContainText(`Besloten door ${director.fullName} op`);
  await expect(request.getByRole('button', { name: 'Beslissen' })).toHaveCount(0);
  await staff.context.close();

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Niet toegestaan' })).toBeVisible();
  await expect(page.getByText(`Reden van de school: ${why}`)).toBeVisible();
});

test('the desk downloads the absences of this school year as CSV', async ({ page }) => {
  await new LoginPage(page).logInAs(desk);
  await new DeskPage(page).open();
  const exportBlock = new AbsenceExport(page);
  const now = new Date();
  const year = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
  await expect(exportBlock.section().getByLabel('Van')).toHaveValue(`${year}-08-01`);
  await expect(exportBlock.section().getByLabel('Tot en met')).toHaveValue(dayFromToday(0));
  await expect(exportBlock.link()).toHaveAttribute('href', new RegExp(`from=${year}-08-01&to=${dayFromToday(0)}$`));
  const [download] = await Promise.all([page.waitForEvent('download'), exportBlock.link().click()]);
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  expect(csv.startsWith('leerlingnummer;voornaam;achternaam;groep;soort')).toBe(true);
});
