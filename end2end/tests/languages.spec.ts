// A parent reports an absence in each of the six languages: the switch in
// the header, the page's lang and dir, no Dutch left where the language has
// its own words, and the choice remembered after a reload. A browser in
// Arabic starts in Arabic.
import { expect, test, type Page } from '@playwright/test';
import { LANGUAGES, expectNoUntranslatedText, texts, type Language } from '../i18n';
import { dayFromToday, PASSWORD, sanne, schoolDaysAhead } from './demo';

async function expectLanguage(page: Page, language: Language) {
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
}

/** A text of `language` with its places filled in. */
function text(language: Language, key: string, values: Record<string, string> = {}): string {
  const template = texts(language).get(key);
  if (template === undefined) throw new Error(`no ${key} in ${language}`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}|\{(\w+)\}/g, (_, a, b) => values[a ?? b] ?? '');
}

for (const [i, language] of LANGUAGES.entries()) {
  test(`a parent reports an absence in ${language}`, async ({ page }) => {
    // Daan, on school days of this language's own, weeks after any other
    // spec's report.
    const first = schoolDaysAhead(30 + 2 * i);
    const last = schoolDaysAhead(31 + 2 * i);
    const note = `e2e languages: ${language}`;

    // The switch is in the header of every page; switched before logging in,
    // so Sanne's account (the language of her mail) stays as other specs
    // expect it.
    await page.goto('/inloggen');
    await page.locator('#language-choice').selectOption(language);
    await expectLanguage(page, language);
    await expect(page.getByRole('heading', { level: 1, name: text(language, 'login.title') })).toBeVisible();
    await expectNoUntranslatedText(page, language);

    await page.locator('#email').fill(sanne.email);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('main form button[type=submit]').click();
    const hello = text(language, 'report.home.hello', { name: sanne.name });
    await expect(page.getByRole('heading', { level: 1, name: hello })).toBeVisible();
    await expectLanguage(page, language);
    await expectNoUntranslatedText(page, language);

    await page.getByRole('link', { name: text(language, 'report.home.report') }).click();
    await expect(page.getByRole('heading', { level: 1, name: text(language, 'report.form.title') })).toBeVisible();
    await expectNoUntranslatedText(page, language);
    await page.getByRole('checkbox', { name: /^Daan\b/ }).check();
    await page.getByRole('radio', { name: text(language, 'common.labels.absence_kind.other'), exact: true }).check();
    await page.locator('#first_day').fill(dayFromToday(first));
    await page.locator('#last_day').fill(dayFromToday(last));
    await page.getByLabel(text(language, 'report.form.note_label')).fill(note);
    await page.getByRole('button', { name: text(language, 'report.form.send') }).click();

    await expect(page.getByRole('heading', { level: 1, name: text(language, 'report.confirmation.title') })).toBeVisible();
    const received = text(language, 'report.confirmation.received').split(',')[0].trim();
    await expect(page.getByText(received.slice(0, 12)).first()).toBeVisible();
    await expect(page.getByText(note)).toBeVisible();
    // What happens next, below the report.
    await expect(page.locator('.next-steps .timeline li').first()).toBeVisible();
    await expectLanguage(page, language);
    await expectNoUntranslatedText(page, language);

    // Remembered on this device.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: text(language, 'report.confirmation.title') })).toBeVisible();
    await expectLanguage(page, language);
    await expect(page.locator('#language-choice')).toHaveValue(language);

    // Withdrawn, so a rerun on the same database finds the days free.
    const ids = new URL(page.url()).pathname.split('/').pop()!.split(',');
    for (const id of ids) {
      expect((await page.request.delete(`/api/reports/${id}`)).ok()).toBe(true);
    }
  });
}

test.describe('a browser in Arabic', () => {
  test.use({ locale: 'ar' });

  test('starts in Arabic, right to left', async ({ page }) => {
    await page.goto('/inloggen');
    await expectLanguage(page, 'ar');
    await expect(page.getByRole('heading', { level: 1, name: text('ar', 'login.title') })).toBeVisible();
    await expect(page.locator('#language-choice')).toHaveValue('ar');
    await expectNoUntranslatedText(page, 'ar');
  });
});
