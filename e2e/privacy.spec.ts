import { readFileSync } from 'node:fs';
import { inflateSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import {
  PLANTED_ADDRESSES,
  PLANTED_WORD,
  plantedInputs,
} from '../src/export/__fixtures__/planted-dump';
import { dropFiles, expectDumpShown, openApp } from './import-helpers';
import { shot } from './shots';

function leaks(text: string): string[] {
  const found = PLANTED_ADDRESSES.filter((a) => text.toLowerCase().includes(a.toLowerCase()));
  const m = PLANTED_WORD.exec(text);
  if (m) found.push(text.slice(Math.max(0, m.index - 30), m.index + 10));
  return found;
}

async function importPlanted(page: Page): Promise<void> {
  await openApp(page);
  await dropFiles(
    page,
    plantedInputs().map((i) => ({ name: i.name, text: i.text ?? '' })),
  );
  await expectDumpShown(page);
}

test('exports of a dump are scrubbed by default, and the choice is shown', async ({ page }) => {
  await importPlanted(page);
  await page.getByRole('button', { name: 'Export' }).click();
  const menu = page.getByRole('menu', { name: 'Export' });
  await expect(menu.getByTestId('export-privacy')).toContainText('Exports are scrubbed');
  await expect(menu.locator('[data-export="svg"]')).toContainText('(scrubbed)');
  await page.screenshot({ path: shot('export-menu-scrubbed') });
  let download = page.waitForEvent('download');
  await menu.locator('[data-export="svg"]').click();
  const scrubbed = readFileSync(await (await download).path(), 'utf8');
  expect(scrubbed).toContain('<metadata id="hnsviz-view-state"');
  expect(leaks(scrubbed)).toEqual([]);

  // Keeping real data is an explicit choice, made each time the menu opens.
  await page.getByRole('button', { name: 'Export' }).click();
  await menu.getByRole('menuitemcheckbox', { name: /Keep real addresses/ }).click();
  await expect(menu.locator('[data-export="svg"]')).toContainText('(real data)');
  download = page.waitForEvent('download');
  await menu.locator('[data-export="svg"]').click();
  expect(readFileSync(await (await download).path(), 'utf8')).toMatch(PLANTED_WORD);
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(menu.locator('[data-export="svg"]')).toContainText('(scrubbed)');
});

test('the share link of a dump is scrubbed by default', async ({ page }) => {
  await importPlanted(page);
  await page.getByRole('button', { name: 'Share / embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share / embed' });
  await expect(dialog.getByTestId('share-privacy')).toContainText('scrubbed');
  await page.screenshot({ path: shot('share-dialog-scrubbed') });
  const link = await dialog.getByTestId('share-link').inputValue();
  const payload = /#view=([A-Za-z0-9_-]+)/.exec(link)?.[1] ?? '';
  const json = new TextDecoder().decode(inflateSync(Buffer.from(payload, 'base64url')));
  expect(json).toContain('"scrubbed":true');
  expect(leaks(json)).toEqual([]);
});
