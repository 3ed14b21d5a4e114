// Playwright end-to-end tests for Meldpunt.
//
// Run after `cargo leptos build` (from this folder): `npm ci && npx playwright test`.
// The config starts its own server (target/debug/meldpunt serve, in-memory database, demo data)
// on MELDPUNT_E2E_PORT (default 3100) and stops it afterwards. Browser: Debian's Chromium
// (CHROMIUM overrides the path); never `npx playwright install`.
// Project "chromium" runs every spec with JavaScript; "chromium-zonder-js" runs only
// *zonder-js.spec.ts with JavaScript off.
import os from 'node:os';
import path from 'node:path';
import { defineConfig, type LaunchOptions } from '@playwright/test';
import { DEMO_PASSWORD, POST_MAP } from './tests/fixtures';

// Port of the server that this config starts. Not the cargo-leptos dev port (3000), so that a
// running `cargo leptos watch` does not get in the way.
const PORT = process.env.MELDPUNT_E2E_PORT ?? '3100';
const BASE_URL = `http://127.0.0.1:${PORT}`;

// The server binary built by `cargo leptos build` (debug). Override with MELDPUNT_BIN, e.g. for
// target/release/meldpunt.
const SERVER_BIN = process.env.MELDPUNT_BIN ?? path.resolve(__dirname, '../target/debug/meldpunt');
const SITE_ROOT = process.env.MELDPUNT_SITE_ROOT ?? path.resolve(__dirname, '../target/site');

// The real SMTP server the app sends to (aiosmtpd in the virtualenv scripts/setup.sh makes): each
// message lands as a file in POST_MAP, where the tests read it.
const SMTP_PORT = process.env.MELDPUNT_E2E_SMTP_PORT ?? '3125';
const SMTP_PYTHON = process.env.MELDPUNT_SMTP_PYTHON ?? path.resolve(__dirname, '../.venv-smtp/bin/python');

// Debian's Chromium; Playwright's own browser downloads are not available on these machines.
const launchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

const ZONDER_JS = /zonder-js\.spec\.ts/;

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: ZONDER_JS,
      use: { launchOptions },
    },
    {
      name: 'chromium-zonder-js',
      testMatch: ZONDER_JS,
      use: { launchOptions, javaScriptEnabled: false },
    },
  ],
  webServer: [
    {
      command: `"${SMTP_PYTHON}" "${path.resolve(__dirname, '../scripts/smtp_ontvanger.py')}" --poort ${SMTP_PORT} --map "${POST_MAP}"`,
      port: Number(SMTP_PORT),
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      command: `"${SERVER_BIN}" serve`,
      env: {
        MELDPUNT_DB: 'mem://',
        MELDPUNT_ADDR: `127.0.0.1:${PORT}`,
        MELDPUNT_SITE_ROOT: SITE_ROOT,
        MELDPUNT_DEMO: 'true',
        MELDPUNT_DEMO_PASSWORD: DEMO_PASSWORD,
        MELDPUNT_CONTENT: path.resolve(__dirname, '../content'),
        MELDPUNT_DOCUMENTEN: path.join(os.tmpdir(), 'meldpunt-e2e-documenten'),
        MELDPUNT_SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        MELDPUNT_OUTBOX_INTERVAL_SECONDS: '1',
        RUST_LOG: 'info',
      },
      url: `${BASE_URL}/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
