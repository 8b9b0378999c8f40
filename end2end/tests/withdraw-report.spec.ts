// A parent withdraws a report the school has not seen yet.
import { expect, test } from '@playwright/test';
import { ChildReportsPage } from '../pages/child-reports-page';
import { LoginPage } from '../pages/login-page';
import { ReportPage } from '../pages/report-page';
import { sanne } from './demo';

test('a parent withdraws a report after saying yes, and it stays gone', async ({ page }) => {
  const note = 'Familiebezoek (e2e intrekken)';
  await new LoginPage(page).logInAs(sanne);
  await page.goto('/melden');
  const form = new ReportPage(page);
  // Daan: other tests count Noor's reports and Yara's sick days.
  await form.chooseChild('Daan');
  await form.chooseKind('Iets anders');
  await form.fillNote(note);
  await form.send();
  await page.getByRole('link', { name: 'Alle meldingen van Daan' }).click();
  const list = new ChildReportsPage(page);
  // This test's report, by its note.
  const report = list.report(note);
  await expect(report).toHaveCount(1);

  // The app asks first, in the page; "no" leaves it as it was.
  await list.startWithdrawing(report);
  const question = report.getByText('Wilt u deze melding intrekken?');
  await expect(question).toBeFocused();
  await report.getByRole('button', { name: 'Nee, laten staan' }).click();
  await expect(question).toHaveCount(0);
  await expect(report.getByRole('button', { name: /^Intrekken/ })).toBeFocused();

  await list.withdraw(report);

  await expect(list.status()).toContainText('De melding is ingetrokken.');
  await expect(list.report(note)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen van Daan' })).toBeVisible();
  await expect(list.report(note)).toHaveCount(0);
});
