/** Readiness signals for e2e: wait on what the page says, never on the clock. */
import { expect, type Page } from '@playwright/test';

/** Two animation frames have been painted (queued tasks, resize observers and effects have run). */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/**
 * The drawing is still: no pan/zoom transition running (`data-zooming`, set by the renderer
 * between a zoom's start and end) and the frames after it painted.
 */
export async function drawingSettled(page: Page): Promise<void> {
  const svgs = page.locator('svg.hnsviz-topology');
  for (const svg of await svgs.all()) await expect(svg).not.toHaveAttribute('data-zooming');
  await nextFrames(page);
  for (const svg of await svgs.all()) await expect(svg).not.toHaveAttribute('data-zooming');
}
