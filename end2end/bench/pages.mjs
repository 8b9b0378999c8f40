// How fast the main pages load on a phone, next to their floor: the same
// page as plain HTML. Run by scripts/bench-pages, which starts the server
// (with a copy of dist/ to serve the floors from) and sets the variables
// below. Not a test: scripts/test does not run it.
//
// 1. Logs in the demo parent and the demo desk through the API.
// 2. For each page, makes its floor: opens the page in Chromium (Playwright),
//    waits until the app has drawn it (its h1), takes the HTML, removes every
//    script and the preloads of the app's JS and wasm, keeps the stylesheet,
//    and writes it into the served copy of dist/ (floor/<name>.html).
// 3. Runs Lighthouse (performance, phone, simulated slow 4G and 4x slower
//    CPU) on the page and on its floor, VW_BENCH_RUNS times each, each run
//    in a new browser with an empty cache and the session cookie set.
// 4. Prints the medians and writes every figure as JSON.
//
// Environment: VW_BENCH_URL (the server), VW_BENCH_FLOOR_DIR (where the
// floors go: <served dist>/floor), VW_BENCH_OUT (the JSON file),
// VW_BENCH_RUNS (default 3), VW_BENCH_PAGES (default: login home report
// desk), CHROMIUM_PATH (default /usr/bin/chromium).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium, devices } from '@playwright/test';
import lighthouse from 'lighthouse';

const BASE = process.env.VW_BENCH_URL ?? 'http://127.0.0.1:3000';
const FLOOR_DIR = process.env.VW_BENCH_FLOOR_DIR;
const OUT = process.env.VW_BENCH_OUT;
const RUNS = Number(process.env.VW_BENCH_RUNS ?? 3);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!FLOOR_DIR || !OUT) throw new Error('VW_BENCH_FLOOR_DIR and VW_BENCH_OUT must be set (scripts/bench-pages sets them)');
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`VW_BENCH_RUNS must be a whole number from 1 (got ${process.env.VW_BENCH_RUNS})`);

// The demo accounts (server/src/seed.rs, end2end/tests/demo.ts).
const PASSWORD = 'welkom-demo';
const PARENT = 'sanne@example.nl';
const DESK = 'balie@example.nl';
// Playwright adds --headless (Chromium's new headless mode).
const CHROME_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
// leptos_i18n's language cookie: Dutch, as for most parents.
const LANGUAGE_COOKIE = 'i18n_pref_locale';
const HOST = new URL(BASE).hostname;
const language = { name: LANGUAGE_COOKIE, value: 'nl', domain: HOST, path: '/', httpOnly: false };

/** Logs `email` in (POST /api/session) and returns the cookies to set, language first. */
async function logIn(email) {
  const response = await fetch(`${BASE}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`log in as ${email}: ${response.status} ${await response.text()}`);
  const session = response.headers.getSetCookie().map((line) => {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const at = pair.indexOf('=');
    const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) || '/';
    const httpOnly = attributes.some((a) => /^httponly$/i.test(a));
    return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: HOST, path, httpOnly };
  });
  if (session.length === 0) throw new Error(`log in as ${email}: no session cookie`);
  return [language, ...session];
}

/** GET /api/me with these cookies. */
async function me(cookies) {
  const header = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const response = await fetch(`${BASE}/api/me`, { headers: { cookie: header } });
  if (!response.ok) throw new Error(`GET /api/me: ${response.status}`);
  return response.json();
}

/** A TCP port nobody listens on, for the browser's debugging port. */
async function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The page as plain HTML: what the app drew, without its scripts. */
async function makeFloor(page) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS });
  let html;
  try {
    const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    await context.addCookies(page.cookies);
    const tab = await context.newPage();
    await tab.goto(`${BASE}${page.path}`);
    await tab.waitForLoadState('networkidle');
    await tab.locator('main h1').first().waitFor({ state: 'visible', timeout: 30_000 });
    // Loading texts go once the data is there.
    await tab.waitForLoadState('networkidle');
    const drawn = new URL(tab.url()).pathname;
    if (drawn !== new URL(page.path, BASE).pathname) throw new Error(`${shown(page.path)} ended on ${drawn}`);
    html = await tab.evaluate(() => document.documentElement.outerHTML);
  } finally {
    await browser.close();
  }
  const floor = `<!doctype html>\n${html}`
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<link\b[^>]*>/gi, (tag) => {
      const rel = /\brel\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1]?.toLowerCase();
      const href = /\bhref\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1] ?? '';
      const appCode = /\.(wasm|m?js)(\?|#|$)/i.test(href);
      return (rel === 'modulepreload' || rel === 'preload') && appCode ? '' : tag;
    });
  if (/<script\b/i.test(floor)) throw new Error(`the floor of ${shown(page.path)} still has a script`);
  if (!/<link\b[^>]*rel=["']?stylesheet/i.test(floor)) throw new Error(`the floor of ${shown(page.path)} has no stylesheet`);
  const file = join(FLOOR_DIR, `${page.name}.html`);
  mkdirSync(FLOOR_DIR, { recursive: true });
  writeFileSync(file, floor);
  // Where the build has compressed copies, the floor gets them too.
  const precompressed = readdirSync(dirname(FLOOR_DIR)).some((f) => f.endsWith('.br'));
  if (precompressed) {
    writeFileSync(`${file}.br`, brotliCompressSync(floor));
    writeFileSync(`${file}.gz`, gzipSync(floor, { level: 9 }));
  }
  return { path: `/floor/${page.name}.html`, bytes: Buffer.byteLength(floor) };
}

/** A run that Lighthouse itself says to try again (NO_NAVSTART, NO_FCP, ...), as happens on a busy machine. */
class LighthouseError extends Error {}

/** A path without its query (the desk's school id). */
const shown = (path) => path.replace(/\?.*/, '');

/** One Lighthouse run, tried again up to twice when Lighthouse fails on its own. */
async function measure(path, cookies) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await measureOnce(path, cookies);
    } catch (error) {
      if (!(error instanceof LighthouseError) || attempt === 3) throw error;
      console.log(`    ${error.message}: trying again`);
    }
  }
}

/** One Lighthouse run (performance, phone) in a new browser with `cookies` set. */
async function measureOnce(path, cookies) {
  const port = await freePort();
  // A new browser is a new, empty profile: nothing cached.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROME_FLAGS, `--remote-debugging-port=${port}`],
  });
  try {
    const cdp = await browser.newBrowserCDPSession();
    await cdp.send('Storage.setCookies', { cookies });
    const result = await lighthouse(`${BASE}${path}`, {
      port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: ['performance'],
      // The defaults, said out loud: a phone, slow 4G and a 4x slower CPU, simulated.
      formFactor: 'mobile',
      throttlingMethod: 'simulate',
      // Keep the cookies set above (the profile is new, so the cache is empty).
      disableStorageReset: true,
    });
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new LighthouseError(`Lighthouse on ${shown(path)}: ${lhr.runtimeError.code}`);
    const landed = new URL(lhr.finalDisplayedUrl).pathname;
    if (landed !== new URL(path, BASE).pathname) throw new Error(`Lighthouse on ${shown(path)} ended on ${landed} (session lost?)`);
    const value = (id) => lhr.audits[id]?.numericValue ?? null;
    const score = lhr.categories.performance.score;
    return {
      score: score === null ? null : Math.round(score * 100),
      fcp_ms: value('first-contentful-paint'),
      lcp_ms: value('largest-contentful-paint'),
      tbt_ms: value('total-blocking-time'),
      bytes: value('total-byte-weight'),
      requests: lhr.audits['network-requests']?.details?.items?.length ?? null,
    };
  } finally {
    await browser.close();
  }
}

function median(values) {
  const known = values.filter((v) => v !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const mid = Math.floor(known.length / 2);
  return known.length % 2 ? known[mid] : (known[mid - 1] + known[mid]) / 2;
}

/** The median of each figure over the runs (each figure on its own). */
function medians(runs) {
  return Object.fromEntries(Object.keys(runs[0]).map((key) => [key, median(runs.map((r) => r[key]))]));
}

const say = (text) => console.log(`\x1b[1m==> ${text}\x1b[0m`);

say('Logging in the demo parent and the demo desk');
const parent = await logIn(PARENT);
const desk = await logIn(DESK);
const deskSchool = (await me(desk)).staff_roles[0].school_id;

const ALL = [
  { name: 'login', title: 'log-in page', path: '/inloggen', cookies: [language] },
  { name: 'home', title: "parent's home", path: '/', cookies: parent },
  { name: 'report', title: 'report form', path: '/melden', cookies: parent },
  { name: 'desk', title: 'school desk list', path: `/school/meldingen?school=${deskSchool}`, cookies: desk },
];
const wanted = (process.env.VW_BENCH_PAGES ?? 'login home report desk').split(/[\s,]+/).filter(Boolean);
for (const name of wanted) {
  if (!ALL.some((p) => p.name === name)) throw new Error(`VW_BENCH_PAGES: no page ${name} (there are: ${ALL.map((p) => p.name).join(' ')})`);
}
const pages = ALL.filter((p) => wanted.includes(p.name));

for (const page of pages) {
  say(`Making the floor of ${shown(page.path)} (${page.title})`);
  page.floor = await makeFloor(page);
  page.runs = { app: [], floor: [] };
}

// Round after round, app and floor next to each other, so a busier moment
// of the machine falls on both.
for (let run = 1; run <= RUNS; run += 1) {
  for (const page of pages) {
    say(`Lighthouse ${run}/${RUNS}: ${shown(page.path)} and its floor`);
    page.runs.app.push(await measure(page.path, page.cookies));
    page.runs.floor.push(await measure(page.floor.path, page.cookies));
  }
}

const results = {
  when: new Date().toISOString(),
  url: BASE,
  runs: RUNS,
  settings: 'Lighthouse 13, performance, mobile (Moto G Power screen), simulated slow 4G and 4x CPU slowdown, empty cache',
  machine: { cores: cpus().length, load_average: loadavg().map((l) => Math.round(l * 100) / 100) },
  pages: pages.map((p) => ({
    name: p.name,
    title: p.title,
    path: shown(p.path),
    floor: { path: p.floor.path, html_bytes: p.floor.bytes },
    app_median: medians(p.runs.app),
    floor_median: medians(p.runs.floor),
    app_runs: p.runs.app,
    floor_runs: p.runs.floor,
  })),
};
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);

const seconds = (ms) => (ms === null ? '-' : `${(ms / 1000).toFixed(1)} s`);
const kb = (bytes) => (bytes === null ? '-' : `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)}`);
const ratio = (a, b) => (a === null || b === null || b === 0 ? '-' : `${(a / b).toFixed(1)}x`);
const header = ['page', 'score', 'LCP', 'TBT', 'KB', 'floor score', 'floor LCP', 'floor KB', 'LCP ratio', 'KB ratio'];
const rows = results.pages.map(({ path, app_median: a, floor_median: f }) => [
  path, String(a.score ?? '-'), seconds(a.lcp_ms), a.tbt_ms === null ? '-' : `${Math.round(a.tbt_ms)} ms`, kb(a.bytes),
  String(f.score ?? '-'), seconds(f.lcp_ms), kb(f.bytes), ratio(a.lcp_ms, f.lcp_ms), ratio(a.bytes, f.bytes),
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
say(`Results: median of ${RUNS} run${RUNS === 1 ? '' : 's'} (${cpus().length} cores; load ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log('Floor: the same page as plain HTML (no script), served by the same server. Ratios: the app over its floor.');
console.log('KB: what went over the network (Lighthouse total-byte-weight). LCP and TBT are simulated on slow 4G with a 4x slower CPU.');
console.log(`Results: ${OUT}`);
