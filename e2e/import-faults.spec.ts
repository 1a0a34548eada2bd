/**
 * The parser worker stuck or dying mid-import: Cancel stops a stuck parse and the next import
 * runs at once; a crash fails that import alone with a message, the worker is restarted and the
 * next import works. The worker is made stuck or crashing from the test (Playwright's handle on
 * the page's workers), so nothing here waits on a timer.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectDumpShown, openApp, paste, SAMPLE } from './import-helpers';

test.use({ serviceWorkers: 'block' });
// Each test imports three times and restarts a worker; a stuck worker spins a core until it is
// cancelled. On a loaded 2-core machine one test took 24-31 s of the default 30: room, not a
// clock (every wait is on the page's state).
test.describe.configure({ timeout: 90_000 });

/** Show the sample dump; returns how many endpoints are drawn. */
async function showSample(page: Page): Promise<number> {
  await openApp(page);
  await paste(page, SAMPLE);
  await expectDumpShown(page);
  return page.locator('svg [data-kind="endpoint"]').count();
}

/** Run `sabotage` in every engine worker of the page. */
async function inEngines(page: Page, sabotage: () => void): Promise<void> {
  for (const w of page.workers().filter((x) => x.url().includes('engine.worker')))
    await w.evaluate(sabotage);
}

/** The failed import says `message`, the drawing is unchanged, and the next import works. */
async function expectKeptThenRecovers(page: Page, drawn: number, message: RegExp): Promise<void> {
  const failure = page.getByTestId('import-failure');
  await expect(failure).toContainText(message);
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  await expect(page.locator('svg [data-kind="endpoint"]')).toHaveCount(drawn);
  await failure.getByRole('button', { name: 'Dismiss' }).click();
  await paste(page, SAMPLE);
  await expectDumpShown(page);
}

test('Cancel stops a stuck parse; the view stays; the next import runs', async ({ page }) => {
  const drawn = await showSample(page);
  // Every engine worker spins from its next task on: the next parse never ends by itself.
  await inEngines(page, () => {
    setTimeout(() => {
      for (;;);
    }, 0);
  });
  await paste(page, SAMPLE.replace(/"Name"\s*:\s*"[^"]*"/, '"Name": "second"'));
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expectKeptThenRecovers(page, drawn, /Import cancelled/);
});

test('a worker that dies mid-import is restarted; the user is told; the next import works', async ({
  page,
}) => {
  const drawn = await showSample(page);
  // The next parsed dump is swallowed and the worker dies of an uncaught error instead.
  await inEngines(page, () => {
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
  await expectKeptThenRecovers(
    page,
    drawn,
    /worker crashed; it was restarted with the current topology\. The previous view is kept/,
  );
});

/** Every engine worker dies of an uncaught error, with nothing asked of it. */
async function killIdleEngines(page: Page): Promise<void> {
  await inEngines(page, () => {
    setTimeout(() => {
      throw new Error('worker out of memory (simulated)');
    }, 0);
  });
}

test('a worker that dies idle is restarted with the current topology; the user is told', async ({
  page,
}) => {
  await openApp(page);
  const traced = async (to: string): Promise<void> => {
    await page.evaluate((to) => window.__hnsviz?.trace({ from: 'a1', to, proto: 'tcp' }), to);
    await expect.poll(() => page.evaluate(() => window.__hnsviz?.view().traceStatus)).toBe('done');
  };
  const notice = page.getByTestId('engine-notice');
  await traced('10.96.10.10:80'); // the trace worker now holds the topology, idle
  await expect(notice).toHaveCount(0);
  await killIdleEngines(page);
  await expect(notice).toContainText(
    'The background engine stopped: the worker crashed; it was restarted with the current topology',
  );
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  // The new worker traces without the view sending the topology again: the restart did.
  await traced('b1:8080');
  expect(await page.evaluate(() => window.__hnsviz?.view().verdict)).not.toBeNull();

  // The import worker, idle after an import, too; the dump stays on screen and the next works.
  await paste(page, SAMPLE);
  await expectDumpShown(page);
  const drawn = await page.locator('svg [data-kind="endpoint"]').count();
  await killIdleEngines(page);
  await expect(notice).toContainText('the worker crashed; it was restarted');
  await expect(page.locator('svg [data-kind="endpoint"]')).toHaveCount(drawn);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await paste(page, SAMPLE);
  await expectDumpShown(page);
  await expect(notice).toHaveCount(0);
});
