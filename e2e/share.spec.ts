import { expect, test } from '@playwright/test';
import { collectErrors } from './viewer-api';
import { fragmentOf, linkView, ready, traceDone } from './share-helpers';

test('a copied link opens exactly the same view in a new page', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = collectErrors(page);
  await page.goto('/?e2e=1');
  await ready(page);
  // Change the state the way a docs author would.
  await page.getByRole('radio', { name: 'Old · WS2016' }).click();
  await expect(page.locator('.hv-root')).toHaveAttribute('data-scenario', 'old-winnat');
  await page.evaluate(() => window.__hnsviz?.select('pod:b1'));
  await page.locator('svg.hnsviz-topology').press('+');
  await page.evaluate(() => window.__hnsviz?.setTheme('dark'));
  await page.evaluate(() =>
    window.__hnsviz?.trace({ from: 'a1', to: '10.96.10.10:80', proto: 'tcp' }),
  );
  await traceDone(page);
  await page.evaluate(() => window.__hnsviz?.setStep(3));
  await expect.poll(async () => (await linkView(page)).step).toBe(3);
  const before = await linkView(page);
  expect(before.viewCentre).not.toBeNull();

  await page.getByRole('button', { name: 'Share / embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share / embed' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('button', { name: 'Copy link' })).toHaveText('Copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(await dialog.getByTestId('share-link').inputValue());
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#view=[\w-]+$/);
  await expect(dialog.getByTestId('share-iframe')).toHaveValue(/<iframe src="[^"]*\?embed=1#view=/);
  await expect(dialog.getByTestId('share-element')).toHaveValue(
    /<hns-viz scenario="old-winnat" from="a1" to="10\.96\.10\.10:80\/tcp" step="3" theme="dark" selected="pod:b1">/,
  );
  // The address bar follows the state too.
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#view=/);

  const other = await context.newPage();
  const otherErrors = collectErrors(other);
  await other.goto(link.replace('/#', '/?e2e=1#'));
  await ready(other);
  await traceDone(other);
  await expect.poll(async () => (await linkView(other)).step).toBe(3);
  const after = await linkView(other);
  // Everything but the theme: in the app the theme is the reader's own (here the OS's light).
  expect(before.theme).toBe('dark');
  expect(after.theme).toBe('light');
  expect({ ...after, viewCentre: null }).toEqual({ ...before, viewCentre: null, theme: 'light' });
  expect(after.viewCentre?.k).toBeCloseTo(before.viewCentre?.k ?? 0, 3);
  expect(after.viewCentre?.x).toBeCloseTo(before.viewCentre?.x ?? 0, 0);
  expect(after.viewCentre?.y).toBeCloseTo(before.viewCentre?.y ?? 0, 0);
  await expect(other.locator('svg [data-id="pod:b1"]')).toHaveClass(/is-selected/);
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});

test('a link pasted into the same tab is followed', async ({ page }) => {
  await page.goto('/?e2e=1');
  await ready(page);
  const link = fragmentOf({
    format: 'hnsviz.view/1',
    source: { kind: 'scenario', id: 'new-overlay' },
    selected: 'pod:b2',
  });
  await page.evaluate((h) => (window.location.hash = h), link);
  await expect(page.locator('.hv-root')).toHaveAttribute('data-scenario', 'new-overlay');
  expect((await linkView(page)).selectedId).toBe('pod:b2');
  // A bad one pasted later: a message, and the view stays usable.
  await page.evaluate(() => (window.location.hash = '#view=nonsense!'));
  await expect(page.getByTestId('link-notice')).toContainText('damaged');
});
