import { expect, test } from '@playwright/test';
import { collectErrors } from './viewer-api';
import {
  currentRow,
  eventRows,
  focusCanvas,
  headerCard,
  openTrace,
  packet,
  runPreset,
} from './trace-helpers';

test('runs a preset in the worker and steps with the keyboard (event list, header card, packet)', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openTrace(page);
  await runPreset(page, 'pod-service');
  await expect(page.locator('.hv-verdict')).toContainText('delivered');
  const n = await eventRows(page).count();
  expect(n).toBeGreaterThan(10);
  await focusCanvas(page);
  await page.keyboard.press('ArrowRight');
  await expect(currentRow(page)).toHaveAttribute('data-step', '0');
  await expect(packet(page)).toHaveAttribute('data-step', '0');
  await expect(packet(page)).toHaveAttribute('data-at', 'port:win-a:a1');
  // Step to LB_DSR: the destination is rewritten and the card highlights it.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(currentRow(page)).toContainText('LB_DSR');
  await expect(currentRow(page)).toContainText('lbnat');
  await expect(packet(page)).toHaveAttribute('data-at', 'port:win-a:a1/LB_DSR');
  await expect(page.locator('svg g.obj.is-acting[data-id="port:win-a:a1/LB_DSR"]')).toHaveCount(1);
  const card = headerCard(page);
  await expect(card.locator('tr.is-changed')).toHaveCount(1);
  await expect(card.locator('tr.is-changed')).toHaveAttribute('data-field', 'dst');
  await expect(card.locator('tr[data-field="dst"] td').nth(0)).toHaveText('10.96.10.10:80');
  await expect(card.locator('tr[data-field="dst"] td').nth(1)).toHaveText('10.244.2.10:8080');
  // The LB_DSR rule is documented, its DNAT rewrite inferred (domain.md §8.3): the hop is inferred.
  await expect(page.getByRole('region', { name: 'Current hop' })).toContainText('inferred');
  await expect(page.getByTestId('transcript')).toContainText('Step 3 of');
  // Back one step: no rewrite at the ACL layer.
  await page.keyboard.press('ArrowLeft');
  await expect(currentRow(page)).toHaveAttribute('data-step', '1');
  await expect(card.locator('tr.is-changed')).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(currentRow(page)).toHaveAttribute('data-step', String(n - 1));
  await expect(currentRow(page)).toContainText('deliver');
  await page.keyboard.press('Home');
  await expect(currentRow(page)).toHaveAttribute('data-step', '0');
  // Click a row to jump there.
  await eventRows(page).nth(5).getByRole('button').click();
  await expect(packet(page)).toHaveAttribute('data-step', '5');
  // Verbosity: hops only folds a1's port into one event.
  await page.getByRole('radio', { name: 'Hops' }).check({ force: true });
  expect(await eventRows(page).count()).toBeLessThan(n);
  await page.getByRole('radio', { name: 'Rules' }).check({ force: true });
  await expect(page.locator('.hv-misses').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('plays a VXLAN walk: the header card draws the outer header around the inner one', async ({
  page,
}) => {
  await openTrace(page, 'motion=off&scenario=new-overlay');
  await runPreset(page, 'pod-pod-other-node');
  await focusCanvas(page);
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(currentRow(page)).toContainText('encap');
  await expect(headerCard(page).locator('.hv-encap.has-outer')).toBeVisible();
  await expect(headerCard(page).locator('.hv-outer-head')).toContainText('10.0.0.4 → 10.0.0.5');
  await expect(packet(page)).toHaveClass(/is-encap/);
});

test('play runs to the end by itself; space pauses', async ({ page }) => {
  await openTrace(page);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await runPreset(page, 'pod-pod-same-node');
  const n = await eventRows(page).count();
  await page.getByRole('button', { name: /^Play/ }).click();
  await expect(currentRow(page)).toHaveAttribute('data-step', String(n - 1), { timeout: 15_000 });
  await expect(page.getByRole('button', { name: /^Play/ })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
});

test('reduced motion: steps are instant, the packet never moves', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openTrace(page, 'motion=auto');
  await runPreset(page, 'pod-service');
  await focusCanvas(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  // Instant: arrived at once, never in flight.
  await expect(packet(page)).toHaveAttribute('data-moving', 'false');
  await expect(packet(page)).toHaveAttribute('data-step', '1');
  // The motion toggle overrides it: a step now flies.
  await page.getByRole('combobox', { name: 'Motion' }).selectOption('on');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('0.25');
  await focusCanvas(page);
  await page.keyboard.press('ArrowRight');
  await expect(packet(page)).toHaveAttribute('data-moving', 'true');
  await expect(packet(page)).toHaveAttribute('data-moving', 'false', { timeout: 10_000 });
});
