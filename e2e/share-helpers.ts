/** Helpers for the share/embed/export specs. */
import { deflateSync } from 'fflate';
import { expect, type Page } from '@playwright/test';
import type { LinkView } from './viewer-api';

/** A `#view=` fragment holding `value` as JSON, the way the app encodes links. */
export function fragmentOf(value: unknown): string {
  const bytes = deflateSync(new TextEncoder().encode(JSON.stringify(value)), { level: 9 });
  return `#view=${Buffer.from(bytes).toString('base64url')}`;
}

/** Wait for the viewer of `page` to be drawn. */
export async function ready(page: Page): Promise<void> {
  await expect(page.locator('.hv-root[data-state="ready"]').first()).toBeVisible();
}

/** The link-relevant state of the page's viewer (needs `?e2e=1`). */
export async function linkView(page: Page): Promise<LinkView> {
  const v = await page.evaluate(() => window.__hnsviz?.view());
  if (!v) throw new Error('no test API (open the page with ?e2e=1)');
  return v;
}

/** Wait until the trace of the page's viewer is done. */
export async function traceDone(page: Page): Promise<void> {
  await expect.poll(async () => (await linkView(page)).traceStatus).toBe('done');
}

/** Open the Export menu and pick `item` (a `data-export` key); returns the download. */
export async function exportItem(page: Page, item: string) {
  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.locator(`[role="menuitem"][data-export="${item}"]`).click();
  return download;
}

/** Collect CSP violations reported to the page. */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}
