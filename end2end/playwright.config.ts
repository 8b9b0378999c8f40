// The browser tests: the real trunk build, served by the real server on a
// fresh SQLite database, driven in Debian's Chromium; the server's mail goes
// to a small SMTP server (smtp-sink.mjs) that specs read with mail.ts.
// scripts/test sets the variables below; never let Playwright download a
// browser.
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
const smtpPort = Number(process.env.VW_E2E_SMTP_PORT ?? 3125);
// Set here when scripts/test did not: the workers inherit it from the main
// process, so specs read the folder the sink writes to.
process.env.VW_E2E_MAIL_DIR ??= mkdtempSync(join(tmpdir(), 'vw-e2e-mail-'));
const mailDir = process.env.VW_E2E_MAIL_DIR;

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
  // Started in this order: the mail server first, then the app server.
  webServer: [
    {
      command: 'node smtp-sink.mjs',
      port: smtpPort,
      reuseExistingServer: false,
      timeout: 10_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        VW_E2E_SMTP_PORT: String(smtpPort),
        VW_E2E_MAIL_DIR: mailDir,
      },
    },
    {
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
        VW_SMTP_URL: `smtp://127.0.0.1:${smtpPort}?tls=none`,
        VW_PUBLIC_URL: baseURL,
        RUST_LOG: 'warn',
      },
    },
  ],
});
