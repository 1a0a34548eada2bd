/** Page helpers for the trace, compare and lesson journeys. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Open the viewer (motion off unless asked) and wait until it has drawn. */
export async function openTrace(page: Page, query = 'motion=off'): Promise<void> {
  await page.goto(`/?e2e=1&${query}`);
  await expect(page.locator('.hv-root[data-state="ready"]')).toBeVisible();
}

/** Pick a builder preset by its id and wait for the event list. */
export async function runPreset(page: Page, presetId: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Preset' }).selectOption(presetId);
  await expect(eventRows(page).first()).toBeVisible();
}

export const eventRows = (page: Page): Locator =>
  page.getByRole('list', { name: 'Trace events' }).locator(':scope > li');

export const currentRow = (page: Page): Locator =>
  page.getByRole('list', { name: 'Trace events' }).locator(':scope > li[aria-current="step"]');

export const packet = (page: Page): Locator => page.locator('svg [data-kind="packet"]').first();

export const headerCard = (page: Page): Locator =>
  page.getByRole('region', { name: 'Packet header' });

/** Focus the drawing so the playback keys go to this viewer. */
export async function focusCanvas(page: Page): Promise<void> {
  await page.locator('svg.hnsviz-topology').first().focus();
}
