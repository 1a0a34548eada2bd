import { expect, test } from '@playwright/test';

test('the built app works with no network after the first visit', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.locator('.hv-root[data-state="ready"]')).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) =>
        navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
      );
  });
  await context.setOffline(true);
  await page.goto('/?embed=1&scenario=old-winnat');
  await expect(page.locator('.hv-root[data-state="ready"]')).toBeVisible();
  await expect(page.locator('.hv-root')).toHaveAttribute('data-scenario', 'old-winnat');
  // The engine worker comes from the cache too: a trace runs offline.
  await page.goto('/?e2e=1');
  await expect(page.locator('.hv-root[data-state="ready"]')).toBeVisible();
  await page.evaluate(() =>
    window.__hnsviz?.trace({ from: 'a1', to: '10.96.10.10:80', proto: 'tcp' }),
  );
  await expect.poll(() => page.evaluate(() => window.__hnsviz?.view().traceStatus)).toBe('done');
  await context.setOffline(false);
});
