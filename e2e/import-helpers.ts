/** Page helpers for the dump import journeys. */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

export const SAMPLE = readFileSync(
  new URL('../src/dump-import/__fixtures__/collector-sample.txt', import.meta.url),
  'utf8',
);
export const corpusFile = (name: string): string =>
  readFileSync(new URL(`../src/parsers/__fixtures__/corpus/${name}`, import.meta.url), 'utf8');

/** Open the app on the default design, motion off, and wait until it has drawn. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/?e2e=1&motion=off');
  await expect(page.locator('.hv-root[data-state="ready"]')).toBeVisible();
}

/** Paste `text` into the import dialog and import it. */
export async function paste(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: /Import a node/ });
  await expect(dialog).toBeVisible();
  // fill() on a large value is slow: set it in the page and fire React's input event.
  await dialog.getByTestId('paste-area').fill(text);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
}

/** Wait until the dump is drawn (title, status line, drawn endpoints). */
export async function expectDumpShown(page: Page): Promise<void> {
  await expect(page.getByTestId('dump-status')).toContainText('Showing the dump');
  await expect(page.locator('.hv-scenario-title')).toContainText('Dump:');
  await expect(page.locator('svg [data-kind="endpoint"]').first()).toBeVisible();
}

/**
 * Wait until the browser's copy of the last import is as expected: `real` or `scrubbed` (written),
 * or `none` (deleted). The copy is saved after the dump is drawn, so a reload straight after
 * drawing could beat it. Reads the summary the app writes (IndexedDB `hnsviz`, store `dumps`, key
 * `last-summary`, whose `scrubbed` says whether a scrub key was kept).
 */
export async function expectKeptCopy(
  page: Page,
  kept: 'real' | 'scrubbed' | 'none',
): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const req = indexedDB.open('hnsviz', 1);
            req.onerror = () => resolve('none');
            req.onupgradeneeded = () => req.result.createObjectStore('dumps');
            req.onsuccess = () => {
              const db = req.result;
              const get = db
                .transaction('dumps', 'readonly')
                .objectStore('dumps')
                .get('last-summary');
              get.onsuccess = () => {
                db.close();
                const v = get.result as { scrubbed?: boolean } | undefined;
                resolve(v === undefined ? 'none' : v.scrubbed ? 'scrubbed' : 'real');
              };
              get.onerror = () => {
                db.close();
                resolve('none');
              };
            };
          }),
      ),
    )
    .toBe(kept);
}

/** Drop files on the viewer through a DataTransfer built in the page. */
export async function dropFiles(
  page: Page,
  files: { name: string; text: string }[],
): Promise<void> {
  const dt = await page.evaluateHandle((list) => {
    const d = new DataTransfer();
    for (const f of list) d.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    return d;
  }, files);
  await page.dispatchEvent('.hv-root', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('.hv-root', 'drop', { dataTransfer: dt });
}

/**
 * Put a large file into the page as a `File` (fetched from a routed URL, off the main thread),
 * so that measuring the import does not measure Playwright moving the bytes in.
 */
export async function prepareFile(
  page: Page,
  bytes: Buffer,
  name = 'synthetic-20mb.json',
): Promise<void> {
  await page.route(`**/__e2e__/${name}`, (route) =>
    route.fulfill({ body: bytes, contentType: 'application/json' }),
  );
  await page.evaluate(async (n) => {
    const blob = await (await fetch(`/__e2e__/${n}`)).blob();
    (window as unknown as { __file: File }).__file = new File([blob], n, {
      type: 'application/json',
    });
  }, name);
}

/** Drop the prepared file on the viewer. */
export async function dropPrepared(page: Page): Promise<void> {
  await page.evaluate(() => {
    const d = new DataTransfer();
    d.items.add((window as unknown as { __file: File }).__file);
    const root = document.querySelector('.hv-root')!;
    root.dispatchEvent(new DragEvent('drop', { dataTransfer: d, bubbles: true, cancelable: true }));
  });
}
