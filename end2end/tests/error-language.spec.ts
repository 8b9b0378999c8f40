// Messages about a mistake come in the language the parent chose: the
// server's (the app asks for its language) and the app's own checks.
import { expect, test } from '@playwright/test';
import { sanne } from './demo';

test('a wrong password and an empty field are explained in Arabic', async ({ page }) => {
  await page.goto('/inloggen');
  await page.locator('#language-choice').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

  await page.locator('#email').fill(sanne.email);
  await page.locator('#password').fill('niet-het-wachtwoord');
  await page.locator('form button[type=submit]').click();
  await expect(page.getByRole('alert')).toContainText('البريد الإلكتروني أو كلمة المرور غير صحيحة.');

  await page.locator('#email').fill('');
  await page.locator('form button[type=submit]').click();
  await expect(page.locator('#email')).toHaveAccessibleDescription('اكتب بريدك الإلكتروني.');
});
