import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startStaticServer, type StaticServer } from '../src/cli/static-server';

// The built app served from a copy of dist/ by the `hnsviz serve` server, so that the test can
// publish a "new build" (a sw.js with another cache name) while the pages stay open.
let dir = '';
let server: StaticServer;

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hnsviz-sw-'));
  cpSync('dist', dir, {
    recursive: true,
    filter: (src) => !/[/\\]dist[/\\](cli|lib|types)([/\\]|$)|cli\.mjs$/.test(src),
  });
  server = await startStaticServer(dir, 0, '127.0.0.1');
});

test.afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Open the app and wait until the service worker controls the page. */
async function openControlled(page: Page): Promise<void> {
  await page.goto(server.url);
  await expect(page.locator('.hv-root[data-state="ready"]')).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) =>
        navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
      );
  });
}

/** Publish a new build: sw.js changes (its cache name); the browser is asked to look for it. */
async function publishNewVersion(page: Page): Promise<string> {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  const next = 'hnsviz-e2e-next';
  writeFileSync(join(dir, 'sw.js'), sw.replace(/hnsviz-[0-9a-f]{12}/, next));
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg?.update();
  });
  return next;
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

test('a new version waits for the reader: the notice, then Reload switches and reloads once', async ({
  page,
}) => {
  await openControlled(page);
  const [first] = await cacheNames(page);
  await expect(page.getByTestId('update-notice')).toHaveCount(0);
  await page.evaluate(() => {
    (window as { untouched?: boolean }).untouched = true;
  });

  const next = await publishNewVersion(page);
  const notice = page.getByTestId('update-notice');
  await expect(notice).toContainText('A new version of hnsviz is ready');
  // The new worker waits: the page keeps its code and the old worker keeps serving it.
  expect(await page.evaluate(() => (window as { untouched?: boolean }).untouched)).toBe(true);
  expect(
    await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state,
    ),
  ).toBe('installed');
  expect(await cacheNames(page)).toEqual(expect.arrayContaining([first, next]));

  const loaded = page.waitForEvent('load');
  await notice.getByRole('button', { name: 'Reload' }).click();
  await loaded;
  await expect(page.locator('.hv-root[data-state="ready"]')).toBeVisible();
  expect(await page.evaluate(() => (window as { untouched?: boolean }).untouched)).toBeUndefined();
  await expect(page.getByTestId('update-notice')).toHaveCount(0);
  expect(await cacheNames(page)).toEqual([next]);
});

test('another tab that took the update is told so; Later hides the notice', async ({
  context,
  page,
}) => {
  await openControlled(page);
  const other = await context.newPage();
  await openControlled(other);
  await publishNewVersion(page);
  for (const p of [page, other])
    await expect(p.getByTestId('update-notice')).toContainText('A new version');

  const loaded = page.waitForEvent('load');
  await page.getByTestId('update-notice').getByRole('button', { name: 'Reload' }).click();
  await loaded;
  const notice = other.getByTestId('update-notice');
  await expect(notice).toContainText('updated in another tab');
  await notice.getByRole('button', { name: 'Later' }).click();
  await expect(notice).toHaveCount(0);
});
