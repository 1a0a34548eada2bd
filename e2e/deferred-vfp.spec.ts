/**
 * A big dump's VFP is not derived up front (`I_VFP_DEFERRED`: 100 endpoints × 2,000 load
 * balancers is over the 200,000-rule estimate). Its ports said "no VFP layers" and their card
 * was empty, though a trace through them meets thousands of rules. Opening a port now derives
 * its layers, groups and rules; a rule selected in the card opens in the inspector and is
 * revealed in the outline under its group and layer.
 */
import { expect, test } from '@playwright/test';
import { syntheticDump } from '../bench/parse-bench';
import { dropPrepared, expectDumpShown, openApp, prepareFile } from './import-helpers';
import { collectErrors } from './viewer-api';

// The app's offline service worker would answer the routed test URL with the app shell.
test.use({ serviceWorkers: 'block' });

test("a big dump's port shows the rules derived when it is opened", async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await openApp(page);
  await prepareFile(page, Buffer.from(syntheticDump(1, 100, 2000), 'utf8'), 'big-node.json');
  await dropPrepared(page);
  await expectDumpShown(page);

  const svg = page.locator('svg.hnsviz-topology');
  const port = page
    .locator(
      'svg [data-kind="port"][aria-label^="Container port"][aria-label*="VFP layers derived when opened"]',
    )
    .first();
  await expect(port).toHaveCount(1);
  await expect(page.locator('svg [data-kind="port"][aria-label*=", 0 VFP layers"]')).toHaveCount(0);
  const portId = await port.getAttribute('data-id');
  await page.evaluate((id) => window.__hnsviz?.select(id), portId);

  const card = page.locator('svg .port-card');
  await expect(card).toBeVisible();
  await expect(card).toContainText('Derived by hnsviz when opened');
  await expect(card).toContainText('ACL_ENDPOINT_LAYER');
  await expect(card).not.toContainText('No VFP layers on this port');
  expect(await card.locator('[data-kind="group"]').count()).toBeGreaterThan(3);
  const rule = card.locator('[data-kind="rule"]').first();
  const ruleId = await rule.getAttribute('data-id');
  expect(ruleId?.startsWith(`${portId}/`)).toBe(true);
  await page.screenshot({ path: 'test-results/deferred-port-card.png' });

  await page.evaluate((id) => window.__hnsviz?.select(id), ruleId);
  await page.getByRole('tab', { name: 'Objects' }).click();
  await expect(page.locator('.hv-inspector .hv-kind')).toHaveText('VFP rule');
  const row = page.getByRole('treeitem', { selected: true });
  await expect(row).toHaveAttribute('data-key', ruleId ?? '');
  await expect(row).toHaveAttribute('data-derived', 'true');
  await expect(svg.locator(`[data-id="${ruleId}"]`)).toHaveClass(/is-selected/);
  await page.screenshot({ path: 'test-results/deferred-port-rule.png' });
  expect(errors).toEqual([]);
});
