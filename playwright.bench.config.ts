/**
 * `npm run bench:browser`: the browser figures (cold first view, CLI start, animation frame rate,
 * long tasks while a 20 MB paste is read (big-paste.bench.ts),
 * long tasks while importing a 20 MB dump and 20,000 endpoints, the matrix of that dump: first
 * rows and long tasks while it fills, long tasks while a 20-node cluster is imported, searched
 * and diffed), each printed against its budget. Figures are never
 * pass/fail here or in the e2e suite: a loaded machine changes them, not the code. A bench fails
 * only when what it drives stops working.
 */
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: 'bench/browser',
  testMatch: '*.bench.ts',
  timeout: 120_000,
  retries: 0,
  reporter: 'list',
});
