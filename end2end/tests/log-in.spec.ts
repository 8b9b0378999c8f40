// Logging in and out.
import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { PASSWORD, sanne } from './demo';

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

test('after five wrong passwords the page says in how many minutes to try again', async ({ page }) => {
  // An address nobody has (and new each run): a lock on a demo account
  // would break the other specs. The server counts unknown addresses like
  // known ones, so the answer is the same as for a real account.
  const email = `slot-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.nl`;
  const login = new LoginPage(page);
  await login.goto();
  const alert = page.getByRole('alert');
  for (let i = 0; i < 4; i++) {
    await login.logIn(email, `fout-${i}`);
    await expect(alert).toHaveText('Het e-mailadres of het wachtwoord klopt niet.');
    await expect(page.getByRole('button', { name: 'Inloggen' })).toBeEnabled();
  }

  await login.logIn(email, 'fout-5');

  await expect(alert).toHaveText('U heeft het te vaak geprobeerd. Probeer het over 15 minuten opnieuw.');
  await expect(page).toHaveURL(/\/inloggen/);
});

test('logging out on all devices logs out the other phone too', async ({ page, browser, baseURL }) => {
  // Mark: no other spec logs in as him (Lotte's sessions are in use by
  // specs running at the same time), so ending all his sessions disturbs
  // nobody.
  test.setTimeout(60_000); // two phones log in
  const mark = { email: 'mark@example.nl', name: 'Mark' };
  const laptop = await browser.newContext({ baseURL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  try {
    const onPhone = page;
    const onLaptop = await laptop.newPage();
    await new LoginPage(onPhone).logInAs(mark);
    await new LoginPage(onLaptop).logInAs(mark);

    await onPhone.getByRole('link', { name: 'Mijn account en gegevens' }).click();
    await expect(onPhone.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
    await expect(onPhone.getByText(mark.email)).toBeVisible();
    await onPhone.getByRole('button', { name: 'Log overal uit' }).click();

    await expect(onPhone).toHaveURL(/\/inloggen/);
    await expect(onPhone.getByRole('status')).toHaveText('U bent nu overal uitgelogd.');
    // The laptop still shows the page it had; its next step goes to the
    // log-in page, as does the phone's.
    await onLaptop.goto('/');
    await expect(onLaptop).toHaveURL(/\/inloggen/);
    await onPhone.goto('/');
    await expect(onPhone).toHaveURL(/\/inloggen/);
  } finally {
    await laptop.close();
  }
});

test('the log-in page comes alone, fetches the start page while the parent types, then opens the page asked for', async ({ page }) => {
  const wasm: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.wasm')) wasm.push(path);
  });
  await page.goto('/inloggen?terug=%2Fmelden');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  // The log-in door alone (src/bin/log-in-door.rs): no other bundle, and no
  // service worker that would fetch the front door.
  expect(wasm).toEqual([expect.stringMatching(/^\/login\/log-in-door-[0-9a-f]+_bg\.wasm$/)]);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);

  const frontDoor = page.waitForRequest((request) => /^\/front\/.*_bg\.wasm$/.test(new URL(request.url()).pathname));
  await page.getByLabel('E-mailadres').fill(sanne.email);
  await frontDoor;
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();

  await expect(page).toHaveURL(/\/melden$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Afwezig melden' })).toBeVisible();
});
