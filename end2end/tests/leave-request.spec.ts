// A parent asks leave for a wedding, sees it sent, and later reads the
// director's decision with her reason.
import { expect, test } from '@playwright/test';
import { LeaveFormPage, LeaveRequestPage } from '../pages/leave-page';
import { LoginPage } from '../pages/login-page';
import { ahmed, dayFromToday, director, PASSWORD, sanne } from './demo';

const WEDDING = 'Een bijzondere gebeurtenis, zoals een bruiloft, begrafenis of verhuizing';
const HOLIDAY = 'Vakantie, vanwege het werk van een ouder';

test("a parent asks leave for a wedding and reads the director's decision", async ({ page, playwright, baseURL }) => {
  await new LoginPage(page).logInAs(ahmed);
  await page.getByRole('link', { name: 'Verlof aanvragen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verlof aanvragen' })).toBeVisible();
  // First the rules: leave is asked, and the school decides.
  await expect(page.getByText(/Verlof is geen ziekmelding of afwezigheidsmelding/)).toBeVisible();
  await expect(page.getByText(/beslist de directeur van de school\. Bij meer dan 10 schooldagen beslist de leerplichtambtenaar/)).toBeVisible();

  const form = new LeaveFormPage(page);
  // Yara is Ahmed's only child: she is chosen already.
  await expect(page.getByRole('radio', { name: /^Yara\b/ })).toBeChecked();
  await form.chooseKind(WEDDING);
  await form.chooseDays(dayFromToday(21), dayFromToday(21));
  await form.writeReason('De bruiloft van mijn broer in Utrecht.');
  await form.send();

  await expect(page.getByRole('heading', { level: 1, name: 'Verlof voor Yara' })).toBeVisible();
  await expect(page.getByText('Verstuurd. De school laat u weten wat zij beslist.')).toBeVisible();
  await expect(page.getByText('De bruiloft van mijn broer in Utrecht.')).toBeVisible();
  const id = new LeaveRequestPage(page).id();

  // The director decides through the API (her own screens come later).
  const asDirector = await playwright.request.newContext({ baseURL });
  const login = await asDirector.post('/api/session', { data: { email: director.email, password: PASSWORD } });
  expect(login.status()).toBe(200);
  const decision = await asDirector.post(`/api/leave-requests/${id}/decision`, {
    data: { granted: true, reason: 'Veel plezier op de bruiloft!' },
  });
  expect(decision.status()).toBe(200);
  await asDirector.dispose();

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Toegestaan' })).toBeVisible();
  await expect(page.getByText('Reden van de school: Veel plezier op de bruiloft!')).toBeVisible();
  await expect(page.getByText(/Besloten door Ingrid Smit op .+ om \d{2}:\d{2}\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Aanvraag intrekken' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Alle verlofaanvragen van Yara' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verlof voor Yara' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Status: Toegestaan' }).first()).toBeVisible();
});

test('advice shows before sending, and a missing reason is pointed out next to its field', async ({ page }) => {
  await new LoginPage(page).logInAs(sanne);
  const form = new LeaveFormPage(page);
  await form.goto();
  await form.chooseChild('Daan');
  await form.chooseKind(HOLIDAY);
  await form.chooseDays(dayFromToday(7), dayFromToday(9));
  await expect(page.getByText('De school beslist. Vraag het liefst 8 weken van tevoren aan.')).toBeVisible();

  await form.send();

  const reason = page.getByLabel('Waarom vraagt u verlof?');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toHaveAccessibleDescription(/Schrijf kort waarom u verlof vraagt\./);
  await expect(reason).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Verlof aanvragen' })).toBeVisible();
});
