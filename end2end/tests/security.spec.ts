// The app under its own Content-Security-Policy (server/src/security.rs):
// it starts and works with scripts from the server only, and the browser
// reports no violation on the pages parents and staff use.
import { expect, test, type Page } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { desk, director, sanne } from './demo';

/** Every CSP violation the page reports, from the console and the DOM event. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to/i.test(text)) violations.push(text);
  });
  page.on('pageerror', (error) => {
    if (/Content Security Policy|Refused to/i.test(error.message)) violations.push(error.message);
  });
  // Playwright's init scripts run outside the page's policy.
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Refused to load: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

test('the page is served with a strict policy and no inline script', async ({ page }) => {
  const response = await page.goto('/inloggen');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  // Served over plain http here: no HSTS.
  expect(headers['strict-transport-security']).toBeUndefined();
  // Neither in the page as sent, nor added with code later. (leptos_i18n
  // adds an empty <script> element: nothing to run.)
  const html = await response!.text();
  expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual([]);
  const withCode = await page.locator('script:not([src])').evaluateAll(
    (scripts) => scripts.filter((script) => script.textContent!.trim() !== '').length);
  expect(withCode).toBe(0);
});

test('a parent uses the app without any policy violation', async ({ page }) => {
  const violations = watchViolations(page);
  await new LoginPage(page).logInAs(sanne);
  await page.getByRole('link', { name: 'Meldingen van Noor' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Noor/ })).toBeVisible();
  await page.goto('/melden');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/verlof');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test('staff use the desk and the settings without any policy violation', async ({ browser }) => {
  for (const person of [desk, director]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = watchViolations(page);
    await new LoginPage(page).logInAs(person);
    await page.goto('/school/meldingen');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (person === director) {
      await page.goto('/school/instellingen');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    expect(violations).toEqual([]);
    await context.close();
  }
});
