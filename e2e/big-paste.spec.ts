/**
 * Pasting ~20 MB into the import box: the text is not put into the textarea (that froze the
 * page); the dialog shows its size and first lines, and Import sends it to the parser worker
 * like a file, with progress within the paste (a share of its bytes and its lines read) and a
 * Cancel control. Figures (long tasks) are in bench/browser/big-paste.bench.ts.
 */
import { expect, test } from '@playwright/test';
import { syntheticDump } from '../bench/parse-bench';
import {
  dispatchPaste,
  expectSummarised,
  importPasted,
  openWithClipboard,
  recordedProgress,
  recordProgress,
} from './big-paste-helpers';

test.use({ serviceWorkers: 'block' });

test('a 20 MB paste is summarised, not rendered, and imported in the background with progress', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const text = syntheticDump(20, 300, 5000);
  const dialog = await openWithClipboard(page, text);
  await dispatchPaste(page);
  await expectSummarised(dialog, text);
  await dialog.screenshot({ path: 'test-results/big-paste-dialog.png' });
  await recordProgress(page);
  await importPasted(page, dialog);
  // Progress within the one input: percent, megabytes and lines read, as each update rendered.
  const seen = await recordedProgress(page);
  const inside = seen.filter((p) => p.value > 0 && p.value < 100);
  expect(inside.length, JSON.stringify(seen)).toBeGreaterThan(0);
  expect(inside[0]!.text).toMatch(
    /^Reading pasted text: \d+% — \d+\.\d of 2\d\.\d MB, [\d,]+k? lines$/,
  );
  const values = seen.map((p) => p.value);
  expect(values).toEqual([...values].sort((a, b) => a - b)); // never goes back
  await page.screenshot({ path: 'test-results/big-paste-imported.png' });
});
