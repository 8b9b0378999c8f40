// Logging in and out.
import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { sanne } from './demo';

test('a wrong password is explained without saying whether the account exists', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(sanne.email, 'niet-het-wachtwoord');
  const wrongPassword = await page.getByRole('alert').textContent();
  expect(wrongPassword).toContain('Het e-mailadres of het wachtwoord klopt niet.');

  await login.logIn('niemand@example.nl', 'niet-het-wachtwoord');
  await expect(page.getByRole('alert')).toHaveText(wrongPassword!);
});

test('an empty field is pointed out next to that field', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await page.getByLabel('Wachtwoord').fill('iets');
  await page.getByRole('button', { name: 'Inloggen' }).click();

  const email = page.getByLabel('E-mailadres');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('Vul uw e-mailadres in.');
  await expect(email).toBeFocused();
  await expect(page.getByLabel('Wachtwoord')).not.toHaveAttribute('aria-invalid', 'true');
});

test('a parent logs in, sees each child, and logs out', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/inloggen/);
  await new LoginPage(page).logInAs(sanne);
  for (const child of sanne.children) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(child) })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(/\/inloggen/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/inloggen/);
});
