/**
 * Pasting ~20 MB into the import box: the text is not put into the textarea (that froze the
 * page); the dialog shows its size and first lines, and Import sends it to the parser worker
 * like a file, with progress and a Cancel control. Figures (long tasks) are in
 * bench/browser/big-paste.bench.ts.
 */
import { expect, test } from '@playwright/test';
import { syntheticDump } from '../bench/parse-bench';
import { openApp } from './import-helpers';

test.use({ serviceWorkers: 'block' });

test('a 20 MB paste is summarised, not rendered, and imported in the background', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const text = syntheticDump(20, 300, 5000);
  await openApp(page);
  await page.route('**/__e2e__/big-paste.txt', (route) =>
    route.fulfill({ body: text, contentType: 'text/plain' }),
  );
  // The clipboard's text, fetched into the page before anything is measured.
  await page.evaluate(async () => {
    const w = window as unknown as { __paste: string };
    w.__paste = await (await fetch('/__e2e__/big-paste.txt')).text();
  });
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: /Import a node/ });
  await expect(dialog.getByTestId('paste-area')).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as { __paste: string };
    const dt = new DataTransfer();
    dt.setData('text/plain', w.__paste);
    const area = document.querySelector('[data-testid="paste-area"]')!;
    area.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  });
  const summary = dialog.getByTestId('paste-summary');
  await expect(summary).toContainText(/pasted 2\d\.\d MB, \d+k lines/);
  await expect(dialog.getByTestId('paste-area')).toHaveCount(0);
  await expect(dialog.getByTestId('paste-preview')).toContainText(text.split('\n')[0]!.trim());
  await dialog.screenshot({ path: 'test-results/big-paste-dialog.png' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await expect(page.getByTestId('import-cancel')).toBeVisible();
  await expect(page.getByTestId('dump-status')).toContainText('Showing the dump', {
    timeout: 90_000,
  });
  await expect(page.getByTestId('dump-inputs')).toContainText('paste');
  await page.screenshot({ path: 'test-results/big-paste-imported.png' });
});
