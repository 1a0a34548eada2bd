import { defineConfig } from '@playwright/test';

// IMPORTANT: always launch Debian's chromium; Playwright's own browser download is unreachable here.
// scripts/ensure-chromium.mjs installs it (as root) when missing.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// HNSVIZ_E2E_PORT lets several checkouts run their e2e suites side by side.
const PORT = Number(process.env.HNSVIZ_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? 'line' : 'list',
  expect: {
    // apt updates chromium under us; allow small rendering drift in screenshot baselines.
    toHaveScreenshot: { maxDiffPixelRatio: 0.02 },
  },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // Building here too lets `npx playwright test` run alone (app, element, library, CLI, types).
    // `npm test` and CI build just before and say so with HNSVIZ_E2E_BUILT=1: one build, not two.
    command: `${process.env.HNSVIZ_E2E_BUILT === '1' ? '' : 'npm run build && '}npx vite preview --strictPort --host 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
