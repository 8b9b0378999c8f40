// "Lees voor" on a step page reads its explanation aloud with the browser's
// speech synthesis, each part in the language it is written in; pressing it
// again stops. The browser's voice is replaced by a recorder here.
import { expect, test, type Page } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { ahmed } from './demo';

type Spoken = { text: string; lang: string };

/** What the page asked the browser to say, and how often it said stop. */
async function recordSpeech(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { spoken: Spoken[]; stopped: number };
    w.spoken = [];
    w.stopped = 0;
    speechSynthesis.speak = (u: SpeechSynthesisUtterance) => { w.spoken.push({ text: u.text, lang: u.lang }); };
    const cancel = speechSynthesis.cancel.bind(speechSynthesis);
    speechSynthesis.cancel = () => { w.stopped += 1; cancel(); };
  });
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { spoken: Spoken[] }).spoken);
const stopped = (page: Page) => page.evaluate(() => (window as unknown as { stopped: number }).stopped);

/** Logs in as Ahmed and opens the first step of Yara's timeline. */
async function openStep(page: Page) {
  await new LoginPage(page).logInAs(ahmed);
  await page.getByRole('link', { name: 'Meldingen van Yara' }).click();
  await page.getByRole('link', { name: /^Meer over:/ }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Wat gebeurt er?' })).toBeVisible();
}

test('a parent hears the step explained in Dutch, and can stop it', async ({ page }) => {
  await recordSpeech(page);
  await openStep(page);
  const title = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  const whatHappens = (await page.locator('#uitleg h2:has-text("Wat gebeurt er?") + p').innerText()).trim();

  const button = page.getByRole('button', { name: 'Lees voor' });
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await button.click();
  const stop = page.getByRole('button', { name: 'Stop met voorlezen' });
  await expect(stop).toHaveAttribute('aria-pressed', 'true');

  const said = await spoken(page);
  expect(said.length).toBeGreaterThan(0);
  for (const part of said) expect(part.lang).toBe('nl-NL');
  const text = said.map((part) => part.text).join('\n');
  expect(text).toContain(title);
  expect(text).toContain('Wat gebeurt er?');
  expect(text).toContain(whatHappens);
  // Only the explanation: not the button, not the contacts below it.
  expect(text).not.toContain('Lees voor');
  expect(text).not.toContain('Wie kunt u bellen?');

  const before = await stopped(page);
  await stop.click();
  await expect(page.getByRole('button', { name: 'Lees voor' })).toHaveAttribute('aria-pressed', 'false');
  expect(await stopped(page)).toBeGreaterThan(before);
});

test('in Arabic the Arabic parts are read in Arabic, the school\'s Dutch text in Dutch', async ({ page, baseURL }) => {
  await recordSpeech(page);
  await openStep(page);
  // The choice remembered on this device (not on Ahmed's account, which
  // other tests use in Dutch).
  await page.context().addCookies([{ name: 'i18n_pref_locale', value: 'ar', url: baseURL! }]);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 2, name: 'ماذا يحدث؟' })).toBeVisible();

  await page.getByRole('button', { name: 'اقرأ بصوت عالٍ' }).click();
  await expect(page.getByRole('button', { name: 'أوقف القراءة' })).toHaveAttribute('aria-pressed', 'true');

  const said = await spoken(page);
  const inArabic = said.filter((part) => part.lang === 'ar').map((part) => part.text).join('\n');
  const inDutch = said.filter((part) => part.lang === 'nl-NL').map((part) => part.text).join('\n');
  expect(said.every((part) => part.lang === 'ar' || part.lang === 'nl-NL')).toBe(true);
  expect(inArabic).toContain('ماذا يحدث؟');
  expect(inArabic).toContain('لماذا تقوم المدرسة بهذا؟');
  // A school text without an Arabic translation is shown, and read, in
  // Dutch, with a note that says so.
  const dutchParts = await page.locator('#uitleg [lang="nl"]').allInnerTexts();
  for (const part of dutchParts) expect(inDutch).toContain(part.trim());
  if (dutchParts.length > 0) {
    await expect(page.getByText('هذا النص متوفر باللغة الهولندية فقط.').first()).toBeVisible();
  }
});

test('without speech synthesis in the browser there is no button', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    delete (window as unknown as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
  });
  await openStep(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lees voor' })).toHaveCount(0);
});
