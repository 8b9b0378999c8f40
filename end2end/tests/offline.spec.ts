// No report lost, none doubled: a report made without a network is kept on
// the phone as "not sent yet" and goes by itself when the network is back,
// stored once; and the app opens without a network after a first visit.
//
// Sanne reports Daan only, on days 50 and 52 school days ahead (no other
// spec uses them), and withdraws each report at the end.
import { expect, test, type Page } from '@playwright/test';
import { ChildReportsPage } from '../pages/child-reports-page';
import { LoginPage } from '../pages/login-page';
import { OutboxCard } from '../pages/outbox';
import { ReportPage } from '../pages/report-page';
import { dayFromToday, sanne, schoolDaysAhead } from './demo';

// Each test loads the app more than once, and goes offline and back.
test.slow();

/** Fills in a report for Daan: "Iets anders" on one day, with `note`. */
async function fillReport(page: Page, day: number, note: string) {
  await page.goto('/melden');
  const form = new ReportPage(page);
  await form.chooseChild('Daan');
  await form.chooseKind('Iets anders');
  await page.getByLabel('Eerste dag').fill(dayFromToday(day));
  await page.getByLabel('Laatste dag').fill(dayFromToday(day));
  await form.fillNote(note);
  return form;
}

/** Daan's reports with `note`, as the server has them (read as Sanne). */
async function storedReports(page: Page, note: string): Promise<{ id: string }[]> {
  const me = await (await page.request.get('/api/me')).json();
  const daan = me.children.find((c: { first_name: string }) => c.first_name === 'Daan');
  const reports = await (await page.request.get(`/api/children/${daan.id}/reports`)).json();
  return reports.filter((r: { note?: string }) => r.note === note);
}

/** Withdraws this spec's report through the app, so it leaves no trace. */
async function withdraw(page: Page, note: string) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Meldingen van Daan' }).click();
  const list = new ChildReportsPage(page);
  await list.withdraw(list.report(note));
  await expect(list.report(note)).toHaveCount(0);
}

test('a report made offline waits as "not sent yet" and arrives once when the network is back', async ({ page, context }) => {
  const note = 'Tandarts (e2e offline)';
  await new LoginPage(page).logInAs(sanne);
  const form = await fillReport(page, schoolDaysAhead(50), note);

  // The app shell is on the phone (see the last test).
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await context.setOffline(true);
  await form.send();

  // The start page says plainly that it is on the phone, not at school.
  const outbox = new OutboxCard(page);
  const waiting = outbox.card('Nog niet verstuurd');
  await expect(waiting).toBeVisible();
  await expect(waiting).toContainText('Daan');
  await expect(waiting).toContainText('De melding staat veilig op deze telefoon.');
  await expect(waiting).toContainText('Bel dan ook even de school.');
  expect(await outbox.keptOnPhone()).toBe(1);

  // Opened again without a network: still there.
  await page.reload();
  await expect(page.getByText(/We kunnen de server nu niet bereiken/)).toBeVisible();
  await expect(waiting).toBeVisible();

  await context.setOffline(false);

  // Sent by itself (the browser says it is online again): the app says so.
  const sent = outbox.card('Verstuurd');
  await expect(sent).toBeVisible();
  await expect(sent).toContainText('De school heeft de melding nu ontvangen.');
  await expect(waiting).toHaveCount(0);
  expect(await storedReports(page, note)).toHaveLength(1);

  // The usual confirmation, with the school's "seen" state.
  await sent.getByRole('link', { name: 'Bekijk de melding' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Melding ontvangen' })).toBeVisible();
  await expect(page.getByText('Nog niet gezien door de school.')).toBeVisible();

  await withdraw(page, note);
});

test('a report whose answer got lost is sent again under its key and stored once', async ({ page }) => {
  const note = 'Zwemles (e2e antwoord kwijt)';
  await new LoginPage(page).logInAs(sanne);
  const form = await fillReport(page, schoolDaysAhead(52), note);

  // The school stores it, but the answer never reaches the phone.
  let delivered = 0;
  await page.route('**/api/reports', async (route) => {
    await route.fetch();
    delivered += 1;
    await route.abort('internetdisconnected');
  });
  await form.send();
  const outbox = new OutboxCard(page);
  await expect(outbox.card('Nog niet verstuurd')).toBeVisible();
  expect(delivered).toBe(1);
  await page.unroute('**/api/reports');

  await outbox.card('Nog niet verstuurd').getByRole('button', { name: 'Nu versturen' }).click();
  await expect(outbox.card('Verstuurd')).toBeVisible();
  // Sent twice, stored once.
  expect(await storedReports(page, note)).toHaveLength(1);

  await withdraw(page, note);
});

test('the app opens without a network after a first visit', async ({ page, context }) => {
  await new LoginPage(page).logInAs(sanne);
  // The service worker is installed and keeps the shell.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  const kept: string[] = await page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('vw-shell-'));
    const cache = await caches.open(names[0]);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(kept).toContain('/index.html');
  expect(kept).toContain('/manifest.webmanifest');
  for (const ending of [/\.wasm$/, /\.js$/, /\.css$/]) {
    expect(kept.some((path) => ending.test(path)), `${ending}`).toBe(true);
  }

  await context.setOffline(true);
  const wasm = page.waitForResponse((r) => r.url().endsWith('.wasm'));
  await page.reload();
  // The app's own files come from the phone, not the network...
  expect((await wasm).fromServiceWorker()).toBe(true);
  // ...so the app starts, and says calmly that the server cannot be reached.
  await expect(page.getByRole('link', { name: 'Verzuimwijzer' })).toBeVisible();
  await expect(page.getByText(/We kunnen de server nu niet bereiken/)).toBeVisible();
  await context.setOffline(false);
});
