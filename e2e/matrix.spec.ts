import { expect, test } from '@playwright/test';
import { collectErrors } from './viewer-api';
import { eventRows, openTrace } from './trace-helpers';
import { shot } from './shots';

test('matrix: open it, filter to drops, hover and click a cell, see its trace; all by keyboard too', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openTrace(page);
  // The viewer prepared the matrix while the page was idle; opening it takes that worker over.
  await expect(page.locator('.hv-root[data-matrix="prepared"]')).toBeAttached();
  // The drawing is kept (hidden) under the matrix, not torn down and drawn again.
  const drawing = await page
    .locator('svg[aria-roledescription="topology drawing"]')
    .elementHandle();
  await page.getByRole('radio', { name: 'Matrix' }).click();
  const grid = page.getByRole('grid', { name: /Who can reach whom/ });
  await expect(page.locator('.hv-matrix[data-status="done"]')).toBeVisible({ timeout: 30_000 });
  await expect(grid.getByRole('columnheader', { name: 'default/web:http/tcp' })).toBeVisible();
  await expect(grid.getByRole('rowheader', { name: 'default/a1' })).toBeVisible();
  await page.screenshot({ path: shot('matrix') });
  // Recompute starts a new pool cold: the topology, then the plan, then the units.
  await page.getByRole('button', { name: 'Recompute' }).click();
  await expect(page.locator('.hv-matrix[data-status="done"]')).toBeVisible({ timeout: 30_000 });
  await expect(grid.getByRole('rowheader', { name: 'default/a1' })).toBeVisible();

  // Only drops: every shown cell row has a drop; a1 → b2:8080 is one of them.
  await page.getByRole('checkbox', { name: 'Only drops' }).check();
  await expect(grid.locator('td[data-verdict="dropped"]').first()).toBeVisible();
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
  await cell.hover();
  await expect(page.getByRole('tooltip')).toContainText('ACL_ENDPOINT_LAYER');
  await expect(page.getByRole('tooltip')).toContainText('priority');
  await page.screenshot({ path: shot('matrix-drops') });

  // Click: the packet opens as a normal trace.
  await cell.click();
  await expect(page.locator('.hv-root[data-mode="explore"]')).toBeVisible();
  await expect(eventRows(page).first()).toBeVisible();
  await expect(page.locator('.hv-verdict')).toContainText('dropped');
  expect(await drawing?.evaluate((svg) => svg.isConnected && svg.checkVisibility())).toBe(true);

  // The event list: each rule's priority, filtered to drops, ACL hops, one layer.
  const show = page.getByRole('combobox', { name: 'Show events' });
  await show.selectOption('drops');
  await expect(eventRows(page)).toHaveCount(1);
  await expect(eventRows(page).first().locator('.hv-event-prio')).toHaveText(/^priority \d+$/);
  await show.selectOption('acl');
  await expect(eventRows(page).first()).toContainText('ACL');
  await show.selectOption('layer:ACL_ENDPOINT_LAYER');
  await expect(eventRows(page).first()).toContainText('ACL_ENDPOINT_LAYER');
  await page.screenshot({ path: shot('events-filtered') });
  await show.selectOption('');

  // Back to the matrix (kept), reachable and usable by keyboard alone.
  await page.getByRole('radio', { name: 'Matrix' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.hv-matrix[data-status="done"]')).toBeVisible();
  const first = grid.locator('td[tabindex="0"]');
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const focused = grid.locator('td:focus');
  await expect(focused).toHaveAttribute('data-r', '1');
  await expect(focused).toHaveAttribute('data-c', '1');
  await expect(page.locator('#hv-matrix-detail')).toContainText('Verdict');
  await page.keyboard.press('Enter');
  await expect(page.locator('.hv-root[data-mode="explore"]')).toBeVisible();
  await expect(eventRows(page).first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('matrix at 1280 × 720 (a workshop projector): every source row in view, no trace bar', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openTrace(page);
  await expect(page.locator('.hv-tracebar')).toBeVisible();
  await page.getByRole('radio', { name: 'Matrix' }).click();
  await expect(page.locator('.hv-matrix[data-status="done"]')).toBeVisible({ timeout: 30_000 });
  // The packet builder belongs to a trace: a cell opens one, in Trace mode.
  await expect(page.locator('.hv-tracebar')).toBeHidden();
  const heads = page.getByRole('grid', { name: /Who can reach whom/ }).getByRole('rowheader');
  await expect(heads).toHaveCount(8);
  for (const head of await heads.all()) await expect(head).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: shot('matrix-1280') });
  await page.getByRole('radio', { name: 'Trace' }).click();
  await expect(page.locator('.hv-tracebar')).toBeVisible();
});
