// A parent changes a report the school has not seen yet.
import { expect, test } from '@playwright/test';
import { ChildReportsPage } from '../pages/child-reports-page';
import { LoginPage } from '../pages/login-page';
import { ReportPage } from '../pages/report-page';
import { dayFromToday, dutchDay, sanne } from './demo';

test("a parent moves an appointment to another day", async ({ page }) => {
  const note = 'Orthodontist (e2e wijzigen)';
  await new LoginPage(page).logInAs(sanne);
  await page.goto('/melden');
  const form = new ReportPage(page);
  // Daan: other tests count Noor's reports and Yara's sick days.
  await form.chooseChild('Daan');
  await form.chooseKind('Afspraak bij dokter, tandarts of ziekenhuis');
  await page.getByLabel('Eerste dag').fill(dayFromToday(3));
  await form.fillNote(note);
  await form.send();
  await page.getByRole('link', { name: 'Alle meldingen van Daan' }).click();

  const list = new ChildReportsPage(page);
  // This test's report, by its note.
  const appointment = list.report(note);
  await expect(appointment).toHaveCount(1);
  await expect(appointment).toContainText(`op ${dutchDay(3)}`);
  await list.change(appointment);

  await expect(page.getByRole('heading', { level: 1, name: 'Melding wijzigen' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Voor wie?' })).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Afspraak bij dokter, tandarts of ziekenhuis' })).toBeChecked();
  await expect(page.getByLabel('Eerste dag')).toHaveValue(dayFromToday(3));
  await expect(page.getByLabel(/^Korte toelichting/)).toHaveValue(note);
  await page.getByLabel('Eerste dag').fill(dayFromToday(4));
  await expect(page.getByLabel('Laatste dag')).toHaveValue(dayFromToday(4));
  await form.saveChange();

  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen van Daan' })).toBeVisible();
  await expect(list.status()).toContainText('Uw wijziging is opgeslagen.');
  await expect(appointment).toContainText(`op ${dutchDay(4)}`);
  await page.reload();
  await expect(list.report(note)).toContainText(`op ${dutchDay(4)}`);
});
