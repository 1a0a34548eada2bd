/**
 * A view that would not open again is never handed out: the Share dialog says why before
 * sharing (here a dump whose unknown policy holds a list longer than a link or view file may
 * carry), and offers no link, snippet or file.
 */
import { expect, test } from '@playwright/test';
import { EP, longListDump } from '../src/share/__fixtures__/long-list-dump';
import { dropFiles, expectDumpShown, openApp } from './import-helpers';

test('the Share dialog says why a view cannot be shared, before sharing', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [{ name: 'node.json', text: longListDump(100_001) }]);
  await expectDumpShown(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share / embed' });
  const problem = dialog.getByTestId('share-problem');
  await expect(problem).toContainText('This view cannot be shared: it would not open again');
  // Scrubbed by default: the path names the scrubbed key.
  await expect(problem).toContainText(
    /\.policies\[0\]\.raw\.w\d+: 100,001 entries; a link or view file holds at most 100,000 in one list/,
  );
  await page.screenshot({ path: 'test-results/share-refused.png' });
  // Nothing to copy or download, scrubbed or not.
  await expect(dialog.getByTestId('share-link')).toHaveCount(0);
  await expect(dialog.getByTestId('link-too-long')).toHaveCount(0);
  await dialog.getByLabel('Keep real addresses and names').check();
  await expect(problem).toContainText(
    `endpoints["${EP}"].policies[0].raw.Samples: 100,001 entries`,
  );
  await expect(dialog.getByTestId('share-link')).toHaveCount(0);
});

test('at the cap the same dump is shared', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [{ name: 'node.json', text: longListDump(100_000) }]);
  await expectDumpShown(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share / embed' });
  await expect(
    dialog.getByTestId('link-too-long').or(dialog.getByTestId('share-link')),
  ).toBeVisible();
  await expect(dialog.getByTestId('share-problem')).toHaveCount(0);
});
