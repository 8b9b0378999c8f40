// A parent reports a child ill and finds the report again, also after a reload.
import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { ReportPage } from '../pages/report-page';
import { dayFromToday, sanne } from './demo';

test('a parent reports a child ill and sees it confirmed and listed', async ({ page }) => {
  await new LoginPage(page).logInAs(sanne);

  await page.getByRole('link', { name: 'Ziek of afwezig melden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Afwezig melden' })).toBeVisible();
  const report = new ReportPage(page);
  await report.chooseChild('Noor');
  await report.chooseKind('Ziek');
  await expect(page.getByLabel('Tot mijn kind beter is')).toBeChecked();
  await report.send();

  await expect(page.getByRole('heading', { level: 1, name: 'Melding ontvangen' })).toBeVisible();
  // The time the school received it, as the parent's clock shows it.
  await expect(page.getByText(/De school heeft uw melding ontvangen op .+ om \d{2}:\d{2}\./)).toBeVisible();
  await expect(page.getByText('tot uw kind beter is')).toBeVisible();
  // One report: only what the school does anyway, nothing that applies yet.
  const timeline = page.getByRole('region', { name: 'Wat gebeurt er nu voor Noor?' });
  await expect(timeline.getByRole('listitem').first()).toContainText('Dit doet de school');
  await expect(timeline.getByRole('listitem').filter({ hasText: /^Geldt nu/ })).toHaveCount(0);

  await page.getByRole('link', { name: 'Alle meldingen van Noor' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen van Noor' })).toBeVisible();
  const reports = page.getByRole('list', { name: 'Alle meldingen van Noor' }).getByRole('listitem');
  await expect(reports).toHaveCount(1);
  await expect(reports.first()).toContainText('Ziek');
  await expect(reports.first()).toContainText('Gemeld door Sanne de Vries');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen van Noor' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Alle meldingen van Noor' }).getByRole('listitem')).toHaveCount(1);
});

test('a mistake in the form is shown next to the field', async ({ page }) => {
  await new LoginPage(page).logInAs(sanne);
  await page.goto('/melden');
  const report = new ReportPage(page);
  await report.chooseChild('Daan');
  await report.chooseKind('Iets anders');
  await page.getByLabel('Eerste dag').fill(dayFromToday(10));
  await page.getByLabel('Laatste dag').fill(dayFromToday(8));
  await report.send();

  const lastDay = page.getByLabel('Laatste dag');
  await expect(lastDay).toHaveAttribute('aria-invalid', 'true');
  await expect(lastDay).toHaveAccessibleDescription(/De laatste dag kan niet vóór de eerste dag liggen\./);
  await expect(page.getByRole('heading', { level: 1, name: 'Afwezig melden' })).toBeVisible();
});
