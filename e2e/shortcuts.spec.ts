import { expect, test } from '@playwright/test';
import { SHORTCUTS } from '../src/ui/shortcuts';
import { currentRow, eventRows, openTrace } from './trace-helpers';

test('? opens the shortcut sheet: every shortcut listed, focus kept inside, Esc closes', async ({
  page,
}) => {
  await openTrace(page);
  const search = page.getByRole('combobox', { name: 'Search objects' });
  // Typing a question mark in a field is typing, not a shortcut.
  await search.focus();
  await page.keyboard.type('a?');
  await expect(search).toHaveValue('a?');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const svg = page.locator('svg.hnsviz-topology');
  await svg.focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const s of SHORTCUTS) {
    const row = sheet.locator(`tr[data-shortcut="${s.id}"]`);
    await expect(row.locator('kbd')).toHaveText(s.label);
    await expect(row.locator('td')).toHaveText(s.what);
  }
  await expect(sheet.getByRole('table')).toHaveCount(3);
  // Modal: Tab never leaves the sheet.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await sheet.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(svg).toBeFocused();
  // The Close button closes it too.
  await page.keyboard.press('?');
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toHaveCount(0);
});

test('the keys the sheet lists do what it says', async ({ page }) => {
  await openTrace(page);
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('pod-service');
  const current = currentRow(page);
  await expect(eventRows(page).first()).toBeVisible();
  await page.locator('svg.hnsviz-topology').focus();
  await page.keyboard.press('End');
  const last = await eventRows(page).count();
  await expect(current).toHaveAttribute('data-step', String(last - 1));
  await page.keyboard.press('Home');
  await expect(current).toHaveAttribute('data-step', '0');
  await page.keyboard.press('ArrowRight');
  await expect(current).toHaveAttribute('data-step', '1');
  await page.keyboard.press('/');
  await expect(page.getByRole('combobox', { name: 'Search objects' })).toBeFocused();
});
