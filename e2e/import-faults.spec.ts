/**
 * The parser worker stuck or dying mid-import: Cancel stops a stuck parse and the next import
 * runs at once; a crash fails that import alone with a message, the worker is restarted and the
 * next import works. The worker is made stuck or crashing from the test (Playwright's handle on
 * the page's workers), so nothing here waits on a timer.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectDumpShown, openApp, paste, SAMPLE } from './import-helpers';

const engines = (page: Page) => page.workers().filter((w) => w.url().includes('engine.worker'));

test.use({ serviceWorkers: 'block' });

test('Cancel stops a stuck parse; the view stays; the next import runs', async ({ page }) => {
  await openApp(page);
  await paste(page, SAMPLE);
  await expectDumpShown(page);
  const drawn = await page.locator('svg [data-kind="endpoint"]').count();
  // Every engine worker spins from its next task on: the next parse never ends by itself.
  for (const w of engines(page))
    await w.evaluate(() => {
      setTimeout(() => {
        for (;;);
      }, 0);
    });
  await paste(page, SAMPLE.replace(/"Name"\s*:\s*"[^"]*"/, '"Name": "second"'));
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-failure')).toContainText('Import cancelled');
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  await expect(page.locator('svg [data-kind="endpoint"]')).toHaveCount(drawn);
  await page.getByTestId('import-failure').getByRole('button', { name: 'Dismiss' }).click();
  await paste(page, SAMPLE);
  await expectDumpShown(page);
});

test('a worker that dies mid-import is restarted; the user is told; the next import works', async ({
  page,
}) => {
  await openApp(page);
  await paste(page, SAMPLE);
  await expectDumpShown(page);
  const drawn = await page.locator('svg [data-kind="endpoint"]').count();
  // The next parsed dump is swallowed and the worker dies of an uncaught error instead.
  for (const w of engines(page))
    await w.evaluate(() => {
      const post = self.postMessage.bind(self);
      (self as unknown as { postMessage: (m: { type: string }) => void }).postMessage = (m) => {
        if (m.type === 'dump/parsed')
          setTimeout(() => {
            throw new Error('worker out of memory (simulated)');
          }, 0);
        else post(m);
      };
    });
  await paste(page, SAMPLE);
  await expect(page.getByTestId('import-failure')).toContainText(
    /worker crashed; it was restarted with the current topology\. The previous view is kept/,
  );
  await expect(page.locator('svg [data-kind="endpoint"]')).toHaveCount(drawn);
  await page.getByTestId('import-failure').getByRole('button', { name: 'Dismiss' }).click();
  await paste(page, SAMPLE);
  await expectDumpShown(page);
});
