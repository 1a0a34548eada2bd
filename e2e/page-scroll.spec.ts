/**
 * The app fills the window and never scrolls as a page: its panels scroll inside. An absolutely
 * positioned screen-reader span inside a scrolling panel whose box was not its containing block
 * escaped the panel and made the page scroll, so End (or the wheel over a panel) moved the whole
 * app out of the window and left it blank; a lesson's list pushed the trace column past the
 * window; the search results ran below it.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dropFiles, openApp } from './import-helpers';

const fixture = (f: string): string =>
  readFileSync(new URL(`../src/cluster/__fixtures__/${f}`, import.meta.url), 'utf8');

/** The page's own scroll size equals the window: nothing overflows the app. */
async function expectNoPageScroll(page: Page, where: string): Promise<void> {
  const size = await page.evaluate(() => {
    const s = document.scrollingElement!;
    return { h: s.scrollHeight - innerHeight, w: s.scrollWidth - innerWidth };
  });
  expect(size, where).toEqual({ h: 0, w: 0 });
}

test.use({ viewport: { width: 1280, height: 720 } });

test('the page never scrolls: trace, End, lessons, a dump, its search results', async ({
  page,
}) => {
  await openApp(page);
  await expectNoPageScroll(page, 'start');
  await page
    .getByRole('form', { name: 'Packet builder' })
    .getByRole('button', { name: 'Trace' })
    .click();
  await expect(page.locator('.hv-verdict[data-verdict]')).toBeVisible();
  await expectNoPageScroll(page, 'traced');
  // End with the focus on the page (not the drawing) scrolled the page to a blank screen.
  await page.locator('body').focus();
  await page.keyboard.press('End');
  expect(await page.evaluate(() => scrollY)).toBe(0);
  await page.getByRole('radio', { name: 'Lessons' }).click();
  await expect(page.locator('.hv-lessons')).toBeVisible();
  await expectNoPageScroll(page, 'lessons');
  await page.getByRole('radio', { name: 'Trace' }).click();
  await dropFiles(page, [
    { name: 'hnsviz-win-a.txt', text: fixture('l2bridge-win-a.txt') },
    { name: 'hnsviz-win-b.txt', text: fixture('l2bridge-win-b-after.txt') },
  ]);
  await expect(page.getByTestId('dump-node')).toHaveCount(2);
  await expectNoPageScroll(page, 'dump tab');
  await page.getByTestId('search').fill('10.244');
  await expect(page.getByTestId('search-results').getByRole('option').first()).toBeVisible();
  await expectNoPageScroll(page, 'search results');
});

test('at 1280 × 720 the trace bar keeps to two lines, one per form, and the drawing the rest', async ({
  page,
}) => {
  await openApp(page);
  const lines = (form: string) =>
    page.evaluate((sel) => {
      const centres = [...document.querySelectorAll(`${sel} > *`)]
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.height > 0)
        .map((r) => r.top + r.height / 2);
      // Items on one line share their centre (the rows align items to the middle).
      return centres.filter((c, i) => centres.findIndex((d) => Math.abs(d - c) < 8) === i).length;
    }, form);
  expect(await lines('.hv-builder')).toBe(1);
  expect(await lines('.hv-playback')).toBe(1);
  const main = (await page.locator('.hv-main').boundingBox())!;
  expect(main.height).toBeGreaterThanOrEqual(400);
});
