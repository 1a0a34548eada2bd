/**
 * Import time and main-thread long tasks while a big dump is imported in the browser, from the
 * drop to the drawn dump: a ~20 MB dump (300 endpoints, 5,000 load balancers, the bench's
 * synthetic dump) and 20,000 endpoints (5,000 of them local, with derived VFP rules). Parsing
 * runs in the worker and the finished model is prepared a task at a time, so the page must not
 * freeze. Budget: no task over 50 ms. Printed, never asserted.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { endpointsPaste } from '../hostile-bench';
import { syntheticDump } from '../parse-bench';
import { dropPrepared, openApp, prepareFile } from '../../e2e/import-helpers';
import { recordLongTasks, reportLongTasks, waitForDump } from './long-tasks';
import { profiled } from './task-profile';

// The app's offline service worker would answer the routed test URL with the app shell.
test.use({ serviceWorkers: 'block' });

/** Drop `bytes` as file `name`, wait until it is drawn; the figures are printed as `<key>…`. */
async function measureImport(
  browser: Browser,
  page: Page,
  bytes: Buffer,
  name: string,
  key: string,
): Promise<void> {
  await openApp(page);
  await prepareFile(page, bytes, name);
  await recordLongTasks(page);
  await profiled(browser, page, key, async () => {
    const started = Date.now();
    await dropPrepared(page);
    await waitForDump(page);
    const importMs = Date.now() - started;
    // Settled: two frames painted after the drawing is shown (tasks queued by the import have run).
    await reportLongTasks(
      page,
      key,
      importMs,
      `import of ${name} (${(bytes.length / 1048576).toFixed(1)} MiB)`,
    );
  });
  await expect(page.getByTestId('dump-inputs')).toContainText(name);
  await page.screenshot({ path: `test-results/${key}.png` });
}

test('importing a 20 MB dump: time and main-thread long tasks', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const bytes = Buffer.from(syntheticDump(20, 300, 5000), 'utf8');
  await measureImport(browser, page, bytes, 'synthetic-20mb.json', 'import');
});

test('importing 20,000 endpoints: time and main-thread long tasks', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const bytes = Buffer.from(endpointsPaste(20_000), 'utf8');
  await measureImport(browser, page, bytes, 'endpoints-20k.txt', 'import20kEndpoints');
});
