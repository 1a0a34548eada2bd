/**
 * A cluster in the browser: the main thread's longest task while 20 nodes' dumps are imported
 * (parsed, assembled and stitched in the worker, then handed to the page), while the search box
 * answers, and while a second snapshot (one node gone) is read and diffed. Each node is the
 * cluster bench's (the synthetic node with its own addresses and GUIDs; `HNSVIZ_CLUSTER_LBS`
 * load balancers each, default 5,000 as in `npm run bench -- --cluster`). Budget: no task over
 * 50 ms. Printed, never asserted.
 */
import { expect, test, type Page } from '@playwright/test';
import { nodeDump } from '../cluster-bench';
import { syntheticDump } from '../parse-bench';
import { openApp } from '../../e2e/import-helpers';
import { recordLongTasks, reportLongTasks } from './long-tasks';

// The app's offline service worker would answer the routed test URLs with the app shell.
test.use({ serviceWorkers: 'block' });

const NODES = 20;
const LBS = Number(process.env.HNSVIZ_CLUSTER_LBS ?? 5000);

/** Serve each file at a routed URL and keep it in the page as a `File` (not timed). */
async function prepare(page: Page, files: { name: string; bytes: Uint8Array }[]): Promise<void> {
  for (const f of files)
    await page.route(`**/__e2e__/${f.name}`, (route) =>
      route.fulfill({ body: Buffer.from(f.bytes), contentType: 'application/json' }),
    );
  await page.evaluate(
    async (names) => {
      const w = window as unknown as { __files: File[] };
      w.__files = [];
      for (const n of names) {
        const blob = await (await fetch(`/__e2e__/${n}`)).blob();
        w.__files.push(new File([blob], n, { type: 'application/json' }));
      }
    },
    files.map((f) => f.name),
  );
}

test('a 20-node cluster: import, search and diff, main-thread long tasks', async ({ page }) => {
  test.setTimeout(600_000);
  const base = syntheticDump(2, 300, LBS);
  const files = Array.from({ length: NODES }, (_, k) => ({
    name: `node${k}.json`,
    bytes: nodeDump(base, k),
  }));
  await openApp(page);
  await prepare(page, files);

  // Import: the drop to the drawn cluster (parse, assembly and stitching run in the worker).
  await recordLongTasks(page);
  let t0 = Date.now();
  await page.evaluate(() => {
    const d = new DataTransfer();
    for (const f of (window as unknown as { __files: File[] }).__files) d.items.add(f);
    const root = document.querySelector('.hv-root')!;
    root.dispatchEvent(new DragEvent('drop', { dataTransfer: d, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('dump-status')).toContainText('Showing the dump', {
    timeout: 400_000,
  });
  await expect(page.locator('svg [data-kind="node"]')).toHaveCount(NODES, { timeout: 400_000 });
  await reportLongTasks(page, 'clusterImport', Date.now() - t0);
  await expect(page.getByTestId('stitch-summary')).toContainText('linked');

  // Search: a pod address of node 7, typed into the box; until its results are listed.
  await recordLongTasks(page);
  t0 = Date.now();
  await page.getByTestId('search').fill('10.107.1.10');
  await expect(page.getByTestId('search-results').getByRole('option').first()).toBeVisible();
  await reportLongTasks(page, 'clusterSearch', Date.now() - t0);

  // Diff: the same cluster without its last node, picked as the "after" snapshot.
  await page.getByTestId('search').fill('');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Dump' }).click();
  await recordLongTasks(page);
  t0 = Date.now();
  await page.evaluate(() => {
    const d = new DataTransfer();
    for (const f of (window as unknown as { __files: File[] }).__files.slice(0, -1)) d.items.add(f);
    const input = document.querySelector<HTMLInputElement>('[data-testid="diff-files"]')!;
    input.files = d.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page.getByTestId('diff-summary')).toBeVisible({ timeout: 400_000 });
  await reportLongTasks(page, 'clusterDiff', Date.now() - t0);
  await page.screenshot({ path: 'test-results/cluster-bench-diff.png' });
});
