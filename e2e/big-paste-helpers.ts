/**
 * Pasting ~20 MB into the import box, shared by the journey (e2e/big-paste.spec.ts) and the
 * figures (bench/browser/big-paste.bench.ts): the text is fetched into the page first, so
 * nothing measured includes Playwright moving the bytes in.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { openApp } from './import-helpers';

interface PasteWindow {
  __paste: string;
  __longtasks: number[];
  __progress: { value: number; text: string }[];
}

/** Open the app and the import dialog, with `text` in the page as the clipboard's text. */
export async function openWithClipboard(page: Page, text: string): Promise<Locator> {
  await openApp(page);
  await page.route('**/__e2e__/big-paste.txt', (route) =>
    route.fulfill({ body: text, contentType: 'text/plain' }),
  );
  await page.evaluate(async () => {
    const w = window as unknown as PasteWindow;
    w.__paste = await (await fetch('/__e2e__/big-paste.txt')).text();
  });
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: /Import a node/ });
  await expect(dialog.getByTestId('paste-area')).toBeVisible();
  return dialog;
}

/**
 * Fire the paste event on the import box with the prepared text. Returns the time to build
 * the clipboard data (the harness) and the app's paste handler's own time.
 */
export function dispatchPaste(page: Page): Promise<{ harnessMs: number; handlerMs: number }> {
  return page.evaluate(() => {
    const w = window as unknown as PasteWindow;
    const t0 = performance.now();
    const dt = new DataTransfer();
    dt.setData('text/plain', w.__paste);
    const t1 = performance.now();
    document
      .querySelector('[data-testid="paste-area"]')!
      .dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
      );
    return { harnessMs: Math.round(t1 - t0), handlerMs: Math.round(performance.now() - t1) };
  });
}

/** The dialog shows the paste's size, line count and first line instead of the text. */
export async function expectSummarised(dialog: Locator, text: string): Promise<void> {
  await expect(dialog.getByTestId('paste-summary')).toContainText(/pasted 2\d\.\d MB, \d+k lines/);
  await expect(dialog.getByTestId('paste-area')).toHaveCount(0);
  await expect(dialog.getByTestId('paste-preview')).toContainText(text.split('\n')[0]!.trim());
}

/**
 * Record every value the import's progress bar shows (and its text), as the DOM changes: a
 * mutation observer sees each rendered update, so nothing depends on timing.
 */
export async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as PasteWindow;
    w.__progress = [];
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="import-progress-bar"]');
      const now = bar?.getAttribute('aria-valuenow');
      if (!bar || now === null || now === undefined) return;
      const value = Number(now);
      const text = bar.getAttribute('aria-valuetext') ?? '';
      if (w.__progress.at(-1)?.text !== text) w.__progress.push({ value, text });
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

export function recordedProgress(page: Page): Promise<{ value: number; text: string }[]> {
  return page.evaluate(() => (window as unknown as PasteWindow).__progress);
}

/** Start recording main-thread long tasks (≥ 50 ms, the browser's own threshold). */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as PasteWindow;
    w.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longtasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: false });
  });
}

export function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as PasteWindow).__longtasks);
}

/** Press Import in the dialog and wait until the pasted dump is drawn. */
export async function importPasted(page: Page, dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel import' })).toBeVisible();
  await expect(page.getByTestId('dump-status')).toContainText('Showing the dump', {
    timeout: 90_000,
  });
  await expect(page.getByTestId('dump-inputs')).toContainText('paste');
}
