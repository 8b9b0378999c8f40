// Lighthouse on the main pages, as a phone: accessibility and best
// practices both 100. Lighthouse starts its own Debian Chromium; a parent's
// session reaches it as a Cookie header on every request (the cookie is
// HttpOnly, so the app never reads it itself). Read-only visits.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { sanne } from './demo';
import { logIn } from './visits';

const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
  // The browser's language is the app's first guess: Dutch, as for parents here.
  '--lang=nl-NL',
];
const CATEGORIES = ['accessibility', 'best-practices'];

type Audit = { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string };
type Report = {
  finalDisplayedUrl: string;
  runtimeError?: { message: string };
  categories: Record<string, { title: string; score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit & { details?: { items?: unknown[] } }>;
};

/** Runs Lighthouse on `url` with the phone settings and returns its report. */
async function lighthouse(url: string, headers: Record<string, string>): Promise<Report> {
  const dir = await mkdtemp(join(tmpdir(), 'vw-lighthouse-'));
  try {
    const output = join(dir, 'report.json');
    await promisify(execFile)(
      join('node_modules', '.bin', 'lighthouse'),
      [
        url,
        '--quiet',
        '--form-factor=mobile',
        `--only-categories=${CATEGORIES.join(',')}`,
        `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
        `--extra-headers=${JSON.stringify(headers)}`,
        '--output=json',
        `--output-path=${output}`,
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } },
    );
    return JSON.parse(await readFile(output, 'utf8'));
  } finally {
    await rm(dir, { recursive: true, force: true });
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

async function expectFullMarks(url: string, headers: Record<string, string>) {
  const report = await lighthouse(url, headers);
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

  let session: Record<string, string> = {};
  let childPath = '';

  test.beforeAll(async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    await logIn(request, sanne);
    const cookies = (await request.storageState()).cookies;
    session = { Cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
    const me = await (await request.get('/api/me')).json();
    childPath = `/kinderen/${me.children[0].id}`;
    await request.dispose();
  });

  test('the log-in page', async ({ baseURL }) => {
    await expectFullMarks(`${baseURL}/inloggen`, {});
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
