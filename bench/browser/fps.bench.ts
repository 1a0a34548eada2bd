/**
 * Animation frame rate with 300+ endpoints drawn (budget: 60 fps). Loads the reference cluster
 * with 150 extra pods per node, plays a cross-node trace with motion on, and records
 * requestAnimationFrame intervals and long tasks in Chromium. Headless software rendering is
 * slower than a real GPU, so the figure is a lower bound.
 */
import { expect, test } from '@playwright/test';
import { eventRows, openTrace, packet } from '../../e2e/trace-helpers';
import { report } from './budget';

test('frame rate while a trace plays with 300+ endpoints drawn', async ({ page }) => {
  test.setTimeout(60_000);
  await openTrace(page, 'motion=on');
  await page.evaluate(() => window.__hnsviz?.loadScaled(150));
  const endpoints = await page.locator('svg [data-kind="endpoint"]').count();
  expect(endpoints).toBeGreaterThanOrEqual(300);
  await page.evaluate(() => window.__hnsviz?.trace({ from: 'a1', to: 'b1:8080', proto: 'tcp' }));
  await expect(eventRows(page).first()).toBeVisible();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('2');
  await page.getByRole('button', { name: /^Play/ }).click();
  await expect(packet(page)).toHaveAttribute('data-moving', 'true');
  const r = await page.evaluate(async () => {
    const long: number[] = [];
    const obs = new PerformanceObserver((l) =>
      l.getEntries().forEach((e) => long.push(e.duration)),
    );
    obs.observe({ type: 'longtask', buffered: false });
    const times: number[] = [];
    let moving = 0;
    const g = document.querySelector('svg [data-kind="packet"]');
    await new Promise<void>((done) => {
      const t0 = performance.now();
      const frame = (t: number): void => {
        times.push(t);
        if (g?.getAttribute('data-moving') === 'true') moving += 1;
        if (t - t0 < 4000) requestAnimationFrame(frame);
        else done();
      };
      requestAnimationFrame(frame);
    });
    obs.disconnect();
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
    gaps.sort((a, b) => a - b);
    const secs = ((times[times.length - 1] ?? 0) - (times[0] ?? 0)) / 1000;
    return {
      fps: (times.length - 1) / secs,
      median: gaps[Math.floor(gaps.length / 2)] ?? 0,
      p95: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
      worst: gaps[gaps.length - 1] ?? 0,
      movingFrames: moving,
      longTasks: long.length,
      longestTask: long.length ? Math.max(...long) : 0,
    };
  });
  console.log(
    `fps: ${endpoints} endpoints drawn, 4 s of playback: median frame ${r.median.toFixed(1)} ms, ` +
      `p95 ${r.p95.toFixed(1)} ms, worst ${r.worst.toFixed(1)} ms, ${r.movingFrames} frames in flight`,
  );
  report('fps', r.fps, 'fps', { above: 59 });
  report('playbackLongestTaskMs', r.longestTask, 'ms', { below: 50 });
  report('playbackLongTasks', r.longTasks, 'tasks');
  // Functional only: the packet really moved during the measured frames.
  expect(r.movingFrames).toBeGreaterThan(0);
});
