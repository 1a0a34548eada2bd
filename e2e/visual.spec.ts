/**
 * Visual baselines of the main views (`toHaveScreenshot`, checked in next to this file). The
 * page is still when captured: motion off, animations disabled, the drawing settled. Chromium
 * updates may shift anti-aliasing, hence the small tolerance in playwright.config.ts.
 * Refresh after an intended change: `npx playwright test e2e/visual.spec.ts --update-snapshots`.
 */
import { expect, test, type Page } from '@playwright/test';
import { drawingSettled } from './settle';
import { eventRows, focusCanvas } from './trace-helpers';

test.use({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`/?e2e=1&motion=off&${query}`);
  await expect(page.locator('.hv-root[data-state="ready"]')).toBeVisible();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await drawingSettled(page);
}

const shot = { animations: 'disabled', caret: 'hide' } as const;

test('topology, light', async ({ page }) => {
  await open(page, 'scenario=new-l2bridge&theme=light');
  await expect(page).toHaveScreenshot('topology-light.png', shot);
});

test('topology, dark', async ({ page }) => {
  await open(page, 'scenario=old-winnat&theme=dark');
  await expect(page).toHaveScreenshot('topology-dark.png', shot);
});

test('a trace, stepped to its end', async ({ page }) => {
  await open(page, 'scenario=new-overlay&theme=light');
  await page.evaluate(() => window.__hnsviz?.trace({ from: 'a1', to: 'b1:8080', proto: 'tcp' }));
  await expect(eventRows(page).first()).toBeVisible();
  await focusCanvas(page);
  await page.keyboard.press('End');
  await expect(eventRows(page).last()).toHaveAttribute('aria-current', 'step');
  await expect(page.locator('svg [data-kind="packet"]').first()).toHaveAttribute(
    'data-moving',
    'false',
  );
  await drawingSettled(page);
  await expect(page).toHaveScreenshot('trace-end.png', shot);
});
