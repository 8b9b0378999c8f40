// A parent asks for a conversation with the mentor, the mentor proposes
// times, the parent picks one and puts it in their calendar, and later calls
// it off; the school sees why. Both sides get mails that say what changed,
// never the message or the reason. All for Daan: other specs count Noor's
// reports and Yara's sick days.
import { expect, test, type Browser } from '@playwright/test';
import { mailsTo } from '../mail';
import { ConversationFormPage, ConversationPage } from '../pages/conversation-page';
import { LoginPage } from '../pages/login-page';
import { careCoordinator, dayFromToday, dutchDay, mentor, PASSWORD, sanne, schoolDaysAhead } from './demo';

/** A second person on their own phone, logged in. */
async function secondPhone(browser: Browser, baseURL: string | undefined, user: { email: string; name: string }) {
  const context = await browser.newContext({ baseURL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  await new LoginPage(page).logInAs(user);
  return { context, page };
}

/** The mails to `address` about conversation `id` (they link to it), once there are `atLeast`. */
async function expectMailsAbout(address: string, id: string, atLeast: number) {
  await expect.poll(async () => {
    const mails = await mailsTo(address, { atLeast: 1, timeout: 2_000 }).catch(() => []);
    return mails.filter((mail) => JSON.stringify(mail).includes(`/gesprekken/${id}`)).length;
  }, { message: `mails to ${address} about the conversation`, timeout: 20_000 }).toBeGreaterThanOrEqual(atLeast);
  return (await mailsTo(address, { atLeast, timeout: 2_000 })).filter((mail) => JSON.stringify(mail).includes(`/gesprekken/${id}`));
}

/** An iCalendar file's lines, unfolded (RFC 5545, 3.1). */
function icsLines(text: string): string[] {
  return text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/).filter((line) => line !== '');
}

/** A DTSTART or DTEND line as "YYYY-MM-DD HH:MM" in Amsterdam. */
function icsMoment(line: string | undefined): string {
  const m = line?.match(/^DT(?:START|END)(;TZID=Europe\/Amsterdam)?(?:;[^:]*)?:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})\d{2}(Z?)$/);
  if (!m) throw new Error(`not an iCalendar date-time: ${line}`);
  const [, , y, mo, d, h, mi, utc] = m;
  if (!utc) return `${y}-${mo}-${d} ${h}:${mi}`;
  const at = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi));
  return at.toLocaleString('sv-SE', { timeZone: 'Europe/Amsterdam' }).slice(0, 16);
}

test('a parent and the mentor agree a time, and the parent calls it off', async ({ page, browser, baseURL }) => {
  const tag = `e2e-${Date.now()}`;
  const message = `Daan wil graag zelf vertellen hoe het gaat. (${tag})`;
  const reason = `Daan gaat weer elke dag, we bellen liever even. (${tag})`;

  // The parent asks, from the start page.
  await new LoginPage(page).logInAs(sanne);
  await page.getByRole('link', { name: 'Gesprek aanvragen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gesprek aanvragen' })).toBeVisible();
  const form = new ConversationFormPage(page);
  await form.chooseChild('Daan');
  // Daan goes to a secondary school: there it is the mentor.
  await form.withWhom('De mentor').check();
  await form.chooseTopic('Afwezigheid');
  await expect(form.childJoins('Ja')).toBeChecked();
  await expect(form.question('Mag uw kind meedoen aan het gesprek?')).toContainText('kan het zelf vertellen');
  await form.chooseMode('Op school');
  await form.writeMessage(message);
  await form.send();

  const asParent = new ConversationPage(page);
  await expect(asParent.heading()).toHaveText('Gesprek met de mentor over Daan');
  await asParent.expectStatus('Verstuurd');
  await expect(page.getByText(message).first()).toBeVisible();
  const id = asParent.id();

  // The mentor proposes two times, on their own phone.
  const first = schoolDaysAhead(1);
  const second = schoolDaysAhead(2);
  const staff = await secondPhone(browser, baseURL, mentor);
  await staff.page.getByRole('link', { name: 'Gesprekken' }).click();
  await staff.page.locator(`a[href="/school/gesprekken/${id}"]`).click();
  const asMentor = new ConversationPage(staff.page);
  await expect(asMentor.heading()).toHaveText('Gesprek met de mentor over Daan');
  await asMentor.expectStatus('Stel tijden voor');
  await expect(staff.page.getByText(message).first()).toBeVisible();
  await asMentor.proposeTimes([
    { day: dayFromToday(first), from: '10:00', to: '10:30' },
    { day: dayFromToday(second), from: '14:00', to: '14:30' },
  ]);
  await asMentor.expectStatus('Tijden voorgesteld');
  await expect(asMentor.doneLine()).toContainText('De tijden zijn verstuurd.');

  // The parent picks the second time, and puts it in her calendar.
  await page.reload();
  await asParent.expectStatus('Tijden voorgesteld');
  await asParent.pickTime(`${dutchDay(second)}, 14:00 tot 14:30 uur`);
  await asParent.expectStatus('Afgesproken');
  await expect(page.getByRole('region', { name: 'De afspraak' })).toContainText(`${dutchDay(second)}, 14:00 tot 14:30 uur`);

  const calendar = await asParent.downloadCalendar();
  expect(calendar.name).toMatch(/\.ics$/);
  const lines = icsLines(calendar.text);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  expect(lines).toContain('VERSION:2.0');
  const event = lines.slice(lines.indexOf('BEGIN:VEVENT'), lines.indexOf('END:VEVENT') + 1);
  expect(event.length, 'one VEVENT').toBeGreaterThan(2);
  expect(icsMoment(event.find((l) => l.startsWith('DTSTART')))).toBe(`${dayFromToday(second)} 14:00`);
  expect(icsMoment(event.find((l) => l.startsWith('DTEND')))).toBe(`${dayFromToday(second)} 14:30`);
  expect(event.find((l) => l.startsWith('SUMMARY:'))).toBeTruthy();
  expect(event.some((l) => l.startsWith('UID:'))).toBe(true);
  // What the parent wrote stays in the app.
  expect(calendar.text).not.toContain(tag);

  // Both heard of each step by mail: what changed, with a link, never the words.
  const parentMails = await expectMailsAbout(sanne.email, id, 2);
  const mentorMails = await expectMailsAbout(mentor.email, id, 2);
  for (const mail of [...parentMails, ...mentorMails]) expect(JSON.stringify(mail)).not.toContain(tag);

  // The parent calls it off; the mentor sees it, with the reason.
  await asParent.cancel(reason);
  await asParent.expectStatus('Afgezegd');
  await expect(asParent.doneLine()).toContainText('Het gesprek is afgezegd.');
  await expect(page.getByRole('region', { name: 'Afgezegd' })).toContainText(`Afgezegd door ${sanne.name}`);

  await staff.page.reload();
  await asMentor.expectStatus('Afgezegd');
  await expect(staff.page.getByText(`Reden: ${reason}`)).toBeVisible();
  await expect(staff.page.getByRole('button', { name: 'Gesprek afzeggen' })).toHaveCount(0);
  const mentorMailsAfter = await expectMailsAbout(mentor.email, id, mentorMails.length + 1);
  for (const mail of mentorMailsAfter) expect(JSON.stringify(mail)).not.toContain(tag);
  await staff.context.close();
});

test('a time in the past is pointed out next to the times', async ({ page, playwright, baseURL }) => {
  // The parent's request, through the API: the form is tested above.
  const asSanne = await playwright.request.newContext({ baseURL });
  expect((await asSanne.post('/api/session', { data: { email: sanne.email, password: PASSWORD } })).status()).toBe(200);
  const children = (await (await asSanne.get('/api/children')).json()) as { id: string; first_name: string }[];
  const daan = children.find((c) => c.first_name === 'Daan')!;
  const asked = await asSanne.post('/api/conversations', {
    data: {
      pupil_id: daan.id, with: 'care_coordinator', topic: 'wellbeing', child_joins: true, mode: 'phone',
      days: [], day_parts: [], message: '', shared_with_guardians: false,
      idempotency_key: `e2e-gesprek-${Date.now()}`,
    },
  });
  expect(asked.status()).toBe(201);
  const { id } = await asked.json();
  await asSanne.dispose();

  await new LoginPage(page).logInAs(careCoordinator);
  await page.goto(`/school/gesprekken/${id}`);
  const asSchool = new ConversationPage(page);
  await asSchool.expectStatus('Stel tijden voor');
  await asSchool.proposeTimes([{ day: dayFromToday(-1), from: '10:00', to: '10:30' }]);

  await expect(asSchool.timesField()).toHaveAccessibleDescription(/Tijd 1 ligt in het verleden/);
  await expect(asSchool.timesField().getByText('Tijd 1 ligt in het verleden.', { exact: false })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Tijd 1' }).getByLabel('Dag')).toBeFocused();
  await asSchool.expectStatus('Stel tijden voor');
});

test("a child's page and a protocol step lead to the form with the choices made", async ({ page, playwright, baseURL }) => {
  await new LoginPage(page).logInAs(sanne);
  await page.getByRole('link', { name: 'Meldingen van Daan' }).click();
  await page.getByRole('link', { name: 'Gesprek aanvragen over Daan' }).click();
  const form = new ConversationFormPage(page);
  await expect(form.question('Voor wie?').getByRole('radio', { name: /^Daan\b/ })).toBeChecked();
  await expect(form.question('Waar wilt u over praten?').getByRole('radio', { name: 'Afwezigheid' })).toBeChecked();

  // A step that is a conversation asks for it with the person the step names.
  const api = await playwright.request.newContext({ baseURL });
  await api.post('/api/session', { data: { email: sanne.email, password: PASSWORD } });
  const daan = ((await (await api.get('/api/children')).json()) as { id: string; first_name: string }[])
    .find((c) => c.first_name === 'Daan')!;
  const { protocol } = await (await api.get(`/api/children/${daan.id}/protocol`)).json();
  const step = (protocol.steps as { id: string; role: string; involves_conversation: boolean }[])
    .find((s) => s.involves_conversation && (s.role === 'mentor' || s.role === 'care_coordinator'))!;
  await api.dispose();
  await page.goto(`/kinderen/${daan.id}/stappen/${step.id}`);
  await page.getByRole('link', { name: 'Gesprek aanvragen' }).click();
  const person = step.role === 'mentor' ? 'De mentor' : 'De zorgcoördinator';
  await expect(form.withWhom(person)).toBeChecked();
  await expect(form.question('Waar wilt u over praten?').getByRole('radio', { name: 'Afwezigheid' })).toBeChecked();
});
