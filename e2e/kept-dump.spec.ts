/**
 * The copy of the last import kept in this browser: a big one is offered after a reload, never
 * parsed by the page load; a link or design keeps its own view and only offers the dump; a
 * browser that refuses storage tells the user the dump will not be kept.
 */
import { expect, test } from '@playwright/test';
import { syntheticDump } from '../bench/parse-bench';
import {
  dropPrepared,
  expectDumpShown,
  expectKeptCopy,
  openApp,
  paste,
  prepareFile,
  SAMPLE,
} from './import-helpers';
import { collectErrors } from './viewer-api';

// The app's offline service worker would answer the routed test URL with the app shell.
test.use({ serviceWorkers: 'block' });

test('a big kept dump is offered after a reload, and reopens only when asked', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const bytes = Buffer.from(syntheticDump(3, 60, 300), 'utf8');
  await prepareFile(page, bytes, 'node-3mb.json');
  await dropPrepared(page);
  await expectDumpShown(page);
  await expectKeptCopy(page, 'real');

  await page.reload();
  await expect(page.locator('.hv-root[data-state="ready"]')).toBeVisible();
  const offer = page.getByTestId('kept-offer');
  await expect(offer).toContainText('Your last import is kept in this browser: 1 input, 3.');
  await expect(offer).toContainText('MB');
  // The page load drew the default design and parsed nothing.
  await expect(page.getByTestId('dump-status')).toHaveCount(0);
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  await expect(page.locator('.hv-scenario-title')).not.toContainText('Dump:');
  await page.screenshot({ path: 'test-results/kept-offer.png' });

  await offer.getByRole('button', { name: /Reopen last import \(3\.\d MB\)/ }).click();
  await expectDumpShown(page);
  await expect(page.getByTestId('dump-status')).toContainText('restored from this browser');
  await expect(offer).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a design link keeps its own view: the kept dump is only offered; Forget deletes it', async ({
  page,
}) => {
  await openApp(page);
  await paste(page, SAMPLE);
  await expectDumpShown(page);
  await page.goto('/?e2e=1&motion=off&scenario=old-winnat');
  await expect(page.locator('.hv-root[data-state="ready"]')).toBeVisible();
  await expect(page.locator('.hv-root')).toHaveAttribute('data-scenario', 'old-winnat');
  const offer = page.getByTestId('kept-offer');
  await expect(offer).toContainText('1 input');
  await expect(page.getByTestId('dump-status')).toHaveCount(0);
  await offer.getByRole('button', { name: 'Forget it' }).click();
  await expect(offer).toHaveCount(0);
  await page.goto('/?e2e=1&motion=off');
  await expect(page.locator('.hv-root[data-state="ready"]')).toBeVisible();
  await expect(page.getByTestId('dump-status')).toHaveCount(0);
  await expect(page.getByTestId('kept-offer')).toHaveCount(0);
});

test('storage over quota: the dump is shown and the user is told it will not be kept', async ({
  page,
}) => {
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openApp(page);
  await paste(page, SAMPLE);
  await expectDumpShown(page);
  const notice = page.getByTestId('storage-problem');
  await expect(notice).toContainText('This dump will not be kept after a reload');
  await expect(notice).toContainText('storage for the site is full');
  await page.screenshot({ path: 'test-results/storage-problem.png' });
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

test('storage blocked (reading indexedDB throws): the page works and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await openApp(page);
  await paste(page, SAMPLE);
  await expectDumpShown(page);
  await expect(page.getByTestId('storage-problem')).toContainText(
    'does not allow the site to store data here',
  );
});
