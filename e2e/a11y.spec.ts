import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SAMPLE, expectDumpShown, openApp, paste } from './import-helpers';
import { openTrace, runPreset } from './trace-helpers';

/**
 * Automated accessibility checks (axe-core, WCAG 2.x A/AA rules) on the main views: no serious
 * or critical violation. Each failure lists the rule and the offending elements.
 */
async function expectAccessible(page: Page): Promise<void> {
  // These views have no frames, so axe.run in the page sees all of it (`legacyMode`: same-origin
  // frames only). The default runs each frame apart and merges in a new blank page, which made
  // each check 2-3x slower here (6 s against 15 s at load 14) for the same results.
  expect(page.frames()).toHaveLength(1);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .setLegacyMode(true)
    .analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`)
          .join('\n'),
    );
  expect(bad, bad.join('\n')).toEqual([]);
}

for (const theme of ['light', 'dark', 'projector'] as const) {
  test(`viewer (${theme})`, async ({ page }) => {
    await openTrace(page, `motion=off&theme=${theme}`);
    await expectAccessible(page);
  });

  test(`a trace under way (${theme})`, async ({ page }) => {
    await openTrace(page, `motion=off&theme=${theme}`);
    await runPreset(page, 'pod-service');
    await page.locator('svg.hnsviz-topology').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('[aria-current="step"]').first()).toBeVisible();
    await expectAccessible(page);
  });
}

test('compare', async ({ page }) => {
  await openTrace(page);
  await page.getByRole('radio', { name: 'Compare' }).click();
  await expect(page.locator('.hv-root[data-mode="compare"][data-state="ready"]')).toBeVisible();
  await expect(page.getByRole('table').first()).toBeVisible();
  await expectAccessible(page);
});

test('lessons', async ({ page }) => {
  await openTrace(page);
  await page.getByRole('radio', { name: 'Lessons' }).click();
  await expect(page.locator('.hv-root[data-mode="lesson"]')).toBeVisible();
  await expectAccessible(page);
});

test('matrix', async ({ page }) => {
  await openTrace(page);
  await page.getByRole('radio', { name: 'Matrix' }).click();
  await expect(page.locator('.hv-matrix[data-status="done"]')).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page);
});

test('import dialog and an imported dump', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('dialog', { name: /Import a node/ })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await paste(page, SAMPLE);
  await expectDumpShown(page);
  await expectAccessible(page);
});

test('the keyboard-shortcut sheet', async ({ page }) => {
  await openTrace(page, 'motion=off&theme=dark');
  await page.locator('svg.hnsviz-topology').focus();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectAccessible(page);
});

test('a narrow screen (375 px): every control keeps its name', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await openTrace(page, 'motion=off');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toBeVisible();
  if (process.env.HNSVIZ_SCREENSHOTS)
    await page.screenshot({ path: 'test-results/narrow-375.png' });
  await expectAccessible(page);
});
