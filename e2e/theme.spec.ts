import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './viewer-api';
import { fragmentOf, ready } from './share-helpers';

const root = (page: Page) => page.locator('.hv-root').first();
const themeMenu = (page: Page) => page.getByRole('combobox', { name: 'Theme' });

test.describe('the app follows the OS theme', () => {
  test.use({ colorScheme: 'dark' });

  test('dark OS: dark at first, live when the OS changes, until a theme is picked', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.goto('/?scenario=new-l2bridge');
    await ready(page);
    await expect(root(page)).toHaveAttribute('data-theme', 'dark');
    await expect(themeMenu(page)).toHaveValue('system');
    await expect(themeMenu(page).locator('option[value="system"]')).toHaveText('System (dark)');
    // The OS switches to light while the page is open.
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(root(page)).toHaveAttribute('data-theme', 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(root(page)).toHaveAttribute('data-theme', 'dark');
    // An explicit choice sticks: across OS changes and across a reload.
    await themeMenu(page).selectOption('projector');
    await expect(root(page)).toHaveAttribute('data-theme', 'projector');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.reload();
    await ready(page);
    await expect(root(page)).toHaveAttribute('data-theme', 'projector');
    await expect(themeMenu(page)).toHaveValue('projector');
    // "System" is the way back: it follows the OS again, also after a reload.
    await themeMenu(page).selectOption('system');
    await expect(root(page)).toHaveAttribute('data-theme', 'light');
    await page.reload();
    await ready(page);
    await expect(root(page)).toHaveAttribute('data-theme', 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(root(page)).toHaveAttribute('data-theme', 'dark');
    expect(errors).toEqual([]);
  });

  test("the reader's theme wins over a link's and over the address bar's", async ({ page }) => {
    // Following the OS (dark), the address bar records the view with its dark theme…
    await page.goto('/?e2e=1');
    await ready(page);
    await page.evaluate(() => window.__hnsviz?.select('pod:b1'));
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#view=/);
    // …the OS turns light before the next visit: the reload follows the OS, not the URL.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.reload();
    await ready(page);
    await expect(root(page)).toHaveAttribute('data-theme', 'light');
    // A remembered choice outlives a link that carries another theme.
    await themeMenu(page).selectOption('projector');
    const link = fragmentOf({
      format: 'hnsviz.view/1',
      source: { kind: 'scenario', id: 'old-winnat' },
      theme: 'dark',
    });
    await page.goto(`/${link}`);
    await ready(page);
    await expect(root(page)).toHaveAttribute('data-scenario', 'old-winnat');
    await expect(root(page)).toHaveAttribute('data-theme', 'projector');
    // `?theme=` imposes a theme on this page only: the remembered choice is kept.
    await page.goto('/?theme=dark');
    await ready(page);
    await expect(root(page)).toHaveAttribute('data-theme', 'dark');
    await page.goto('/');
    await ready(page);
    await expect(root(page)).toHaveAttribute('data-theme', 'projector');
  });

  test('embeds without a theme follow the OS live; the host attribute wins', async ({ page }) => {
    await page.goto('/embed-demo.html');
    const element = page.locator('#element .hv-root');
    await expect(element).toHaveAttribute('data-state', 'ready');
    await expect(element).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(element).toHaveAttribute('data-theme', 'light');
    await page.evaluate(() => document.getElementById('element')?.setAttribute('theme', 'dark'));
    await expect(element).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.evaluate(() => document.getElementById('element')?.removeAttribute('theme'));
    await expect(element).toHaveAttribute('data-theme', 'light');
  });
});

test('light OS, nothing remembered: light, with "System (light)" selected', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await expect(root(page)).toHaveAttribute('data-theme', 'light');
  await expect(themeMenu(page)).toHaveValue('system');
  await expect(themeMenu(page).locator('option:checked')).toHaveText('System (light)');
});
