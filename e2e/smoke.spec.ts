import { expect, test } from '@playwright/test';

test('loads the app shell', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page).toHaveTitle('hnsviz');
  await expect(page.getByRole('heading', { level: 1, name: 'hnsviz' })).toBeVisible();
  expect(errors).toEqual([]);
});
