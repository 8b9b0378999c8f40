// After a report the parent sees what the school does next, and whom to call.
import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { ReportPage } from '../pages/report-page';
import { SignalsPage } from '../pages/desk-page';
import { ahmed, desk } from './demo';

test('a fourth sick report within 12 weeks makes a conversation the step that applies now', async ({ page, browser, baseURL }) => {
  // The demo gives Yara three sick reports in the last 12 school weeks.
  await new LoginPage(page).logInAs(ahmed);
  await page.goto('/melden');
  const report = new ReportPage(page);
  await report.chooseKind('Ziek');
  await report.send();

  await expect(page.getByRole('heading', { level: 1, name: 'Melding ontvangen' })).toBeVisible();
  const timeline = page.getByRole('region', { name: 'Wat gebeurt er nu voor Yara?' });
  await expect(timeline).toBeVisible();
  await expect(timeline).toContainText('Yara was dit schooljaar 4 schooldagen ziek.');
  await timeline.getByText('Alle cijfers van dit schooljaar').click();
  await expect(timeline.getByRole('row', { name: /^Ziek/ }).getByRole('cell')).toHaveText(['4', '4', '24']);
  const applying = timeline.getByRole('listitem').filter({ hasText: /^Geldt nu/ });
  await expect(applying.first()).toBeVisible();
  await expect(applying.getByRole('heading', { name: /gesprek/i }).first()).toBeVisible();
  // The reassuring facts come first.
  await expect(timeline.getByRole('listitem').first()).toContainText('Dit doet de school');

  await applying.getByRole('link', { name: /gesprek/i }).first().click();
  await expect(page.getByText(/^Dit geldt nu voor Yara/)).toBeVisible();
  await expect(page.getByText('Uw kind is welkom bij elk gesprek.', { exact: false })).toBeVisible();
  const call = page.getByRole('link', { name: /^Bel / }).first();
  await expect(call).toHaveAttribute('href', /^tel:\d+$/);

  // The school's desk sees the same step as a signal for Yara, with the
  // way to invite her parents.
  const context = await browser.newContext({ baseURL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const school = await context.newPage();
  await new LoginPage(school).logInAs(desk);
  const signals = new SignalsPage(school);
  await signals.open();
  const signal = signals.signal('Yara El Amrani', 'Een gesprek omdat uw kind vaak ziek is');
  await expect(signal).toBeVisible();
  await expect(signal.getByRole('link', { name: 'Uitnodigen voor een gesprek' })).toBeVisible();
  await context.close();
});

test('the contacts page lists the school and the independent help', async ({ page }) => {
  await new LoginPage(page).logInAs(ahmed);
  await page.getByRole('link', { name: 'Meldingen van Yara' }).click();
  await page.getByRole('link', { name: 'Contact met de school' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contact met de school' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Intern begeleider (IB)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bel 0800 5010' })).toHaveAttribute('href', 'tel:08005010');
});
