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

test.describe('keyboard and right to left', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`every control on the report form shows a focus ring (${colorScheme})`, async ({ page, baseURL }) => {
      await page.emulateMedia({ colorScheme });
      await useAccount(page.context(), baseURL!, sanne, 'nl');
      await open(page, '/melden');
      const unringed: string[] = [];
      const seen = new Set<string>();
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          return {
            what: `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('name') || el.id).trim().slice(0, 40)}"`,
            key: el.outerHTML.slice(0, 200),
            ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          };
        });
        if (!focused || seen.has(focused.key)) break;
        seen.add(focused.key);
        if (!focused.ring) unringed.push(focused.what);
      }
      expect(seen.size, 'controls reached with Tab').toBeGreaterThan(5);
      expect(unringed, 'focused without a visible ring').toEqual([]);
    });
  }

  test('Arabic puts the page right to left: the name and the heading on the right', async ({ page, baseURL }) => {
    await useAccount(page.context(), baseURL!, sanne, 'ar');
    await open(page, '/melden');
    const header = await page.locator('.site-header__inner').boundingBox();
    const name = await page.locator('.site-name').boundingBox();
    expect(name!.x + name!.width, 'the app name ends at the right edge').toBeGreaterThan(header!.x + header!.width - 40);
    // The text itself, not the heading's full-width box.
    const { textRight, mainRight } = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('main h1')!);
      const main = document.querySelector('main')!;
      const padding = parseFloat(getComputedStyle(main).paddingInlineStart);
      return { textRight: range.getBoundingClientRect().right, mainRight: main.getBoundingClientRect().right - padding };
    });
    expect(textRight, "the heading starts at the right").toBeGreaterThan(mainRight - 2);
  });
});
