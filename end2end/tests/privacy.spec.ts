// A parent sees and reports only their own children: in the app and in the API.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { readFile } from 'node:fs/promises';
import { ahmed, dayFromToday, lotte, PASSWORD, sanne } from './demo';

/** Logs `request` in as `email` and returns that parent's children. */
async function childrenOf(request: APIRequestContext, email: string) {
  const login = await request.post('/api/session', { data: { email, password: PASSWORD } });
  expect(login.status()).toBe(200);
  const children = await request.get('/api/children');
  expect(children.status()).toBe(200);
  return (await children.json()) as { id: string; first_name: string }[];
}

test("a second parent cannot see the first parent's child in the app", async ({ page, playwright, baseURL }) => {
  const asSanne = await playwright.request.newContext({ baseURL });
  const noor = (await childrenOf(asSanne, sanne.email)).find((c) => c.first_name === 'Noor')!;

  await new LoginPage(page).logInAs(ahmed);
  await expect(page.getByRole('heading', { level: 2, name: /Yara/ })).toBeVisible();
  await expect(page.getByText('Noor')).toHaveCount(0);

  await page.goto(`/kinderen/${noor.id}`);
  await expect(page.getByText('Dit kind vinden we niet bij uw account.')).toBeVisible();
  await page.goto(`/melden?kind=${noor.id}`);
  await expect(page.getByRole('group', { name: 'Voor wie?' }).getByRole('checkbox')).toHaveCount(1);
  await expect(page.getByRole('checkbox', { name: /Noor/ })).toHaveCount(0);
  await asSanne.dispose();
});

test("a second parent cannot read or report for the first parent's child through the API", async ({ playwright, baseURL }) => {
  const asSanne = await playwright.request.newContext({ baseURL });
  const asAhmed = await playwright.request.newContext({ baseURL });
  const noor = (await childrenOf(asSanne, sanne.email)).find((c) => c.first_name === 'Noor')!;
  const ownChildren = await childrenOf(asAhmed, ahmed.email);
  expect(ownChildren.map((c) => c.first_name)).toEqual(['Yara']);

  const read = await asAhmed.get(`/api/children/${noor.id}/reports`);
  expect(read.status()).toBe(404);
  expect((await read.json()).code).toBe('not_found');

  const report = await asAhmed.post('/api/reports', {
    data: {
      pupil_ids: [noor.id], kind: 'ill', first_day: dayFromToday(0), last_day: null,
      idempotency_key: `e2e-privacy-${Date.now()}`,
    },
  });
  expect(report.status()).toBe(403);
  expect(await report.json()).toMatchObject({ code: 'forbidden', field: 'pupil_ids' });

  // And nothing was stored for Noor by that attempt.
  const noorsReports = await (await asSanne.get(`/api/children/${noor.id}/reports`)).json();
  expect(noorsReports.filter((r: { reported_by: string }) => r.reported_by.startsWith('Ahmed'))).toEqual([]);
  await asSanne.dispose();
  await asAhmed.dispose();
});

// Lotte only reads here (no other spec changes her account in a way that
// matters): her file has her own child, Sem, and nobody else's.
test('a parent downloads all their data, with their own child and no other', async ({ page }) => {
  await new LoginPage(page).logInAs(lotte);
  await page.getByRole('link', { name: 'Mijn account en gegevens' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Uw gegevens' })).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download mijn gegevens' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^verzuimwijzer-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile(await download.path(), 'utf8');
  const data = JSON.parse(text);

  expect(data.about).toContain('Dit bestand bevat alle gegevens');
  expect(data.account.email).toBe(lotte.email);
  expect(data.children.map((c: { first_name: string }) => c.first_name)).toEqual(lotte.children);
  for (const other of [...sanne.children, ...ahmed.children, sanne.email, ahmed.email]) {
    expect(text).not.toContain(other);
  }
});
