// Lighthouse on the main pages, as a phone: accessibility and best
// practices both 100. Playwright starts Debian's Chromium with a debugging
// port and puts a parent's session cookie in its cookie jar; Lighthouse
// (its node API) then opens each page in that browser. (A Cookie header
// through Lighthouse's extraHeaders is lost once the app sets its language
// cookie.) Read-only visits.
import { createServer } from 'node:net';
import { chromium, expect, test } from '@playwright/test';
import lighthouseRun from 'lighthouse';
import { sanne } from './demo';
import { LANGUAGE_COOKIE, logIn } from './visits';

// Playwright adds --headless (Chromium's new headless mode).
const CHROME_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const CATEGORIES = ['accessibility', 'best-practices'];

type Cookie = { name: string; value: string; domain: string; path: string; httpOnly: boolean };
type Audit = { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string };
type Report = {
  finalDisplayedUrl: string;
  runtimeError?: { message: string };
  categories: Record<string, { title: string; score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit & { details?: { items?: unknown[] } }>;
};

/** A TCP port nobody listens on, for the browser's debugging port. */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs Lighthouse on `url` with the phone settings, with `cookies` set, and returns its report. */
async function lighthouse(url: string, cookies: Cookie[]): Promise<Report> {
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROME_FLAGS, `--remote-debugging-port=${port}`],
  });
  try {
    // The browser's own cookie jar (its default context), where Lighthouse opens its tab.
    const cdp = await browser.newBrowserCDPSession();
    await cdp.send('Storage.setCookies', { cookies });
    const result = await lighthouseRun(url, {
      port,
      logLevel: 'error',
      output: 'json',
      formFactor: 'mobile',
      onlyCategories: CATEGORIES,
      // Keep the cookies set above.
      disableStorageReset: true,
    });
    return result!.lhr as unknown as Report;
  } finally {
    await browser.close();
  }
}

/** The scores, and each audit that cost points, with what it found. */
function summary(report: Report): string {
  const lines: string[] = [];
  for (const id of CATEGORIES) {
    const category = report.categories[id];
    lines.push(`${category.title}: ${Math.round((category.score ?? 0) * 100)}`);
    for (const ref of category.auditRefs) {
      const audit = report.audits[ref.id];
      // Audits without weight (e.g. source maps) never change the score.
      if (ref.weight === 0) continue;
      if (audit.scoreDisplayMode !== 'binary' && audit.scoreDisplayMode !== 'numeric') continue;
      if (audit.score === null || audit.score >= 1) continue;
      lines.push(`  failed: ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      for (const item of (audit.details?.items ?? []).slice(0, 5)) {
        lines.push(`    ${JSON.stringify(item).slice(0, 300)}`);
      }
    }
  }
  return lines.join('\n');
}

async function expectFullMarks(url: string, cookies: Cookie[]) {
  const report = await lighthouse(url, cookies);
  expect(report.runtimeError, 'Lighthouse ran').toBeUndefined();
  // A lost session would send the parent to the log-in page: audit what was asked.
  expect(new URL(report.finalDisplayedUrl).pathname).toBe(new URL(url).pathname);
  const text = summary(report);
  console.log(`Lighthouse, ${new URL(url).pathname}\n${text}`);
  for (const id of CATEGORIES) {
    expect(report.categories[id].score, `${id} on ${url}\n${text}`).toBe(1);
  }
}

test.describe('Lighthouse (phone)', () => {
  // One after the other: each starts its own browser.
  test.describe.configure({ mode: 'default' });
  test.setTimeout(120_000);

  // Dutch, as for most parents here.
  let language: Cookie[] = [];
  let session: Cookie[] = [];
  let childPath = '';

  test.beforeAll(async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    await logIn(request, sanne);
    const domain = new URL(baseURL!).hostname;
    language = [{ name: LANGUAGE_COOKIE, value: 'nl', domain, path: '/', httpOnly: false }];
    const cookies = (await request.storageState()).cookies;
    session = [...language, ...cookies.map(({ name, value, path, httpOnly }) => ({ name, value, domain, path, httpOnly }))];
    const me = await (await request.get('/api/me')).json();
    childPath = `/kinderen/${me.children[0].id}`;
    await request.dispose();
  });

  test('the log-in page', async ({ baseURL }) => {
    await expectFullMarks(`${baseURL}/inloggen`, language);
  });

  test("a parent's home page", async ({ baseURL }) => {
    await expectFullMarks(`${baseURL}/`, session);
  });

  test('the report form', async ({ baseURL }) => {
    await expectFullMarks(`${baseURL}/melden`, session);
  });

  test("a child's page", async ({ baseURL }) => {
    await expectFullMarks(`${baseURL}${childPath}`, session);
  });
});
