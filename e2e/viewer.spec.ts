import { expect, test } from '@playwright/test';
import { collectErrors, DESIGNS, openViewer, podBoxes } from './viewer-api';
import { shot } from './shots';

test('loads the reference cluster and draws both nodes and their objects', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?e2e=1');
  await expect(page.locator('.hv-root[data-state="ready"]')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'hnsviz' })).toBeVisible();
  await expect(page.locator('.hv-root')).toHaveAttribute('data-scenario', 'new-l2bridge');
  const svg = page.locator('svg.hnsviz-topology');
  await expect(svg.locator('[data-kind="node"]')).toHaveCount(2);
  await expect(svg.locator('[data-kind="node"][data-name="win-a"]')).toHaveAttribute(
    'aria-label',
    /Node win-a, 10\.0\.0\.4/,
  );
  await expect(svg.locator('[data-kind="pod"]')).toHaveCount(5);
  for (const kind of [
    'vswitch',
    'network',
    'endpoint',
    'port',
    'layer',
    'host-stack',
    'kube-proxy',
    'external',
    'wire',
  ]) {
    expect(await svg.locator(`[data-kind="${kind}"]`).count(), kind).toBeGreaterThan(0);
  }
  for (const el of await svg.locator('[data-kind]').all()) {
    await expect(el).toHaveAttribute('data-id', /.+/);
    await expect(el).toHaveAttribute('aria-label', /.+/);
  }
  await expect(svg.locator('[data-kind="winnat"]')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('old design draws two endpoints per pod, WinNAT and a user-space kube-proxy', async ({
  page,
}) => {
  await openViewer(page, 'old-winnat');
  const svg = page.locator('svg.hnsviz-topology');
  await expect(svg.locator('[data-kind="winnat"]')).toHaveCount(2);
  await expect(svg.locator('[data-kind="kube-proxy"]').first()).toHaveAttribute(
    'aria-label',
    /user space/,
  );
  const ids = await page.evaluate(() => window.__hnsviz?.podEndpointIds('a1') ?? []);
  expect(ids).toHaveLength(2);
  for (const id of ids)
    await expect(svg.locator(`[data-kind="endpoint"][data-id="${id}"]`)).toHaveCount(1);
});

test('switching designs keeps every pod in place', async ({ page }) => {
  const errors = collectErrors(page);
  await openViewer(page, 'new-l2bridge');
  const before = await podBoxes(page);
  expect(Object.keys(before).sort()).toEqual(['a1', 'a2', 'b1', 'b2', 'coredns']);
  for (const design of [
    'old-winnat',
    'new-2017',
    'new-overlay',
    'new-overlay-nodsr',
    'new-l2bridge',
  ]) {
    await page
      .getByRole('radiogroup', { name: 'Design' })
      .locator(`[data-scenario="${design}"]`)
      .click();
    await expect(page.locator('.hv-root')).toHaveAttribute('data-scenario', design);
    expect(await podBoxes(page)).toEqual(before);
  }
  await expect(page).toHaveURL(/scenario=new-l2bridge/);
  expect(errors).toEqual([]);
});

test('the design switcher works with the keyboard', async ({ page }) => {
  await openViewer(page, 'new-l2bridge');
  await page.getByRole('radio', { name: 'WS2019 + DSR · L2Bridge' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.hv-root')).toHaveAttribute('data-scenario', 'new-overlay');
  await expect(page.getByRole('radio', { name: 'WS2019 + DSR · Overlay' })).toBeFocused();
  await expect(page.getByRole('radio', { name: 'WS2019 + DSR · Overlay' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
});

test('selecting an endpoint in the drawing shows its policies in the inspector', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openViewer(page, 'new-l2bridge');
  const [epId] = await page.evaluate(() => window.__hnsviz?.podEndpointIds('a1') ?? []);
  expect(epId).toBeTruthy();
  await page.locator(`svg [data-kind="endpoint"][data-id="${epId}"]`).click();
  const inspector = page.locator('.hv-inspector');
  await expect(inspector.locator('.hv-kind')).toHaveText('HNS endpoint');
  const nat = inspector.locator('dl[data-type="OutBoundNAT"]');
  await expect(nat).toBeVisible();
  await expect(nat).toContainText('exceptions');
  await expect(nat).toContainText('10.244.0.0/16');
  await expect(inspector.locator('[data-confidence]').first()).toBeVisible();
  await expect(page.locator(`svg [data-id="${epId}"]`)).toHaveClass(/is-selected/);
  await expect(page.locator(`.hv-tree [data-key="${epId}"]`)).toHaveAttribute(
    'aria-selected',
    'true',
  );
  expect(errors).toEqual([]);
});

test('a port expands to its groups and rules', async ({ page }) => {
  await openViewer(page, 'new-l2bridge');
  await page.evaluate(() => window.__hnsviz?.select('port:win-a:a1'));
  const card = page.locator('svg .port-card');
  await expect(card).toBeVisible();
  expect(await card.locator('[data-kind="group"]').count()).toBeGreaterThan(0);
  expect(await card.locator('[data-kind="rule"]').count()).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.__hnsviz?.state().zoomLevel)).toBe('port');
});

test('keyboard selection through the object tree', async ({ page }) => {
  const errors = collectErrors(page);
  await openViewer(page, 'new-l2bridge');
  const tree = page.getByRole('tree');
  await tree.getByRole('treeitem').first().focus();
  await page.keyboard.press('ArrowRight'); // open win-a
  await page.keyboard.press('ArrowDown'); // Host TCP/IP stack
  await page.keyboard.press('ArrowDown'); // vSwitch
  await page.keyboard.press('ArrowRight'); // open it
  await page.keyboard.press('ArrowDown'); // network cbr0
  await page.keyboard.press('Enter');
  const selected = await page.evaluate(() => window.__hnsviz?.state().selectedId ?? null);
  expect(selected).toBeTruthy();
  expect(await page.evaluate((id) => window.__hnsviz?.kindOf(id), selected ?? '')).toBe('network');
  await expect(page.locator('.hv-inspector .hv-kind')).toHaveText('HNS network');
  await expect(page.locator(`svg [data-kind="network"][data-id="${selected}"]`)).toHaveClass(
    /is-selected/,
  );
  await expect(tree.locator('[aria-selected="true"]')).toBeFocused();
  expect(errors).toEqual([]);
});

for (const design of DESIGNS) {
  test(`screenshot of ${design}`, async ({ page }) => {
    await openViewer(page, design);
    await page.screenshot({ path: shot(design), animations: 'disabled' });
  });
}
