/** Several nodes' dumps at once: attribution and reassignment, a cross-node trace. */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { dropFiles, openApp, paste } from './import-helpers';
import { shot } from './shots';

const fixture = (f: string): string =>
  readFileSync(new URL(`../src/cluster/__fixtures__/${f}`, import.meta.url), 'utf8');

async function expectCluster(page: Page, nodes: number): Promise<void> {
  await expect(page.getByTestId('dump-status')).toContainText('Showing the dump');
  await expect(page.getByTestId('dump-node')).toHaveCount(nodes);
  await expect(page.locator('svg [data-kind="endpoint"]').first()).toBeVisible();
}

/** Records the type of every message the page posts to a worker (read with `posted`). */
async function recordPosted(page: Page, opts: { neverIdle?: boolean } = {}): Promise<void> {
  await page.addInitScript((neverIdle) => {
    if (neverIdle) {
      window.requestIdleCallback = () => 0;
      window.cancelIdleCallback = () => undefined;
    }
    const w = window as unknown as { __posted: string[] };
    w.__posted = [];
    // Wrapped, then called with the worker as `this`.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, m: unknown, t?: unknown) {
      w.__posted.push((m as { type?: string } | null)?.type ?? '');
      return post.call(this, m, t as StructuredSerializeOptions);
    };
  }, opts.neverIdle ?? false);
}
const posted = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __posted: string[] }).__posted);

test.describe('a cluster from its nodes’ dumps', () => {
  test('two collector files import as two nodes; an input can be moved and moved back', async ({
    page,
  }) => {
    await openApp(page);
    await dropFiles(page, [
      { name: 'hnsviz-win-a.txt', text: fixture('l2bridge-win-a.txt') },
      { name: 'hnsviz-win-b.txt', text: fixture('l2bridge-win-b.txt') },
    ]);
    await expectCluster(page, 2);
    await expect(page.locator('.hv-scenario-title')).toContainText('Cluster: WIN-A, WIN-B');
    const nodes = page.getByTestId('dump-nodes');
    await expect(nodes.getByTestId('node-evidence').first()).toContainText(
      'collector header: on WIN-A',
    );
    await expect(page.getByTestId('stitch-summary')).toContainText('3 linked');
    // Both nodes are drawn, each with its own vSwitch.
    await expect(page.locator('svg [data-kind="node"]')).toHaveCount(2);
    await page.getByRole('button', { name: 'Fit to screen' }).click();
    await page.screenshot({ path: shot('cluster-import') });

    // Move WIN-B's file onto WIN-A: one node; then give it a node of its own again.
    // The choice of node opens from its button, one input at a time, and takes the focus;
    // Escape closes it and gives the focus back.
    const b = nodes.locator('[data-input="hnsviz-win-b.txt"]');
    await expect(nodes.getByTestId('reassign')).toHaveCount(0);
    await b.getByRole('button', { name: 'Move hnsviz-win-b.txt to another node…' }).click();
    await expect(b.getByRole('combobox', { name: 'Node of hnsviz-win-b.txt' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(b.getByTestId('reassign')).toHaveCount(0);
    await expect(b.getByTestId('reassign-open')).toBeFocused();
    await page.keyboard.press('Enter');
    await b.getByTestId('reassign').selectOption({ label: 'WIN-A' });
    await expectCluster(page, 1);
    await expect(page.getByTestId('diagnostics')).toContainText('points at another node');
    const moved = nodes.locator('[data-input="hnsviz-win-b.txt"]');
    await moved.getByTestId('reassign-open').click();
    await moved.getByTestId('reassign').selectOption({ label: 'a node of its own' });
    await expectCluster(page, 2);
  });

  test('a pod on WIN-A reaches kube-dns on WIN-B through both nodes’ rules', async ({ page }) => {
    await openApp(page);
    await dropFiles(page, [
      { name: 'hnsviz-win-a.txt', text: fixture('overlay-win-a.txt') },
      { name: 'hnsviz-win-b.txt', text: fixture('overlay-win-b.txt') },
    ]);
    await expectCluster(page, 2);
    const builder = page.getByRole('form', { name: 'Packet builder' });
    await builder.getByRole('combobox', { name: 'From', exact: true }).fill('10.244.1.10');
    await builder.getByRole('combobox', { name: 'To', exact: true }).fill('10.96.0.10');
    await builder.getByRole('textbox', { name: 'Port' }).fill('53');
    await builder.getByRole('combobox', { name: 'Protocol' }).selectOption('udp');
    await builder.getByRole('button', { name: 'Trace' }).click();
    const verdict = page.locator('.hv-verdict[data-verdict]');
    await expect(verdict).toHaveAttribute('data-verdict', 'delivered');
    const events = page.getByRole('list', { name: 'Trace events' });
    await expect(events).toContainText('WIN-A');
    await expect(events).toContainText('WIN-B');
    await expect(events).toContainText('VNET_ENCAP_LAYER');
    await page.screenshot({ path: shot('cluster-trace') });
  });
});

test('a zip of two nodes’ folders, as attached to an issue, imports as two nodes', async ({
  page,
}) => {
  await openApp(page);
  // What people attach: one folder per node, each with its collector file, zipped.
  const zip = zipSync({
    'winA/hnsviz.txt': strToU8(fixture('l2bridge-win-a.txt')),
    'winB/hnsviz.txt': strToU8(fixture('l2bridge-win-b.txt')),
  });
  await page.getByRole('button', { name: 'Import…' }).click();
  await page
    .getByTestId('dump-files')
    .setInputFiles([
      { name: 'issue-1234.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) },
    ]);
  await expectCluster(page, 2);
  await page.getByRole('tab', { name: 'Dump' }).click();
  const nodes = page.getByTestId('dump-nodes');
  await expect(nodes.locator('[data-input="issue-1234.zip/winA/hnsviz.txt"]')).toBeVisible();
  await expect(nodes.locator('[data-input="issue-1234.zip/winB/hnsviz.txt"]')).toContainText(
    'collector header: on WIN-B',
  );
  // Stitched: each node's remote endpoints linked to the pods they stand for.
  await expect(page.getByTestId('stitch-summary')).toContainText(
    'linked to their pod on another node',
  );
  // The same archive cut short (a download that stopped): said, and the two nodes stay.
  const endpoints = await page.locator('svg [data-kind="endpoint"]').count();
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByTestId('dump-files').setInputFiles([
    {
      name: 'issue-1234.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zip.subarray(0, zip.length >> 1)),
    },
  ]);
  const failure = page.getByTestId('import-failure');
  await expect(failure).toContainText('issue-1234.zip: not a readable zip archive');
  await expect(failure).toContainText('unpack the archive');
  await expect(failure).toContainText('previous view is kept');
  await expect(page.getByTestId('dump-node')).toHaveCount(2);
  await expect(page.locator('svg [data-kind="endpoint"]')).toHaveCount(endpoints);
});

test('split a paste: two nodes’ collector output pasted as one becomes two nodes', async ({
  page,
}) => {
  await openApp(page);
  await paste(page, fixture('l2bridge-win-a.txt') + fixture('l2bridge-win-b.txt'));
  // One paste, read as one node (its first header names it).
  await expectCluster(page, 1);
  await page.getByRole('tab', { name: 'Dump' }).click();
  const nodes = page.getByTestId('dump-nodes');
  // Said beside the input, with where the next node begins.
  const at0 = fixture('l2bridge-win-a.txt').split('\n').length;
  await expect(nodes.getByTestId('node-mixed')).toContainText(
    `2 nodes' output, read as one node: from line ${at0}, collector header: on WIN-B`,
  );
  await nodes.getByTestId('split-open').click();
  const panel = nodes.getByTestId('split-panel');
  // The suggestion: the second collector header, ticked, with the line as it reads.
  const at = fixture('l2bridge-win-a.txt').split('\n').length;
  const point = panel.getByTestId('split-point');
  await expect(point).toHaveCount(1);
  await expect(point).toBeChecked();
  await expect(point).toHaveAttribute('data-line', String(at));
  await expect(panel).toContainText(`line ${at}: collector header: on WIN-B`);
  await expect(panel.locator('.hv-split-line')).toContainText('# hnsviz collector 1 on WIN-B');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('cluster-split') });
  await panel.getByTestId('split-apply').click();
  await expectCluster(page, 2);
  await expect(nodes.getByTestId('node-mixed')).toHaveCount(0);
  await expect(page.locator('svg [data-kind="node"]')).toHaveCount(2);
  await expect(nodes.locator(`[data-input="paste (lines 1–${at - 1})"]`)).toContainText(
    'collector header: on WIN-A',
  );
  await expect(nodes.locator(`[data-input^="paste (lines ${at}–"]`)).toContainText(
    'collector header: on WIN-B',
  );
  await expect(page.getByTestId('stitch-summary')).toContainText('3 linked');
});

test('search: "/" then an IP, a MAC in another spelling, a VIP:port; a result is selected', async ({
  page,
}) => {
  await openApp(page);
  await dropFiles(page, [
    { name: 'hnsviz-win-a.txt', text: fixture('l2bridge-win-a.txt') },
    { name: 'hnsviz-win-b.txt', text: fixture('l2bridge-win-b.txt') },
  ]);
  await expectCluster(page, 2);
  await page
    .locator('svg.hnsviz-topology')
    .first()
    .click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  const box = page.getByTestId('search');
  await expect(box).toBeFocused();
  await box.fill('10.244.2.10');
  const results = page.getByTestId('search-results');
  await expect(results.getByRole('option')).toHaveCount(4); // b1's pod and endpoint on WIN-B; the remote endpoint on WIN-A; the subnet
  // The pod first: what an address is usually asked about; the stand-in for it after.
  await expect(results.getByRole('option').first()).toContainText('pod IP 10.244.2.10');
  await expect(results.getByRole('option').nth(2)).toContainText('remote endpoint IP');
  await expect(results).toContainText('WIN-A');
  await expect(results).toContainText('WIN-B');
  await page.screenshot({ path: shot('cluster-search') });
  await box.fill('00:15:5d:f4:02:0a');
  await expect(results.getByRole('option').first()).toContainText('b1_cbr0');
  await box.fill('00-15-5D-F4-02-0A');
  await expect(results.getByRole('option').first()).toContainText('b1_cbr0');
  await box.press('Enter');
  // Selected: the Objects tab shows it in the tree and the inspector; the drawing marks it.
  await expect(page.getByRole('tab', { name: 'Objects' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.hv-inspector')).toContainText('b1_cbr0');
  await expect(
    page.locator('svg [data-id="9d84a41d-a0bd-46a8-aa63-4207c6160a22"][data-kind="endpoint"]'),
  ).toHaveClass(/is-selected/);
  await page.keyboard.press('/');
  await box.fill('10.96.0.10:53');
  await expect(results.getByRole('option')).toHaveCount(4);
});

/**
 * Two nodes imported, a1 traced to b1 (delivered), then the "after" snapshot (b1 gone, its
 * remote endpoint on A stale) given to What changed; returns the diff panel.
 */
async function diffStaleSnapshot(page: Page): Promise<Locator> {
  await openApp(page);
  await dropFiles(page, [
    { name: 'hnsviz-win-a.txt', text: fixture('l2bridge-win-a.txt') },
    { name: 'hnsviz-win-b.txt', text: fixture('l2bridge-win-b.txt') },
  ]);
  await expectCluster(page, 2);
  const builder = page.getByRole('form', { name: 'Packet builder' });
  await builder.getByRole('combobox', { name: 'From', exact: true }).fill('10.244.1.10');
  await builder.getByRole('combobox', { name: 'To', exact: true }).fill('10.244.2.10');
  await builder.getByRole('textbox', { name: 'Port' }).fill('8080');
  await builder.getByRole('button', { name: 'Trace' }).click();
  await expect(page.locator('.hv-verdict[data-verdict]')).toHaveAttribute(
    'data-verdict',
    'delivered',
  );
  await page.getByRole('tab', { name: 'Dump' }).click();
  const panel = page.getByTestId('diff-panel');
  await panel.getByTestId('diff-files').setInputFiles([
    {
      name: 'after-a.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(fixture('l2bridge-win-a.txt')),
    },
    {
      name: 'after-b.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(fixture('l2bridge-win-b-after.txt')),
    },
  ]);
  return panel;
}

test('diff: a snapshot where b1 is gone shows the stale endpoint and the trace turning dropped', async ({
  page,
}) => {
  const panel = await diffStaleSnapshot(page);
  await expect(panel.getByTestId('diff-summary')).toContainText('0 added');
  await expect(panel.locator('[data-change="removed"]').first()).toContainText(
    'endpoint b1_cbr0 10.244.2.10 on WIN-B',
  );
  await expect(panel.locator('[data-change="changed"]').first()).toContainText('backends');
  // b1's VFP rules went with it; the fixtures hold no vfpctrl, so each is marked as derived.
  const rule = panel.locator('[data-change="removed"]', {
    hasText: 'VFP rule MAC_REWRITE_IN_10.244.2.10',
  });
  await expect(rule.getByTestId('diff-derived')).toHaveText('(derived by hnsviz)');
  await expect(panel.getByTestId('diff-trace').locator('[data-side="before"]')).toContainText(
    'delivered',
  );
  await expect(panel.getByTestId('diff-trace').locator('[data-side="after"]')).toContainText(
    'request: dropped — stale remote endpoint: 10.244.2.10 is no endpoint on WIN-B',
  );
  await panel.getByTestId('diff-summary').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('cluster-diff') });

  // The same trace on both snapshots in the compare view, with what differs.
  await panel.getByTestId('diff-compare').click();
  await expect(page.locator('.hv-root')).toHaveAttribute('data-mode', 'compare');
  const panes = page.locator('.hv-pane');
  await expect(panes).toHaveCount(2);
  await expect(panes.nth(0).locator('select')).toHaveValue(/^snapshot:/);
  await expect(panes.nth(0)).toContainText('Before: the dump shown');
  await expect(panes.nth(1)).toContainText('After: the snapshot after-a.txt +1');
  const summary = page.getByRole('region', { name: 'Comparison summary' });
  await expect(summary.locator('thead')).toContainText('Same packet, before and after');
  const outcome = summary.locator('tr[data-key="outcome"]');
  await expect(outcome).toHaveAttribute('data-differs', 'true');
  await expect(outcome.locator('td').nth(0)).toHaveText('delivered');
  await expect(outcome.locator('td').nth(1)).toContainText('dropped: stale remote endpoint');
  await expect(page.getByTestId('compare-parting')).toContainText('WIN-B');
  // "Paths part at event N" is row N of the lockstep table, and jumps there.
  await page.getByTestId('compare-parting-step').click();
  const parted = page.locator('.hv-events-table tr[aria-current="step"]');
  await expect(parted.locator('td').nth(1)).toContainText('drop');
  await expect(parted.locator('th')).toHaveText(
    (await page.getByTestId('compare-parting-step').innerText()).replace('event ', ''),
  );
  // Both panes drawn as clusters, stepped in lockstep to the end: the after side dropped.
  await expect(panes.nth(1).locator('svg [data-kind="node"]')).toHaveCount(2);
  await panes.nth(0).locator('svg.hnsviz-topology').focus();
  await page.keyboard.press('End');
  await expect(panes.nth(1).locator('.hv-pane-done')).toContainText('dropped');
  await expect(panes.nth(0).locator('.hv-pane-done')).toContainText('delivered');
  await page.screenshot({ path: shot('cluster-diff-compare') });

  // Back to tracing: the snapshot is still there.
  await page.getByRole('radio', { name: 'Trace' }).click();
  await page.getByRole('tab', { name: 'Dump' }).click();
  await expect(page.getByTestId('diff-summary')).toContainText('0 added');
});

test('diff: the snapshot’s worker dies; the snapshot is read again from its files, the diff stays', async ({
  page,
}) => {
  const panel = await diffStaleSnapshot(page);
  const after = panel.getByTestId('diff-trace').locator('[data-side="after"]');
  await expect(after).toContainText('request: dropped — stale remote endpoint');
  const rows = await panel.getByTestId('diff-row').count();
  // Every engine worker of the page dies, idle (the snapshot's among them).
  for (const w of page.workers().filter((x) => x.url().includes('engine.worker')))
    await w.evaluate(() => {
      setTimeout(() => {
        throw new Error('worker out of memory (simulated)');
      }, 0);
    });
  const held = panel.getByTestId('diff-held');
  await expect(held).toHaveAttribute('data-state', 'reloaded');
  await expect(held).toHaveText(
    'The worker holding the snapshot after-a.txt, after-b.txt stopped (the worker crashed); the snapshot was read again from its files.',
  );
  // The diff stayed, and the trace on the snapshot runs there again.
  await expect(panel.getByTestId('diff-row')).toHaveCount(rows);
  await expect(after).toContainText('request: dropped — stale remote endpoint');
  await panel.getByTestId('diff-compare').click();
  await expect(page.locator('.hv-root')).toHaveAttribute('data-mode', 'compare');
  await expect(page.locator('.hv-pane').nth(1)).toContainText('After: the snapshot after-a.txt +1');
});

test('lint names the node a finding is on when several nodes are imported', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [
    { name: 'hnsviz-win-a.txt', text: fixture('l2bridge-win-a.txt') },
    { name: 'hnsviz-win-b.txt', text: fixture('l2bridge-win-b-after.txt') },
  ]);
  await expectCluster(page, 2);
  await page.getByRole('tab', { name: 'Dump' }).click();
  const stale = page.getByTestId('lint-panel').locator('[data-code="remote-endpoint-stale"]');
  // The stale remote endpoint, then the load balancers that still send to it.
  await expect(stale.getByTestId('finding-nodes')).toHaveText(
    'WIN-A: 10.244.2.10, 10.96.10.10, a NodePort load balancer, 10.0.0.100',
  );
  await stale.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('cluster-lint') });
});

test('twenty nodes: rows of ten, names readable when fitted, zoom down to a port’s rules', async ({
  page,
}) => {
  const winB = fixture('l2bridge-win-b.txt');
  const copy = (k: number) => ({
    name: `hnsviz-win-${k}.txt`,
    text: winB
      .replace(/WIN-B/g, `WIN-${k}`)
      .replace(/10\.0\.0\.5\b/g, `10.0.0.${10 + k}`)
      .replace(/10\.244\.2\./g, `10.244.${10 + k}.`),
  });
  await openApp(page);
  await dropFiles(page, [
    { name: 'hnsviz-win-a.txt', text: fixture('l2bridge-win-a.txt') },
    ...Array.from({ length: 19 }, (_, k) => copy(k)),
  ]);
  await expect(page.getByTestId('dump-status')).toContainText('Showing the dump');
  await expect(page.locator('svg [data-kind="node"]')).toHaveCount(20);
  const svg = page.locator('svg.hnsviz-topology');
  const viewport = svg.locator('g.viewport');
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  await expect(svg).not.toHaveAttribute('data-zooming', 'true');
  // Fitted, the grid is too small for a node's own text: each node shows its name instead.
  await expect(viewport).toHaveClass(/\brows\b.*\bzoom-far\b/);
  const name = page.locator('svg [data-id="node:win-12"] .line-far').first();
  await expect(name).toBeVisible();
  await expect(name).toHaveText('WIN-12');
  // Two rows of ten in import order: WIN-A, WIN-0 … WIN-8, then WIN-9 … WIN-18.
  const box = async (id: string) => (await page.locator(`svg [data-id="${id}"]`).boundingBox())!;
  const [a, b8, b9] = [await box('node:win-a'), await box('node:win-8'), await box('node:win-9')];
  expect(Math.abs(b8.y - a.y)).toBeLessThan(2);
  expect(b9.y).toBeGreaterThan(a.y + a.height);
  expect(Math.abs(b9.x - a.x)).toBeLessThan(2);
  await page.screenshot({ path: shot('cluster-20-fit') });

  // Zoom in on the last node: the node level (its own text), then a port's groups and rules.
  const at = await box('node:win-18');
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  for (let i = 0; i < 9; i++) await page.mouse.wheel(0, -250);
  await expect(viewport).toHaveClass(/\bzoom-node\b/);
  await expect(viewport).not.toHaveClass(/\bzoom-far\b/);
  await expect(svg).not.toHaveAttribute('data-zooming', 'true');
  await expect(page.locator('svg [data-id="node:win-18"] .line-title')).toBeVisible();
  await page.screenshot({ path: shot('cluster-20-node') });
  // A port of WIN-18 in view (its id carries the node: the dumps share endpoint GUIDs).
  const inView = await page
    .locator('svg [data-kind="port"][data-id$="@win-18"]')
    .evaluateAll((els) => {
      const view = document.querySelector('svg.hnsviz-topology')!.getBoundingClientRect();
      return els
        .map((e) => [e.getAttribute('data-id'), e.getBoundingClientRect()] as const)
        .find(([, r]) => r.left > view.left && r.right < view.left + view.width / 2)?.[0];
    });
  expect(inView).toBeTruthy();
  await page.locator(`svg [data-id="${inView}"]`).click();
  const card = page.locator('svg .port-card');
  await expect(card).toBeVisible();
  expect(await card.locator('[data-kind="rule"]').count()).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.__hnsviz?.state().zoomLevel)).toBe('port');
});

test('the matrix of an imported cluster comes from the importer’s worker, and equals the one sent from the page', async ({
  page,
}) => {
  await recordPosted(page);
  await openApp(page);
  await expect(page.locator('.hv-root[data-matrix="prepared"]')).toBeAttached();
  await page.evaluate(() => {
    (window as unknown as { __posted: string[] }).__posted = [];
  });
  await dropFiles(page, [
    { name: 'hnsviz-win-a.txt', text: fixture('l2bridge-win-a.txt') },
    { name: 'hnsviz-win-b.txt', text: fixture('l2bridge-win-b.txt') },
  ]);
  await expectCluster(page, 2);
  await expect(page.locator('.hv-root[data-matrix="prepared"]')).toBeAttached();
  const types = await posted(page);
  expect(types).toContain('init-from');
  expect(types).not.toContain('piece');

  await page.getByRole('radio', { name: 'Matrix' }).click();
  const done = page.locator('.hv-matrix[data-status="done"]');
  await expect(done).toBeVisible({ timeout: 30_000 });
  // The drawn cells by place (row and column index): the grid draws only what its window
  // shows, and that window grew between two reads in one CI run (more rows drawn the second time).
  const cells = () =>
    page
      .locator('.hv-matrix td[data-verdict]')
      .evaluateAll((tds) =>
        tds.map((td): [string, string] => [
          `${td.closest('tr')?.getAttribute('aria-rowindex')}:${td.getAttribute('aria-colindex')}`,
          td.getAttribute('data-verdict') ?? '',
        ]),
      );
  const fromWorker = new Map(await cells());
  expect(fromWorker.size).toBeGreaterThan(0);
  // Recompute starts cold, the topology sent from the page in pieces: the same cells.
  await page.getByRole('button', { name: 'Recompute' }).click();
  await expect(done).toBeVisible({ timeout: 30_000 });
  const fromPage = new Map(await cells());
  const both = [...fromWorker.keys()].filter((k) => fromPage.has(k));
  // One window holds the other (the same first rows and columns), and they agree on every cell.
  expect(both.length).toBe(Math.min(fromWorker.size, fromPage.size));
  for (const k of both) expect(fromPage.get(k), k).toBe(fromWorker.get(k));
  expect(await posted(page)).toContain('piece');
});

test('a dump’s matrix is prepared from the importer’s worker as the dump is read, though the page is never idle', async ({
  page,
}) => {
  // Never idle: only a topology a worker sends is prepared (the page would send the others).
  await recordPosted(page, { neverIdle: true });
  await openApp(page);
  await dropFiles(page, [
    { name: 'hnsviz-win-a.txt', text: fixture('l2bridge-win-a.txt') },
    { name: 'hnsviz-win-b.txt', text: fixture('l2bridge-win-b.txt') },
  ]);
  await expectCluster(page, 2);
  await expect(page.locator('.hv-root[data-matrix="prepared"]')).toBeAttached();
  await page.getByRole('radio', { name: 'Matrix' }).click();
  await expect(page.locator('.hv-matrix[data-status="done"]')).toBeVisible({ timeout: 30_000 });
  const types = await posted(page);
  expect(types).toContain('init-from');
  expect(types).not.toContain('piece');
});
