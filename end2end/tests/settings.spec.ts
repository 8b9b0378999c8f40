// The school admin sets the school's protocol in the app: a step's number
// and text, with a preview of what parents see; a step that would send
// illness to the leerplichtambtenaar is refused next to the protocol; and a
// parent sees the change at once. Only Het Baken College's "vaak ziek" step
// changes (from 4 to 3 sick reports): no other spec counts on its number.
import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { SettingsPage } from '../pages/settings-page';
import { desk, sanne, schoolAdmin } from './demo';

const OFTEN_ILL = 'Een gesprek omdat uw kind vaak ziek is';
const SUMMARY = 'Bij 3 ziekmeldingen binnen 12 schoolweken nodigt de mentor uw kind en u uit voor een gesprek.';

test('the school admin changes a step, sees the preview, and a parent sees the change', async ({ page, browser, baseURL }) => {
  await new LoginPage(page).logInAs(schoolAdmin);
  const settings = new SettingsPage(page);
  await settings.open();
  await expect(page.getByText('Het Baken College')).toBeVisible();

  // The example child was ill three times: with 4 the conversation is next,
  // with 3 it applies now.
  const step = settings.step(OFTEN_ILL);
  const count = step.getByLabel('Bij de zoveelste ziekmelding');
  await count.fill('4');
  await expect(settings.previewStep(OFTEN_ILL)).toContainText('Volgende stap: nog 1 ziekmelding binnen 12 schoolweken');
  await count.fill('3');
  await expect(settings.previewStep(OFTEN_ILL)).toContainText(/^Geldt nu/);
  await step.getByText('Teksten voor ouders').click();
  await step.getByLabel('Samenvatting (één zin)').fill(SUMMARY);
  await expect(settings.previewStep(OFTEN_ILL)).toContainText(SUMMARY);

  // Illness never leads to the leerplichtambtenaar: said next to the protocol.
  const role = step.getByLabel('Wie doet dit?');
  await role.selectOption({ label: 'Leerplichtambtenaar' });
  await settings.save();
  await expect(settings.protocol().getByText(/ziekte leidt nooit vanzelf tot de leerplichtambtenaar/)).toBeVisible();
  await expect(settings.protocol()).toBeFocused();
  await role.selectOption({ label: 'Mentor' });
  await expect(settings.protocol().getByText(/ziekte leidt nooit/)).toHaveCount(0);
  await settings.save();
  await expect(settings.status()).toHaveText('Opgeslagen. Ouders zien het meteen.');

  // After a reload the page shows what was stored.
  await page.reload();
  await expect(settings.step(OFTEN_ILL).getByLabel('Bij de zoveelste ziekmelding')).toHaveValue('3');

  // The page fits a phone.
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'horizontal scroll at 320 px').toBeLessThanOrEqual(0);

  // Sanne, on her own phone, finds the step on Daan's page (in the timeline,
  // or among the other steps: other specs report Daan ill in parallel).
  const context = await browser.newContext({ baseURL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const parent = await context.newPage();
  await new LoginPage(parent).logInAs(sanne);
  await parent.getByRole('link', { name: 'Meldingen van Daan' }).click();
  const timeline = parent.getByRole('region', { name: 'Wat gebeurt er nu voor Daan?' });
  await timeline.getByText('Alle andere stappen van de school').click();
  await timeline.getByRole('link', { name: new RegExp(`${OFTEN_ILL}$`) }).click();
  await expect(parent.getByRole('heading', { level: 1, name: OFTEN_ILL })).toBeVisible();
  await expect(parent.getByText(SUMMARY)).toBeVisible();
  await context.close();
});

test('someone at the desk sees no settings', async ({ page }) => {
  await new LoginPage(page).logInAs(desk);
  await expect(page.getByRole('link', { name: 'Instellingen', exact: true })).toHaveCount(0);
  await page.goto('/school/instellingen');
  await expect(page.getByText('Alleen de directeur of de beheerder verandert de instellingen van de school.')).toBeVisible();
});
