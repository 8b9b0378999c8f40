// WCAG 2.2 AA on every page: axe-core finds no violation, in Dutch and in
// Arabic (right to left), on a phone (360 px) and a desktop (1280 px), and
// in dark mode. Text at 200% on a 320 px phone never scrolls sideways.
// Read-only visits (see visits.ts).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { sanne } from './demo';
import { allVisits, open, useAccount, type Visit } from './visits';

// WCAG 2.2 AA, and axe's best practices (headings in order, landmarks).
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** One line per problem and element: what is wrong, where, and how to fix it. */
function describe(where: string, violations: Violation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `${where}: [${v.impact}] ${v.id}: ${v.help}\n    at ${node.target.join(' ')}\n    ${node.failureSummary?.replaceAll('\n', '\n    ')}\n    ${v.helpUrl}`,
    ),
  );
}

async function axe(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return describe(where, results.violations);
}

/** Checks each visit, logging in as its account when that changes. */
async function checkAll(page: Page, baseURL: string, language: string, visits: Visit[]) {
  const problems: string[] = [];
  let who: string | undefined;
  for (const visit of visits) {
    if (visit.who.email !== who) {
      await useAccount(page.context(), baseURL, visit.who, language);
      who = visit.who.email;
    }
    await open(page, visit.path);
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    problems.push(...(await axe(page, `${visit.path} (${visit.who.email})`)));
  }
  expect(problems, `axe found ${problems.length} problem(s):\n${problems.join('\n')}`).toEqual([]);
}

/** The pages without log-in, also with their error messages showing. */
async function checkLoggedOut(page: Page, baseURL: string, language: string) {
  await useAccount(page.context(), baseURL, null, language);
  const problems: string[] = [];
  for (const path of ['/inloggen', '/activeren']) {
    await open(page, path);
    problems.push(...(await axe(page, path)));
    await page.locator('main button[type=submit]').click();
    await expect(page.locator('main [aria-invalid=true]').first()).toBeVisible();
    problems.push(...(await axe(page, `${path}, with errors`)));
  }
  expect(problems, `axe found ${problems.length} problem(s):\n${problems.join('\n')}`).toEqual([]);
}

let visits: Visit[] = [];

test.beforeAll(async ({ playwright, baseURL }) => {
  const contexts: Awaited<ReturnType<typeof playwright.request.newContext>>[] = [];
  visits = await allVisits(async () => {
    const context = await playwright.request.newContext({ baseURL });
    contexts.push(context);
    return context;
  });
  await Promise.all(contexts.map((c) => c.dispose()));
});

const isParentPage = (v: Visit) => !v.path.startsWith('/school/') && v.who.email.match(/sanne|ahmed|lotte/);

for (const language of ['nl', 'ar']) {
  for (const width of [360, 1280]) {
    test.describe(`${language}, ${width} px`, () => {
      test.use({ viewport: { width, height: 800 } });

      test('the log-in and activation pages', async ({ page, baseURL }) => {
        await checkLoggedOut(page, baseURL!, language);
      });

      test("the parents' pages", async ({ page, baseURL }) => {
        test.setTimeout(120_000);
        await checkAll(page, baseURL!, language, visits.filter(isParentPage));
      });

      test("the school's pages", async ({ page, baseURL }) => {
        test.setTimeout(120_000);
        await checkAll(page, baseURL!, language, visits.filter((v) => !isParentPage(v)));
      });
    });
  }
}

test.describe('dark mode, nl, 360 px', () => {
  test.use({ viewport: { width: 360, height: 800 }, colorScheme: 'dark' });

  test('the log-in and activation pages', async ({ page, baseURL }) => {
    await checkLoggedOut(page, baseURL!, 'nl');
  });

  test('every page after log-in', async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    await checkAll(page, baseURL!, 'nl', visits);
  });
});

test.describe('text at 200% on a 320 px phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const language of ['nl', 'ar']) {
    test(`nothing scrolls sideways on the main parent pages (${language})`, async ({ page, baseURL }) => {
      const pages = ['/', '/melden', '/verlof', '/gesprek-aanvragen'];
      const child = visits.find((v) => v.who.email === sanne.email && /^\/kinderen\/[^/]+$/.test(v.path))!;
      const overflowing: string[] = [];
      const check = async (path: string) => {
        await open(page, path);
        await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        if (scrollWidth > innerWidth) overflowing.push(`${path}: ${scrollWidth} px wide in ${innerWidth} px`);
      };
      await useAccount(page.context(), baseURL!, null, language);
      await check('/inloggen');
      await useAccount(page.context(), baseURL!, sanne, language);
      for (const path of [...pages, child.path]) await check(path);
      expect(overflowing, 'pages that scroll sideways at 200% text').toEqual([]);
    });
  }
});
