/** Page helpers for the viewer, typed by the app's own test API (src/embed/test-api.ts). */
import { expect, type Page } from '@playwright/test';
import type { HnsvizTestApi } from '../src/embed/test-api';

export type { HnsvizTestApi };

/** What a shared link must restore: `view()` of the test API. */
export type LinkView = ReturnType<HnsvizTestApi['view']>;

export const DESIGNS = [
  'old-winnat',
  'new-2017',
  'new-l2bridge',
  'new-overlay',
  'new-overlay-nodsr',
] as const;

/** Open the viewer on `scenario` with the test API, and wait until it has drawn. */
export async function openViewer(page: Page, scenario: string): Promise<void> {
  await page.goto(`/?scenario=${scenario}&e2e=1`);
  await expect(page.locator('.hv-root[data-state="ready"]')).toBeVisible();
  await expect(page.locator('.hv-root')).toHaveAttribute('data-scenario', scenario);
}

/** Bounding boxes of the drawn pods, by pod name. */
export async function podBoxes(
  page: Page,
): Promise<Record<string, { x: number; y: number; width: number; height: number }>> {
  const pods = page.locator('svg [data-kind="pod"][data-id]');
  const out: Record<string, { x: number; y: number; width: number; height: number }> = {};
  for (const pod of await pods.all()) {
    const name = await pod.getAttribute('data-name');
    const box = await pod.boundingBox();
    if (name && box) out[name] = box;
  }
  return out;
}

/** Collect console errors and page errors for the whole test. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
