/**
 * Page helpers for the viewer. The `window.__hnsviz` type mirrors src/embed/test-api.ts (the
 * e2e project cannot import app code); keep the two in step.
 */
import { expect, type Page } from '@playwright/test';

export interface HnsvizTestApi {
  readonly version: 1;
  state(): {
    scenarioId: string | null;
    selectedId: string | null;
    expandedPortId: string | null;
    zoomLevel: string;
  };
  select(id: string | null): void;
  setScenario(id: string): void;
  podEndpointIds(podName: string): string[];
  kindOf(id: string): string | null;
  view(): LinkView;
  trace(req: { from: string; to: string; proto?: 'tcp' | 'udp' | 'icmp' } | null): void;
  setStep(step: number): void;
  setTheme(theme: 'light' | 'dark' | 'projector'): void;
  loadScaled(extraPerNode: number): void;
}

/** What a shared link must restore (mirrors `view()` in src/embed/test-api.ts). */
export interface LinkView {
  scenarioId: string | null;
  selectedId: string | null;
  trace: { from: string; to: string; proto?: string } | null;
  traceStatus: string;
  verdict: string | null;
  step: number;
  theme: string;
  verbosity: string;
  compare: { left: string; right: string } | null;
  viewCentre: { x: number; y: number; k: number } | null;
  linkNotice: string | null;
  source: 'scenario' | 'dump' | null;
}

declare global {
  interface Window {
    __hnsviz?: HnsvizTestApi;
  }
}

export const DESIGNS = ['old-winnat', 'new-l2bridge', 'new-overlay'] as const;

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
