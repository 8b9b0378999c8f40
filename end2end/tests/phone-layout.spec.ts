// Usable on a small phone: nothing scrolls sideways, everything is easy to tap.
import { expect, test, type Page } from '@playwright/test';
import { ChildReportsPage } from '../pages/child-reports-page';
import { LoginPage } from '../pages/login-page';
import { ReportPage } from '../pages/report-page';
import { dayFromToday, dutchDay, sanne } from './demo';

test.use({ viewport: { width: 320, height: 640 } });

async function expectPhoneFriendly(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'horizontal scroll at 320 px').toBeLessThanOrEqual(0);
  const targets = page.locator('main a:not(p a), main button, main input, main textarea, main select, header a, header button');
  for (const target of await targets.all()) {
    if (!(await target.isVisible())) continue;
    // A checkbox or radio is tapped through its label: measure that.
    const { height, name } = await target.evaluate((el) => {
      const label = (el as HTMLInputElement).labels?.[0];
      const tapped = el.matches('input[type=checkbox], input[type=radio]') && label ? label : el;
      return { height: tapped.getBoundingClientRect().height, name: (label ?? el).textContent?.trim() || el.outerHTML.slice(0, 60) };
    });
    expect(height, `height of tap target "${name}"`).toBeGreaterThanOrEqual(44);
  }
}

test('the log-in page, home page and report form fit a 320 px screen', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expect(page.getByRole('button', { name: 'Inloggen' })).toBeVisible();
  await expectPhoneFriendly(page);

  await login.logInAs(sanne);
  await expectPhoneFriendly(page);

  await page.getByRole('link', { name: 'Ziek of afwezig melden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Afwezig melden' })).toBeVisible();
  await expectPhoneFriendly(page);
});

test("a child's reports, their buttons and panels, and the change form fit a 320 px screen", async ({ page }) => {
  // For Daan, from a day no other test uses: other tests count Noor's
  // reports and Yara's sick days.
  await new LoginPage(page).logInAs(sanne);
  await page.goto('/melden');
  const form = new ReportPage(page);
  await form.chooseChild('Daan');
  await form.chooseKind('Ziek');
  await page.getByLabel('Eerste dag').fill(dayFromToday(-5));
  await form.send();
  await page.getByRole('link', { name: 'Alle meldingen van Daan' }).click();
  const list = new ChildReportsPage(page);
  const ill = list.report(`vanaf ${dutchDay(-5)}, tot uw kind beter is`).first();
  await expect(ill.getByRole('button', { name: /^Beter melden/ })).toBeVisible();
  await expectPhoneFriendly(page);

  await ill.getByRole('button', { name: /^Beter melden/ }).click();
  await expect(ill.getByLabel('Weer beter vanaf')).toBeVisible();
  await expectPhoneFriendly(page);

  await list.startWithdrawing(ill);
  await expect(ill.getByRole('button', { name: 'Ja, intrekken' })).toBeVisible();
  await expectPhoneFriendly(page);

  await list.change(ill);
  await expect(page.getByRole('heading', { level: 1, name: 'Melding wijzigen' })).toBeVisible();
  await expectPhoneFriendly(page);
});

test('the leave form, with its rules open, fits a 320 px screen', async ({ page }) => {
  await new LoginPage(page).logInAs(sanne);
  await page.getByRole('link', { name: 'Verlof aanvragen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verlof aanvragen' })).toBeVisible();
  for (const summary of await page.locator('summary').all()) await summary.click();
  await page.getByRole('radio', { name: /^Vakantie/ }).check();
  await expectPhoneFriendly(page);
  for (const summary of await page.locator('summary').all()) {
    const height = await summary.evaluate((el) => el.getBoundingClientRect().height);
    expect(height, 'height of a rules summary').toBeGreaterThanOrEqual(44);
  }
});

test('the conversation form, with its choices, fits a 320 px screen', async ({ page }) => {
  await new LoginPage(page).logInAs(sanne);
  await page.getByRole('link', { name: 'Gesprek aanvragen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gesprek aanvragen' })).toBeVisible();
  await page.getByRole('radio', { name: /^Daan\b/ }).check();
  await expect(page.getByRole('radio', { name: 'De mentor', exact: true })).toBeVisible();
  await expectPhoneFriendly(page);
});

test("the activation page and the school admin's pages fit a 320 px screen", async ({ page }) => {
  await page.goto('/activeren');
  await page.getByRole('button', { name: 'Account activeren' }).click();
  await expect(page.getByLabel('Activeringscode')).toHaveAttribute('aria-invalid', 'true');
  await expectPhoneFriendly(page);

  await new LoginPage(page).logInAs({ email: 'admin@example.nl', name: 'Mila' });
  await expectPhoneFriendly(page);
  await page.getByRole('link', { name: 'Inlezen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leerlingen inlezen' })).toBeVisible();
  await expectPhoneFriendly(page);

  await page.goto('/school/medewerkers');
  await page.getByRole('button', { name: 'Medewerker toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Medewerker toevoegen' })).toBeVisible();
  await expectPhoneFriendly(page);
});
