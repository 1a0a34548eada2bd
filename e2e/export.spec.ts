import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collectErrors, openViewer } from './viewer-api';
import { exportItem, linkView, traceDone, watchCsp } from './share-helpers';

test('SVG export is what is on screen and re-imports to the same view', async ({ page }) => {
  const errors = collectErrors(page);
  await openViewer(page, 'old-winnat');
  await page.evaluate(() => window.__hnsviz?.select('pod:a2'));
  const download = await exportItem(page, 'svg');
  expect(download.suggestedFilename()).toBe('hnsviz-old-winnat.svg');
  const path = await download.path();
  const svg = readFileSync(path, 'utf8');
  expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  const box = await page.locator('svg.hnsviz-topology').boundingBox();
  expect(svg).toContain(`width="${Math.round(box?.width ?? 0)}"`);
  expect(svg).toContain('<metadata id="hnsviz-view-state"');
  expect(svg).not.toContain('class="');
  expect(svg).not.toContain('<script');

  // Back in: a fresh viewer on another design, then the exported file, read by a worker.
  await openViewer(page, 'new-overlay');
  const reader = page.waitForEvent('worker', (w) => w.url().includes('view-file'));
  await page.getByTestId('open-file').setInputFiles(path);
  await reader;
  await expect(page.locator('.hv-root')).toHaveAttribute('data-scenario', 'old-winnat');
  expect((await linkView(page)).selectedId).toBe('pod:a2');
  expect(errors).toEqual([]);
});

test('dropping an exported SVG onto the viewer reopens it', async ({ page }) => {
  await openViewer(page, 'new-l2bridge');
  const svg = readFileSync(await (await exportItem(page, 'svg')).path(), 'utf8');
  await openViewer(page, 'old-winnat');
  const dt = await page.evaluateHandle((text) => {
    const d = new DataTransfer();
    d.items.add(new File([text], 'drawing.svg', { type: 'image/svg+xml' }));
    return d;
  }, svg);
  await page.locator('.hv-main').dispatchEvent('drop', { dataTransfer: dt });
  await expect(page.locator('.hv-root')).toHaveAttribute('data-scenario', 'new-l2bridge');
});

test('PNG export decodes at twice the on-screen size', async ({ page }) => {
  const csp = await watchCsp(page);
  const errors = collectErrors(page);
  await openViewer(page, 'new-overlay');
  const download = await exportItem(page, 'png');
  const png = readFileSync(await download.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  const box = await page.locator('svg.hnsviz-topology').boundingBox();
  expect(png.readUInt32BE(16)).toBe(Math.round((box?.width ?? 0) * 2));
  expect(png.readUInt32BE(20)).toBe(Math.round((box?.height ?? 0) * 2));
  expect(png.length).toBeGreaterThan(20_000); // a drawing, not a blank canvas
  await download.saveAs('test-results/export-new-overlay.png');
  expect(await csp()).toEqual([]);
  expect(errors).toEqual([]);
});

test('trace as text and Markdown, model as JSON, topology as Mermaid', async ({ page }) => {
  await openViewer(page, 'new-l2bridge');
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.locator('[data-export="trace-text"]')).toBeDisabled();
  await page.keyboard.press('Escape');
  await page.evaluate(() =>
    window.__hnsviz?.trace({ from: 'a1', to: '10.96.10.10:80', proto: 'tcp' }),
  );
  await traceDone(page);

  const text = readFileSync(await (await exportItem(page, 'trace-text')).path(), 'utf8');
  expect(text).toContain('Flow: tcp a1 -> 10.96.10.10:80');
  expect(text).toMatch(/Verdict: delivered/);

  const md = readFileSync(await (await exportItem(page, 'trace-md')).path(), 'utf8');
  expect(md).toMatch(/^### hnsviz trace: tcp a1 → 10\.96\.10\.10:80/);
  expect(md).toContain('| # | Phase | Where |');
  expect(md).toContain('```text');

  const model = JSON.parse(
    readFileSync(await (await exportItem(page, 'model')).path(), 'utf8'),
  ) as {
    format: string;
    design: string;
  };
  expect(model).toMatchObject({ format: 'hnsviz.model/1', design: 'new-l2bridge' });

  const mermaid = readFileSync(await (await exportItem(page, 'mermaid')).path(), 'utf8');
  expect(mermaid).toMatch(/^flowchart LR\n/);
  expect(mermaid).toContain('subgraph');
  expect(mermaid).toContain('Pod a1 10.244.1.10');
});

test('a model JSON file re-imports as a dump view', async ({ page }) => {
  await openViewer(page, 'old-winnat');
  const path = await (await exportItem(page, 'model')).path();
  await openViewer(page, 'new-l2bridge');
  await page.getByTestId('open-file').setInputFiles(path);
  await expect.poll(async () => (await linkView(page)).source).toBe('dump');
  await expect(page.locator('svg [data-kind="winnat"]')).toHaveCount(2);
});

test('a view too big for a link is offered as a file, which opens the same view', async ({
  page,
}) => {
  await openViewer(page, 'new-l2bridge');
  const model = JSON.parse(
    readFileSync(await (await exportItem(page, 'model')).path(), 'utf8'),
  ) as {
    pods: Record<string, { labels: Record<string, string> }>;
  };
  // Incompressible label keys make the model far too big for a link when its real names are kept
  // (scrubbing turns each key into a short stand-in, so a scrubbed link would fit).
  let seed = 7;
  const noise = (): string =>
    Array.from({ length: 2000 }, () =>
      ((seed = (seed * 48271) % 2147483647) % 36).toString(36),
    ).join('');
  for (const p of Object.values(model.pods))
    p.labels = Object.fromEntries(Array.from({ length: 8 }, () => [noise(), 'x']));
  await page.getByTestId('open-file').setInputFiles({
    name: 'big.model.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(model)),
  });
  await expect.poll(async () => (await linkView(page)).source).toBe('dump');
  await page.getByRole('button', { name: 'Share / embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share / embed' });
  await dialog.getByRole('checkbox', { name: 'Keep real addresses and names' }).check();
  await expect(dialog.getByTestId('link-too-long')).toContainText('too large for a link');
  await expect(dialog.getByTestId('share-link')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download the view as a file' }).click();
  const file = await (await download).path();
  const saved = JSON.parse(readFileSync(file, 'utf8')) as {
    format: string;
    source: { scrubbed: boolean };
  };
  expect(saved.format).toBe('hnsviz.view/1');
  expect(saved.source.scrubbed).toBe(false);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await openViewer(page, 'old-winnat');
  await page.getByTestId('open-file').setInputFiles(file);
  await expect.poll(async () => (await linkView(page)).source).toBe('dump');
  await expect(page.locator('svg [data-kind="pod"]')).toHaveCount(5);
});
