import { expect, test } from '@playwright/test';
import { collectErrors } from './viewer-api';
import { currentRow, eventRows, focusCanvas, openTrace, packet, runPreset } from './trace-helpers';
import { SHOTS } from './shots';

test('animation mid-flight (motion on, paused)', async ({ page }) => {
  await openTrace(page, 'motion=on');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('0.5');
  await runPreset(page, 'pod-service');
  // Jump to a1's uplink (event 8), then play: the packet flies down to the underlay wire.
  await eventRows(page).nth(7).getByRole('button').click();
  await expect(packet(page)).toHaveAttribute('data-at', 'port:win-a:external');
  await page.getByRole('button', { name: /^Play/ }).click();
  await page.waitForFunction(() => {
    const g = document.querySelector('svg [data-kind="packet"]');
    const y = Number(/translate\([^,]+,([^)]+)\)/.exec(g?.getAttribute('transform') ?? '')?.[1]);
    return (
      g?.getAttribute('data-moving') === 'true' && g.getAttribute('data-step') === '8' && y > 1000
    );
  });
  await focusCanvas(page);
  await page.keyboard.press(' '); // pause mid-flight
  await expect(page.getByRole('button', { name: /^Play/ })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(packet(page)).toHaveAttribute('data-moving', 'true');
  await page.screenshot({ path: `${SHOTS}/animation-midflight.png` });
});

test('compare mode shows both designs in lockstep with the summary', async ({ page }) => {
  const errors = collectErrors(page);
  await openTrace(page);
  await page.getByRole('radio', { name: 'Compare' }).click();
  const panes = page.locator('.hv-pane');
  await expect(panes).toHaveCount(2);
  await expect(panes.nth(0)).toHaveAttribute('data-scenario', 'old-winnat');
  await expect(panes.nth(1)).toHaveAttribute('data-scenario', 'new-l2bridge');
  const summary = page.getByRole('region', { name: 'Comparison summary' });
  await expect(summary.locator('tr[data-key="connections"] td')).toHaveText(['2', '1']);
  await expect(summary.locator('tr[data-key="clientIpPreserved"] td')).toHaveText(['no', 'yes']);
  await expect(summary.locator('tr[data-key="endpointsPerPod"]')).toHaveAttribute(
    'data-differs',
    'true',
  );
  await expect(summary.locator('tr[data-key="natPoints"] td').first()).toContainText('kube-proxy');
  await focusCanvas(page);
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(panes.nth(0).locator('.hv-pane-caption')).toHaveAttribute('data-step', '4');
  await expect(panes.nth(1).locator('.hv-pane-caption')).toHaveAttribute('data-step', '4');
  await expect(panes.nth(0).locator('[data-kind="packet"]')).toHaveAttribute('data-step', '4');
  await expect(panes.nth(0).locator('.hv-pane-caption')).toContainText('kube-proxy');
  await expect(panes.nth(1).locator('.hv-pane-caption')).toContainText('VNET_PA_ROUTE_LAYER');
  await expect(page.locator('.hv-events-table tr[aria-current="step"]')).toHaveAttribute(
    'data-step',
    '4',
  );
  await page.screenshot({ path: `${SHOTS}/compare.png` });
  // Any two designs: swap the right one.
  await panes.nth(1).getByRole('combobox').selectOption('new-overlay');
  await expect(panes.nth(1)).toHaveAttribute('data-scenario', 'new-overlay');
  await expect(summary.locator('tr[data-key="connections"] td')).toHaveText(['2', '1']);
  // The same overlay without DSR: the host port's load balancer SNATs to the source VIP.
  await panes.nth(0).getByRole('combobox').selectOption('new-overlay-nodsr');
  await expect(panes.nth(0)).toHaveAttribute('data-scenario', 'new-overlay-nodsr');
  await expect(panes.nth(0).getByRole('combobox')).toContainText('WS2019 · Overlay, no DSR');
  await expect(summary.locator('tr[data-key="clientIpPreserved"] td')).toHaveText(['no', 'yes']);
  await page.screenshot({ path: `${SHOTS}/compare-dsr.png` });
  expect(errors).toEqual([]);
});

test('a lesson played to the end, with predict-the-next-hop feedback', async ({ page }) => {
  await openTrace(page);
  await page.getByRole('radio', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: /Before 2017: a Service call/ }).click();
  await expect(page.locator('.hv-root')).toHaveAttribute('data-scenario', 'old-winnat');
  const lesson = page.locator('.hv-lessons');
  await lesson.getByRole('button', { name: 'Start' }).click();
  await expect(lesson).toContainText('a1 sends from its NAT adapter');
  let guard = 0;
  while (!(await lesson.getByText('Lesson complete.').isVisible()) && guard++ < 12) {
    const predict = lesson.getByRole('button', { name: 'Predict the next hop' });
    if (await predict.isVisible()) {
      await predict.click();
      const group = lesson.locator('.hv-checkpoint');
      await group.getByRole('button').first().click();
      await expect(group.locator('.hv-feedback')).toHaveAttribute('data-correct', /true|false/);
      await group.getByRole('button', { name: 'Show the hop' }).click();
    } else await lesson.getByRole('button', { name: 'Next' }).click();
    await expect(currentRow(page)).toBeVisible();
  }
  await expect(lesson.getByText('Lesson complete.')).toBeVisible();
  await expect(currentRow(page)).toContainText('deliver');
  await expect(lesson.getByRole('button', { name: 'Next lesson' })).toBeVisible();
});

test('projector theme: large type, high contrast', async ({ page }) => {
  await openTrace(page, 'motion=off&theme=projector');
  await expect(page.locator('.hv-root')).toHaveAttribute('data-theme', 'projector');
  await runPreset(page, 'pod-service');
  await focusCanvas(page);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(eventRows(page).first()).toBeVisible();
  const size = await page.locator('.hv-root').evaluate((el) => getComputedStyle(el).fontSize);
  expect(parseFloat(size)).toBeGreaterThanOrEqual(19);
  await page.screenshot({ path: `${SHOTS}/projector.png` });
});
