// Every page of the app with real ids, each for the demo account that may
// see it, for the accessibility checks (axe and Lighthouse). Only reads,
// except one leave request for Noor (stored once, under a fixed key):
// no other spec asks leave for Noor, and the seed has no leave request to
// show.
import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { ahmed, dayFromToday, desk, director, mentor, PASSWORD, sanne, schoolAdmin, lotte } from './demo';

/** Yara's teacher at De Regenboog: she invited Ahmed to talk (the seed). */
export const teacher = { email: 'els@example.nl', name: 'Els' };

type Account = { email: string; name: string };
type Me = {
  children: { id: string; first_name: string }[];
  staff_roles: { school_id: string; school_name: string }[];
};

/** A page to check: who looks at it, and where. */
export type Visit = { who: Account; path: string };

/** The language cookie the app reads before the browser's language (src/i18n.rs). */
export const LANGUAGE_COOKIE = 'i18n_pref_locale';

/** Logs in through the API (the log-in form's texts change per language). */
export async function logIn(request: APIRequestContext, who: Account) {
  const response = await request.post('/api/session', { data: { email: who.email, password: PASSWORD } });
  expect(response.status(), `log in as ${who.email}`).toBe(200);
}

/** Logs `who` in on this browser context and picks the app's language. */
export async function useAccount(context: BrowserContext, baseURL: string, who: Account | null, language: string) {
  await context.clearCookies();
  await context.addCookies([{ name: LANGUAGE_COOKIE, value: language, url: baseURL }]);
  if (who) await logIn(context.request, who);
}

async function me(request: APIRequestContext): Promise<Me> {
  return (await request.get('/api/me')).json();
}

function childId(me: Me, name: string): string {
  const child = me.children.find((c) => c.first_name === name);
  expect(child, `child ${name}`).toBeTruthy();
  return child!.id;
}

/** The first school day at least `days` from today, as YYYY-MM-DD. */
function schoolDayFrom(days: number): string {
  let d = days;
  for (;;) {
    const date = new Date();
    date.setDate(date.getDate() + d);
    if (date.getDay() !== 0 && date.getDay() !== 6) return dayFromToday(d);
    d += 1;
  }
}

/** Looks up the ids the pages need, with one API session per account. */
export async function allVisits(newRequest: () => Promise<APIRequestContext>): Promise<Visit[]> {
  const as = async (who: Account) => {
    const request = await newRequest();
    await logIn(request, who);
    return request;
  };

  const asSanne = await as(sanne);
  const sannes = await me(asSanne);
  const noor = childId(sannes, 'Noor');
  const daan = childId(sannes, 'Daan');
  const { protocol } = await (await asSanne.get(`/api/children/${noor}/protocol`)).json();
  const step = (protocol.steps as { id: string }[])[0].id;
  const leave = await asSanne.post('/api/leave-requests', {
    data: {
      pupil_id: noor,
      kind: 'important_circumstances',
      first_day: schoolDayFrom(40),
      last_day: schoolDayFrom(40),
      reason: 'Een bruiloft in de familie.',
      idempotency_key: 'a11y-leave-noor-0000',
    },
  });
  expect(leave.ok(), `leave request for Noor: ${await leave.text()}`).toBeTruthy();
  const leaveId = (await leave.json()).id as string;
  await asSanne.dispose();

  const asAhmed = await as(ahmed);
  const yara = childId(await me(asAhmed), 'Yara');
  const reports = (await (await asAhmed.get(`/api/children/${yara}/reports`)).json()) as { id: string }[];
  const conversations = (await (await asAhmed.get('/api/conversations')).json()) as { id: string }[];
  expect(reports.length, "Yara's reports (the seed)").toBeGreaterThan(0);
  expect(conversations.length, "Ahmed's invitation (the seed)").toBeGreaterThan(0);
  const report = reports[reports.length - 1].id;
  const conversation = conversations[0].id;
  await asAhmed.dispose();

  const asLotte = await as(lotte);
  const sem = childId(await me(asLotte), 'Sem');
  await asLotte.dispose();

  const schoolOf = async (who: Account) => {
    const request = await as(who);
    const id = (await me(request)).staff_roles[0].school_id;
    await request.dispose();
    return id;
  };
  const regenboog = await schoolOf(desk);
  const baken = await schoolOf(schoolAdmin);
  const at = (page: string, school: string) => `/school/${page}?school=${school}`;

  return [
    { who: sanne, path: '/' },
    { who: sanne, path: '/melden' },
    { who: sanne, path: `/kinderen/${noor}` },
    { who: sanne, path: `/kinderen/${daan}` },
    { who: sanne, path: `/kinderen/${noor}/contact` },
    { who: sanne, path: `/kinderen/${noor}/stappen/${step}` },
    { who: sanne, path: `/kinderen/${noor}/verlof` },
    { who: sanne, path: '/verlof' },
    { who: sanne, path: `/verlof/${leaveId}` },
    { who: sanne, path: '/gesprek-aanvragen' },
    { who: ahmed, path: '/' },
    { who: ahmed, path: `/kinderen/${yara}` },
    { who: ahmed, path: `/meldingen/${report}` },
    { who: ahmed, path: `/meldingen/${report}/wijzigen` },
    { who: ahmed, path: `/gesprekken/${conversation}` },
    { who: lotte, path: '/' },
    { who: lotte, path: `/kinderen/${sem}` },
    { who: desk, path: '/' },
    { who: desk, path: at('meldingen', regenboog) },
    { who: desk, path: at('noteren', regenboog) },
    { who: desk, path: at('signalen', regenboog) },
    { who: director, path: at('verlof', regenboog) },
    { who: director, path: at('instellingen', regenboog) },
    { who: teacher, path: at('gesprekken', regenboog) },
    { who: teacher, path: `/school/gesprekken/${conversation}?school=${regenboog}` },
    { who: mentor, path: at('gesprekken', baken) },
    { who: schoolAdmin, path: at('uitnodigen', baken) },
    { who: schoolAdmin, path: at('logboek', baken) },
    { who: schoolAdmin, path: at('inlezen', baken) },
    { who: schoolAdmin, path: at('codes', baken) },
    { who: schoolAdmin, path: at('medewerkers', baken) },
    { who: schoolAdmin, path: '/bestaat-niet' },
  ];
}

/** Opens `path` and waits until the page has loaded its data. */
export async function open(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('main h1').first(), `the heading of ${path}`).toBeVisible();
  // Loading texts go once the data is there.
  await page.waitForLoadState('networkidle');
}
