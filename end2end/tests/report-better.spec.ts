// A parent reports an open-ended illness better and sees when it ended.
import { expect, test } from '@playwright/test';
import { ChildReportsPage } from '../pages/child-reports-page';
import { LoginPage } from '../pages/login-page';
import { ReportPage } from '../pages/report-page';
import { dayFromToday, dutchDay, sanne } from './demo';

test('a parent reports a child better and the illness gets its last day', async ({ page }) => {
  await new LoginPage(page).logInAs(sanne);
  await page.goto('/melden');
  const form = new ReportPage(page);
  await form.chooseChild('Daan');
  await form.chooseKind('Ziek');
  await page.getByLabel('Eerste dag').fill(dayFromToday(-2));
  await expect(page.getByLabel('Tot mijn kind beter is')).toBeChecked();
  await form.send();
  await page.getByRole('link', { name: 'Alle meldingen van Daan' }).click();

  const list = new ChildReportsPage(page);
  // This test's report: the only one for Daan from that day on (other tests
  // report Daan ill on other days); pinned, as its text changes.
  const ill = await list.pin(list.report(`vanaf ${dutchDay(-2)}, tot uw kind beter is`));
  await expect(ill).toHaveCount(1);
  await expect(ill).toContainText('Nog niet gezien door de school.');
  await ill.getByRole('button', { name: /^Beter melden/ }).click();
  const betterFrom = ill.getByLabel('Weer beter vanaf');
  await expect(betterFrom).toBeFocused();
  await expect(betterFrom).toHaveValue(dayFromToday(0));

  // A day before the illness began is pointed out next to the field.
  await betterFrom.fill(dayFromToday(-3));
  await ill.getByRole('button', { name: 'Opslaan' }).click();
  await expect(betterFrom).toHaveAttribute('aria-invalid', 'true');
  await expect(betterFrom).toHaveAccessibleDescription(/vóór de eerste dag van de ziekmelding/);

  await betterFrom.fill(dayFromToday(0));
  await ill.getByRole('button', { name: 'Opslaan' }).click();

  await expect(list.status()).toContainText('Fijn dat Daan weer beter is');
  // Better from today: ill until yesterday.
  const yesterday = dutchDay(-1).split(' ').slice(1).join(' ');
  await expect(ill).toContainText(`tot en met ${yesterday}`);
  await expect(ill).not.toContainText('tot uw kind beter is');
  await expect(ill.getByRole('button', { name: /^Beter melden/ })).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen van Daan' })).toBeVisible();
  await expect(ill).toContainText(`tot en met ${yesterday}`);
});
