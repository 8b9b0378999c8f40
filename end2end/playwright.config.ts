// The browser tests: the real trunk build, served by the real server on a
// fresh SQLite database, driven in Debian's Chromium. scripts/test sets the
// variables below; never let Playwright download a browser.
import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.VW_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const server = process.env.VW_SERVER_BIN ?? '../target/debug/verzuimwijzer-server';
// Evaluated again in each worker: only the main process's folder is used.
const database = process.env.VW_E2E_DATABASE_URL
  ?? `sqlite://${join(mkdtempSync(join(tmpdir(), 'vw-e2e-')), 'e2e.db')}`;

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'phone',
      use: {
        ...devices['Pixel 7'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox', '--disable-gpu', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    command: server,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      VW_LISTEN: `127.0.0.1:${port}`,
      DATABASE_URL: database,
      VW_DIST_DIR: process.env.VW_DIST_DIR ?? '../dist',
      VW_SEED_DEMO: 'true',
      RUST_LOG: 'warn',
    },
  },
});
