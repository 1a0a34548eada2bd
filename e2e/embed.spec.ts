import { expect, test } from '@playwright/test';
import { collectErrors } from './viewer-api';
import { watchCsp } from './share-helpers';

test('the embed demo: two iframes and the element, each independent', async ({ page }) => {
  const csp = await watchCsp(page);
  const errors = collectErrors(page);
  await page.goto('/embed-demo.html');
  const oldFrame = page.frameLocator('#viewer-old');
  const newFrame = page.frameLocator('#viewer-new');
  const element = page.locator('#element');
  for (const root of [
    oldFrame.locator('.hv-root'),
    newFrame.locator('.hv-root'),
    element.locator('.hv-root'),
  ])
    await expect(root).toHaveAttribute('data-state', 'ready');
  await expect(oldFrame.locator('.hv-root')).toHaveAttribute('data-scenario', 'old-winnat');
  await expect(newFrame.locator('.hv-root')).toHaveAttribute('data-scenario', 'new-l2bridge');
  await expect(element.locator('.hv-root')).toHaveAttribute('data-scenario', 'new-l2bridge');
  // Minimal chrome: no side panel, no Share button, a way out to the full app.
  await expect(oldFrame.locator('.hv-root')).toHaveAttribute('data-chrome', 'minimal');
  await expect(oldFrame.locator('.hv-side')).toBeHidden();
  await expect(oldFrame.getByRole('button', { name: 'Share / embed' })).toHaveCount(0);
  await expect(oldFrame.getByRole('link', { name: /Open in hnsviz/ })).toBeVisible();

  // The user switches the design in the first viewer only.
  await oldFrame.getByRole('radio', { name: 'WS2019 + DSR · Overlay' }).click();
  await expect(oldFrame.locator('.hv-root')).toHaveAttribute('data-scenario', 'new-overlay');
  await expect(newFrame.locator('.hv-root')).toHaveAttribute('data-scenario', 'new-l2bridge');
  await expect(element.locator('.hv-root')).toHaveAttribute('data-scenario', 'new-l2bridge');

  // The page drives the second viewer through postMessage and hears back.
  const events = page.locator('#events');
  await page.getByRole('button', { name: 'Load “WS2019 + DSR · Overlay”' }).click();
  await expect(newFrame.locator('.hv-root')).toHaveAttribute('data-scenario', 'new-overlay');
  await expect(events).toContainText('scenario=new-overlay');
  await page.getByRole('button', { name: /Trace a1/ }).click();
  await expect(events).toContainText('trace=done verdict=delivered');
  await page.getByRole('button', { name: 'Go to step 3' }).click();
  await expect(events).toContainText('step=3');
  await expect(oldFrame.locator('.hv-root')).toHaveAttribute('data-scenario', 'new-overlay');

  expect(await csp()).toEqual([]);
  expect(errors).toEqual([]);
  await page.screenshot({ path: 'test-results/embed-demo.png', fullPage: true });
});

test('the bridge ignores other origins and malformed commands', async ({ page }) => {
  await page.goto('/embed-demo.html');
  const newFrame = page.frameLocator('#viewer-new');
  await expect(newFrame.locator('.hv-root')).toHaveAttribute('data-state', 'ready');
  // Wrong target origin: the browser does not deliver it; a foreign window's message is dropped.
  await page.evaluate(() => {
    const f = document.getElementById('viewer-new') as HTMLIFrameElement;
    f.contentWindow?.postMessage(
      { type: 'hnsviz/load', scenario: 'old-winnat' },
      'https://evil.example',
    );
    f.contentWindow?.postMessage(
      { type: 'hnsviz/load', scenario: '<img src=x>' },
      window.location.origin,
    );
    f.contentWindow?.postMessage({ type: 'hnsviz/step', step: 'NaN' }, window.location.origin);
  });
  await expect(page.locator('#events')).toContainText('hnsviz/error');
  await expect(newFrame.locator('.hv-root')).toHaveAttribute('data-scenario', 'new-l2bridge');
});

test('the custom element: attributes, a trace at a step, several independent', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/embed-demo.html');
  const element = page.locator('#element');
  await expect(element.locator('.hv-root')).toHaveAttribute('data-state', 'ready');
  const state = (sel: string) =>
    page.evaluate((s) => {
      const el = document.querySelector<
        HTMLElement & { store: { getState(): Record<string, unknown> } | null }
      >(s);
      const st = el?.store?.getState();
      return st
        ? {
            scenario: st.scenarioId,
            step: st.step,
            status: st.traceStatus,
            request: st.traceRequest,
          }
        : null;
    }, sel);
  await expect
    .poll(() => state('#element'))
    .toMatchObject({
      scenario: 'new-l2bridge',
      step: 3,
      status: 'done',
      request: { from: 'a1', to: '10.96.10.10:80', proto: 'tcp' },
    });
  // A second element on the page, then change only the first one's attributes.
  await page.evaluate(() => {
    const el = document.createElement('hns-viz');
    el.id = 'second';
    el.setAttribute('scenario', 'old-winnat');
    document.querySelector('main')?.append(el);
  });
  await expect(page.locator('#second .hv-root')).toHaveAttribute('data-scenario', 'old-winnat');
  await page.evaluate(() =>
    document.getElementById('element')?.setAttribute('scenario', 'new-overlay'),
  );
  await expect(element.locator('.hv-root')).toHaveAttribute('data-scenario', 'new-overlay');
  await expect(page.locator('#second .hv-root')).toHaveAttribute('data-scenario', 'old-winnat');
  // A bad attribute gives a message, not a broken page.
  await page.evaluate(() => document.getElementById('second')?.setAttribute('step', 'lots'));
  await expect(page.locator('#second [data-testid="link-notice"]')).toContainText('step');
  expect(errors).toEqual([]);
});

test('embed mode is responsive to its container', async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 520 });
  await page.goto('/?embed=1&scenario=old-winnat');
  await expect(page.locator('.hv-root[data-state="ready"]')).toBeVisible();
  const svg = await page.locator('svg.hnsviz-topology').boundingBox();
  expect(svg?.width).toBeGreaterThan(380);
  expect(svg?.height).toBeGreaterThan(150);
  // Nothing sticks out sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
  await page.screenshot({ path: 'test-results/embed-narrow.png' });
});

test('the custom element shows the matrix from inlined workers; a cell opens its trace', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const csp = await watchCsp(page);
  // Every worker the page and its iframes start.
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  // The page itself fetches no worker script (the iframes are the app, with its own files).
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.frame() === page.mainFrame() && /worker/i.test(r.url())) fetched.push(r.url());
  });
  await page.goto('/embed-demo.html');
  const element = page.locator('#element');
  await expect(element.locator('.hv-root')).toHaveAttribute('data-state', 'ready');
  const before = workers.length;
  await page.evaluate(() => document.getElementById('element')?.setAttribute('mode', 'matrix'));
  await expect(element.locator('.hv-root')).toHaveAttribute('data-mode', 'matrix');
  await expect(element.locator('.hv-matrix[data-status="done"]')).toBeVisible({ timeout: 30_000 });
  // The matrix workers started from blob URLs (the iframes' app workers may start late: the
  // app's own files; none is a matrix worker script).
  expect(workers.slice(before).some((url) => url.startsWith('blob:'))).toBe(true);
  expect(workers.filter((url) => /matrix/i.test(url))).toEqual([]);
  expect(fetched).toEqual([]);

  const grid = element.getByRole('grid', { name: /Who can reach whom/ });
  await element.getByRole('checkbox', { name: 'Only drops' }).check();
  const a1 = grid
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'default/a1' }) });
  // Names, not texts: a label too long for its header is shown cut in the middle.
  const cols = await grid
    .getByRole('columnheader')
    .evaluateAll((ths) => ths.map((th) => th.getAttribute('aria-label') ?? th.textContent));
  const b2 = cols.findIndex((c) => c === 'default/b2:8080/tcp');
  expect(b2).toBeGreaterThan(0);
  const cell = a1.locator(`td[aria-colindex="${b2 + 1}"]`);
  await expect(cell).toHaveAttribute('data-verdict', 'dropped');
  await element.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/embed-matrix.png', fullPage: false });
  await cell.click();
  await expect(element.locator('.hv-root')).toHaveAttribute('data-mode', 'explore');
  await expect(element.locator('.hv-verdict')).toContainText('dropped');

  // A bad mode is a message in the element, and the view stays.
  await page.evaluate(() => document.getElementById('element')?.setAttribute('mode', 'grid'));
  await expect(element.locator('[data-testid="link-notice"]')).toContainText('mode');
  expect(await csp()).toEqual([]);
  expect(errors).toEqual([]);
});
