// The school admin sets the school's protocol in the app: a step's number
// and text, with a preview of what parents see; a step that would send
// illness to the leerplichtambtenaar is refused next to the protocol; and a
// parent sees the change at once. Only Het Baken College's "vaak ziek" step
// changes (from 4 to 3 sick reports, and its texts): no other spec counts on
// it. A step's texts can be written per language: a parent reading English
// sees the school's English, or the Dutch where the step has no English.
import { expect, test, type Browser } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { SettingsPage } from '../pages/settings-page';
import { desk, PASSWORD, sanne, schoolAdmin } from './demo';

const OFTEN_ILL = 'Een gesprek omdat uw kind vaak ziek is';
const SUMMARY = 'Bij 3 ziekmeldingen binnen 12 schoolweken nodigt de mentor uw kind en u uit voor een gesprek.';
const ENGLISH_TITLE = 'A meeting because your child is ill often';
const ENGLISH_SUMMARY = 'After 3 sick reports within 12 school weeks, the mentor invites your child and you to a meeting.';

/** Sanne on her own phone, which speaks English: logged in without the
 * log-in page (its words are not what this spec is about). */
async function englishParent(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, locale: 'en-GB', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  expect((await page.request.post('/api/session', { data: { email: sanne.email, password: PASSWORD } })).status()).toBe(200);
  const children: { id: string; first_name: string }[] = await (await page.request.get('/api/children')).json();
  const daan = children.find((c) => c.first_name === 'Daan')!;
  /** Opens the "vaak ziek" step's page. */
  const openStep = async () => {
    await page.goto(`/kinderen/${daan.id}/stappen/gesprek-vaak-ziek`);
    return page.getByRole('heading', { level: 1 });
  };
  return { context, page, openStep };
}

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
  // The translations no longer say the same: the school is told.
  await expect(step.getByText(/U heeft de Nederlandse tekst veranderd\. Pas ook deze vertalingen aan: English/)).toBeVisible();

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

  // The Dutch changed, its translations did not: they are gone, and a parent
  // reading English sees the Dutch (with a note, not checked here).
  const english = await englishParent(browser, baseURL);
  await expect(await english.openStep()).toHaveText(OFTEN_ILL);
  await expect(english.page.getByText(SUMMARY)).toBeVisible();

  // The school writes the step in English; the parent sees it.
  await page.setViewportSize({ width: 1280, height: 900 });
  const again = settings.step(OFTEN_ILL);
  await again.getByText('Teksten voor ouders').click();
  await again.getByLabel('Taal van de teksten').selectOption('en');
  await expect(again.getByText('Deze stap heeft nog geen tekst in deze taal.')).toBeVisible();
  await again.getByLabel('Titel').fill(ENGLISH_TITLE);
  await again.getByLabel('Samenvatting (één zin)').fill(ENGLISH_SUMMARY);
  await expect(again.getByText('Deze stap heeft nog geen tekst in deze taal.')).toHaveCount(0);
  // Back to Dutch: the Dutch texts are still there.
  await again.getByLabel('Taal van de teksten').selectOption('nl');
  await expect(again.getByLabel('Samenvatting (één zin)')).toHaveValue(SUMMARY);
  await settings.save();
  await expect(settings.status()).toHaveText('Opgeslagen. Ouders zien het meteen.');

  await expect(await english.openStep()).toHaveText(ENGLISH_TITLE);
  await expect(english.page.getByText(ENGLISH_SUMMARY)).toBeVisible();
  await english.context.close();
});

test('someone at the desk sees no settings', async ({ page }) => {
  await new LoginPage(page).logInAs(desk);
  await expect(page.getByRole('link', { name: 'Instellingen', exact: true })).toHaveCount(0);
  await page.goto('/school/instellingen');
  await expect(page.getByText('Alleen de directeur of de beheerder verandert de instellingen van de school.')).toBeVisible();
});
