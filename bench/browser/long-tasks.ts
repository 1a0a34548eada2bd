/**
 * Main-thread long tasks and long-animation-frame scripts in the page, for the browser benches:
 * `recordLongTasks` starts a fresh record (the observers are installed once per page), and
 * `reportLongTasks` waits for two painted frames, then prints the phase's time, its longest
 * task and its longest script against the 50 ms budget. Printed, never asserted.
 */
import type { Page } from '@playwright/test';
import { report } from './budget';

interface LongTaskWindow {
  __longtasks: number[];
  __scripts: number[];
  __observing?: boolean;
}

/** Start recording long tasks and long-animation-frame scripts afresh. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as LongTaskWindow;
    w.__longtasks = [];
    w.__scripts = [];
    if (w.__observing) return;
    w.__observing = true;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longtasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: false });
    // Finer: the longest script in any long animation frame (longtask only reports ≥ 50 ms).
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { scripts: { duration: number }[] }[])
        for (const sc of e.scripts) w.__scripts.push(Math.round(sc.duration));
    }).observe({ type: 'long-animation-frame', buffered: false });
  });
}

/**
 * Wait until the page shows the dump: its status line says "Showing the dump" and at least
 * `nodes` nodes (or, without it, a node) are drawn, the whole drawing (`data-drawing` on the
 * canvas says `complete`). Checked in the page every 250 ms by one
 * `querySelector`: the test runner's own polling (`expect(locator)`) runs heavier scripts in the
 * page, and on a drawing of 35,000 objects they were long tasks of their own (60–280 ms of
 * style reads and accessibility snapshots) counted against the app.
 */
export async function waitForDump(page: Page, nodes?: number, timeout = 400_000): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const status = document.querySelector('[data-testid="dump-status"]');
      if (!status?.textContent?.includes('Showing the dump')) return false;
      // The progressive drawing has drawn its last part.
      if (!document.querySelector('svg[data-drawing="complete"]')) return false;
      if (n === null) return document.querySelector('svg [data-kind="node"]') !== null;
      return document.querySelectorAll('svg [data-kind="node"]').length === n;
    },
    nodes ?? null,
    { polling: 250, timeout },
  );
}

/** Two painted frames (tasks the phase queued have run), then `<key>Ms`, `…LongestTaskMs`, `…LongestScriptMs`. */
export async function reportLongTasks(
  page: Page,
  key: string,
  ms: number,
  what: string = key,
): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
  const { tasks, scripts } = await page.evaluate(() => {
    const w = window as unknown as LongTaskWindow;
    return { tasks: w.__longtasks, scripts: w.__scripts };
  });
  console.log(`${what}: long tasks ${tasks.join(', ') || 'none'}`);
  report(`${key}Ms`, ms, 'ms');
  report(`${key}LongestTaskMs`, Math.max(0, ...tasks), 'ms', { below: 50 });
  report(`${key}LongestScriptMs`, Math.max(0, ...scripts), 'ms', { below: 50 });
}
