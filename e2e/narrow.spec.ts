/**
 * A narrow window (a phone, a tablet held upright, a shared link opened beside a docs page):
 * one column — the drawing, then the side panel — and the page scrolls down, never sideways.
 * Beside the 420 px side panel the drawing was 0 px wide at 375 px and the page scrolled 45 px
 * sideways; at 768 px the drawing was 348 × 136 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './import-helpers';

/** Boxes of the app's parts, rounded. */
async function boxes(page: Page) {
  return page.evaluate(() => {
    const box = (sel: string) => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      return { x: Math.round(r.x), y: Math.round(r.y + scrollY), w: Math.round(r.width) };
    };
    const main = document.querySelector('.hv-main')!.getBoundingClientRect();
    return {
      sideways: document.scrollingElement!.scrollWidth - innerWidth,
      width: innerWidth,
      main: { ...box('.hv-main'), h: Math.round(main.height) },
      side: box('.hv-side'),
    };
  });
}

for (const [width, height] of [
  [375, 812],
  [768, 1024],
] as const) {
  test(`${width} px wide: the drawing takes the width, the side panel follows it, nothing sideways`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await openApp(page);
    const b = await boxes(page);
    expect(b.sideways).toBe(0);
    expect(b.main).toMatchObject({ x: 0, w: width });
    expect(b.main.h).toBeGreaterThanOrEqual(300);
    // The side panel below the drawing, as wide as the window.
    expect(b.side).toMatchObject({ x: 0, w: width });
    expect(b.side.y).toBeGreaterThanOrEqual(b.main.y + b.main.h);

    // A trace: its events are in the side panel, reached by scrolling the page down.
    await page
      .getByRole('form', { name: 'Packet builder' })
      .getByRole('button', { name: 'Trace' })
      .click();
    const verdict = page.locator('.hv-verdict[data-verdict]');
    await verdict.scrollIntoViewIfNeeded();
    await expect(verdict).toBeInViewport();
    expect((await boxes(page)).sideways).toBe(0);
    await page.screenshot({ path: `test-results/narrow-${width}.png`, fullPage: true });

    // Dialogs fit the window (a 92vw dialog plus its padding was 12 px wider at 375 px).
    for (const name of [/^Share/, /^Import…/]) {
      await page.getByRole('button', { name }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      const r = (await dialog.boundingBox())!;
      expect(r.x, String(name)).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width, String(name)).toBeLessThanOrEqual(width);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    }
  });
}

test('1024 px and wider keep the drawing beside the side panel, the page fixed', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await openApp(page);
  const b = await boxes(page);
  expect(b.sideways).toBe(0);
  expect(b.side.x).toBe(b.main.w);
  expect(await page.evaluate(() => document.scrollingElement!.scrollHeight - innerHeight)).toBe(0);
});
