/**
 * The matrix view on a big dump (300 endpoints, 5,000 load balancers: the bench's synthetic
 * node, ~1.6M cells): time from choosing Matrix to the first computed row on screen (budget
 * < 200 ms), to the whole matrix, and the main thread's longest task while it fills (budget
 * < 50 ms: the workers compute, the page only merges and draws). Printed, never asserted.
 */
import { expect, test } from '@playwright/test';
import { syntheticDump } from '../parse-bench';
import { dropPrepared, openApp, prepareFile } from '../../e2e/import-helpers';
import { report } from './budget';

// The app's offline service worker would answer the routed test URL with the app shell.
test.use({ serviceWorkers: 'block' });

test('matrix of a 300 × 5,000 dump: first rows, whole matrix, main-thread long tasks', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const bytes = Buffer.from(syntheticDump(20, 300, 5000), 'utf8');
  await openApp(page);
  await prepareFile(page, bytes);
  await dropPrepared(page);
  await expect(page.getByTestId('dump-status')).toContainText('Showing the dump', {
    timeout: 120_000,
  });
  // Watch from the click: the first painted frame with a computed cell, long tasks, LoAF scripts.
  await page.evaluate(() => {
    const w = window as unknown as {
      __tasks: number[];
      __scripts: number[];
      __firstRow: Promise<number>;
      __t0: number;
    };
    w.__tasks = [];
    w.__scripts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__tasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: false });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { scripts: { duration: number }[] }[])
        for (const sc of e.scripts) w.__scripts.push(Math.round(sc.duration));
    }).observe({ type: 'long-animation-frame', buffered: false });
    const computed = 'td[data-verdict]:not([data-verdict="pending"])';
    w.__firstRow = new Promise<number>((resolve) => {
      const obs = new MutationObserver(() => {
        if (!document.querySelector(computed)) return;
        obs.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - w.__t0));
      });
      obs.observe(document, { subtree: true, childList: true, attributes: true });
    });
  });
  await page.evaluate(() => {
    const w = window as unknown as { __t0: number };
    const matrix = [...document.querySelectorAll<HTMLElement>('[role="radio"]')].find(
      (b) => b.textContent === 'Matrix',
    )!;
    w.__t0 = performance.now();
    matrix.click();
  });
  const firstRowMs = await page.evaluate(
    () => (window as unknown as { __firstRow: Promise<number> }).__firstRow,
  );
  await expect(page.locator('.hv-matrix[data-status="done"]')).toBeVisible({ timeout: 540_000 });
  const wholeMs = await page.evaluate(
    () => performance.now() - (window as unknown as { __t0: number }).__t0,
  );
  await page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
  const { tasks, scripts } = await page.evaluate(() => {
    const w = window as unknown as { __tasks: number[]; __scripts: number[] };
    return { tasks: w.__tasks, scripts: w.__scripts };
  });
  const status = await page.locator('.hv-matrix-status').textContent();
  console.log(`matrix: ${status}; long tasks while filling: ${tasks.join(', ') || 'none'}`);
  report('matrixFirstRowMs', firstRowMs, 'ms', { below: 200 });
  report('matrixWholeMs', wholeMs, 'ms');
  report('matrixLongestTaskMs', Math.max(0, ...tasks), 'ms', { below: 50 });
  report('matrixLongestScriptMs', Math.max(0, ...scripts), 'ms', { below: 50 });
  await page.screenshot({ path: 'test-results/matrix-300x5000.png' });
});
