import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './viewer-api';
import { eventRows, openTrace } from './trace-helpers';
import { shot } from './shots';

const pod = (page: Page, name: string) =>
  page.locator(`svg [data-kind="pod"][data-name="${name}"]`);
/** The card's drawn lines (small ones are hidden at overview zoom, so read the text content). */
const lines = (page: Page, name: string) =>
  pod(page, name).evaluate((g) => [...g.querySelectorAll('text')].map((t) => t.textContent));

for (const theme of ['light', 'projector']) {
  test(`pod cards list their containers and what they share (${theme})`, async ({ page }) => {
    const errors = collectErrors(page);
    await openTrace(page, `motion=off&scenario=new-l2bridge&theme=${theme}`);
    const a2 = pod(page, 'a2');
    // a2 runs two app containers beside the pause container: one endpoint, one compartment.
    await expect(a2).toHaveAttribute(
      'aria-label',
      /containers pause, web, metrics-sidecar share 1 endpoint and compartment \d+/,
    );
    expect(await lines(page, 'a2')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/pause/),
        '▣ web',
        '3 share 1 endpoint',
        expect.stringMatching(/^compartment \d+$/),
      ]),
    );
    // Zoomed in on the node, the container lines are drawn and stay inside the card.
    await page.screenshot({ path: shot(`pod-cards-new-${theme}`) });
    const zoomIn = page.getByRole('button', { name: 'Zoom in' });
    for (let i = 0; i < 8; i++) {
      const level = await page.evaluate(() => window.__hnsviz?.state().zoomLevel);
      if (level !== 'cluster') break;
      await zoomIn.click();
    }
    await expect(a2.locator('text.line-detail').first()).toBeVisible();
    // Every line stays inside the card.
    const card = (await a2.locator('rect').first().boundingBox())!;
    for (const t of await a2.locator('text').all()) {
      const b = await t.boundingBox();
      if (!b) continue; // hidden at this zoom
      expect(b.y).toBeGreaterThanOrEqual(card.y - 1);
      expect(b.y + b.height).toBeLessThanOrEqual(card.y + card.height + 1);
    }
    // The old design: one container per pod, two endpoints.
    await openTrace(page, `motion=off&scenario=old-winnat&theme=${theme}`);
    await expect(pod(page, 'a2')).toHaveAttribute(
      'aria-label',
      /one container \(a2\) with 2 endpoints/,
    );
    expect(await lines(page, 'a2')).toEqual(
      expect.arrayContaining(['▣ a2', '1 container · 2 endpoints', 'namespace default']),
    );
    await pod(page, 'a2').evaluate((g) => g.scrollIntoView());
    await page.screenshot({ path: shot(`pod-cards-old-${theme}`) });
    expect(errors).toEqual([]);
  });
}

test('the model-name badge is never clipped in a narrow event list', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 800 });
  await openTrace(page, 'motion=off&scenario=new-2017');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('pod-service');
  await expect(eventRows(page).first()).toBeVisible();
  const badges = page.locator('.hv-events .hv-model-name');
  expect(await badges.count()).toBeGreaterThan(0);
  for (const badge of await badges.all()) {
    const rule = badge.locator('xpath=..');
    const inner = await badge.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const p = el.parentElement!.getBoundingClientRect();
      return { right: r.right, parentRight: p.right, width: r.width, scroll: el.scrollWidth };
    });
    expect(inner.width).toBeGreaterThan(0);
    expect(inner.right).toBeLessThanOrEqual(inner.parentRight + 0.5);
    await expect(rule).toBeVisible();
  }
  await page.screenshot({ path: shot('model-name-narrow') });
});
