import { expect, test } from '@playwright/test';
import { collectErrors } from './viewer-api';
import {
  corpusFile,
  dropFiles,
  expectDumpShown,
  expectKeptCopy,
  openApp,
  paste,
  SAMPLE,
} from './import-helpers';
import { shot } from './shots';
import { drawingSettled } from './settle';

test.describe('importing a dump', () => {
  test('paste a dump and see the node drawn, with inputs, lint and derived objects', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await openApp(page);
    await page.getByRole('button', { name: 'Import…' }).click();
    await expect(page.getByTestId('privacy-note')).toContainText('nothing is uploaded');
    const script = await page.request.get(
      (await page.getByTestId('collector-link').getAttribute('href')) ?? '',
    );
    expect(await script.text()).toContain('hnsdiag list all -d');
    await page.keyboard.press('Escape');
    await paste(page, SAMPLE);
    await expectDumpShown(page);
    const svg = page.locator('svg.hnsviz-topology');
    await expect(svg.locator('[data-kind="endpoint"]')).toHaveCount(5);
    await expect(svg.locator('[data-kind="load-balancer"]')).toHaveCount(2);
    await expect(svg.locator('[data-kind="endpoint"][aria-label*="remote endpoint"]')).toHaveCount(
      2,
    );
    await expect(svg.locator('[data-derived="true"]').first()).toBeAttached();
    // The layer vfpctrl listed is drawn as read, the derived ones dashed.
    await expect(
      svg.locator('[data-kind="layer"][data-id$="/layer:ACL_ENDPOINT_LAYER"]:not([data-derived])'),
    ).toHaveCount(1);
    // The object list marks the same objects as derived: a tag, and in the accessible name.
    await page.getByRole('tab', { name: 'Objects' }).click();
    const derivedId = await svg
      .locator('[data-kind="layer"][data-derived="true"]')
      .first()
      .getAttribute('data-id');
    await page.evaluate((id) => window.__hnsviz?.select(id), derivedId);
    const derivedRow = page.getByRole('treeitem', { selected: true });
    await expect(derivedRow).toHaveAttribute('data-key', derivedId ?? '');
    await expect(derivedRow).toHaveAttribute('data-derived', 'true');
    await expect(derivedRow.locator('.hv-derived-tag [aria-hidden="true"]')).toHaveText('derived');
    await expect(derivedRow.locator('.hv-derived-tag')).toBeVisible();
    await expect(derivedRow).toHaveAccessibleName(/\(derived by hnsviz from HNS policies\)$/);
    const readId = await svg
      .locator('[data-kind="layer"][data-id$="/layer:ACL_ENDPOINT_LAYER"]:not([data-derived])')
      .getAttribute('data-id');
    await page.evaluate((id) => window.__hnsviz?.select(id), readId);
    const readRow = page.getByRole('treeitem', { selected: true });
    await expect(readRow).toHaveAttribute('data-key', readId ?? '');
    await expect(readRow).not.toHaveAttribute('data-derived', /.*/);
    await expect(readRow.locator('.hv-derived-tag')).toHaveCount(0);
    await expect(readRow).not.toHaveAccessibleName(/derived/);
    await page.evaluate(() => window.__hnsviz?.select(null));
    await page.getByRole('tab', { name: 'Dump' }).click();
    const inputs = page.getByTestId('dump-inputs');
    await expect(inputs).toContainText('paste');
    await expect(inputs.getByTestId('input-format')).toContainText('json-ps51');
    await expect(inputs).toContainText('pasted text'); // no bytes, no encoding to detect
    await expect(page.getByTestId('lint-panel')).toContainText('Problem');
    await page.locator('svg.hnsviz-topology').evaluate(() => undefined);
    await page.getByRole('button', { name: 'Fit to screen' }).click();
    await drawingSettled(page);
    await page.screenshot({ path: shot('import-node') });
    expect(errors).toEqual([]);
  });

  test('drop several files, and pick several with the file picker', async ({ page }) => {
    await openApp(page);
    await dropFiles(page, [
      { name: 'lbs.txt', text: corpusFile('43-flannel-vxlan-hnsdiag-list-all-with-lbs.txt') },
      { name: 'endpoint.txt', text: corpusFile('30-rke2-calico-endpoint-fl-acl.txt') },
    ]);
    await expectDumpShown(page);
    const inputs = page.getByTestId('dump-inputs');
    await expect(inputs.locator('li')).toHaveCount(2);
    await expect(inputs).toContainText('hnsdiag-table');
    await expect(inputs).toContainText('format-list');
    await expect(page.locator('svg [data-kind="load-balancer"]').first()).toBeVisible();

    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByTestId('dump-files').setInputFiles([
      {
        name: 'a.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(corpusFile('20-flannel-remote-endpoint-pa-json.txt')),
      },
      {
        name: 'b.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(corpusFile('29-antrea-transparent-endpoint-fl.txt')),
      },
      // UTF-16 LE with BOM, what Windows PowerShell's `>` writes.
      {
        name: 'c.txt',
        mimeType: 'text/plain',
        buffer: Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(corpusFile('31-calico-endpoints-trimmed-fl.txt'), 'utf16le'),
        ]),
      },
    ]);
    await expect(inputs.locator('li')).toHaveCount(3);
    await expect(inputs).toContainText('utf-16le');
  });

  test('garbage gives a located message and the previous view stays', async ({ page }) => {
    await openApp(page);
    await paste(page, SAMPLE);
    await expectDumpShown(page);
    const before = await page.locator('svg [data-kind="endpoint"]').count();
    await paste(page, 'hello there\n{{{ this is not HNS ]]]\n');
    const failure = page.getByTestId('import-failure');
    await expect(failure).toBeVisible();
    await expect(failure).toContainText('E_UNKNOWN_FORMAT at paste:1:1');
    await expect(failure).toContainText('Hint:');
    await expect(failure).toContainText('previous view is kept');
    await expect(page.locator('svg [data-kind="endpoint"]')).toHaveCount(before);
    await expect(page.locator('.hv-scenario-title')).toContainText('Dump:');
  });

  test('a reload keeps the import until Clear', async ({ page }) => {
    await openApp(page);
    await paste(page, SAMPLE);
    await expectDumpShown(page);
    await expect(page).not.toHaveURL(/scenario=|#view=/);
    await expectKeptCopy(page, 'real');
    await page.reload();
    await expectDumpShown(page);
    await expect(page.getByTestId('dump-status')).toContainText('restored from this browser');
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(page.locator('.hv-scenario-title')).not.toContainText('Dump:');
    await expectKeptCopy(page, 'none');
    await page.reload();
    await expect(page.locator('.hv-root[data-state="ready"]')).toBeVisible();
    await expect(page.getByTestId('dump-status')).toHaveCount(0);
    await expect(page.locator('.hv-scenario-title')).not.toContainText('Dump:');
  });

  test('Scrub replaces the real addresses on screen, and a reload shows the same scrubbed dump', async ({
    page,
  }) => {
    await openApp(page);
    await paste(page, SAMPLE);
    await expectDumpShown(page);
    const drawing = page.locator('svg.hnsviz-topology');
    await expect(drawing).toContainText('10.244.1.10');
    await page.getByRole('button', { name: 'Scrub', exact: true }).click();
    await expect(page.getByTestId('dump-status')).toContainText('scrubbed');
    await expect(page.getByRole('button', { name: 'Scrub', exact: true })).toBeDisabled();
    await expect(drawing).not.toContainText('10.244.1.10');
    const shown = await drawing.textContent();
    await expectKeptCopy(page, 'scrubbed');
    await page.reload();
    await expectDumpShown(page);
    await expect(page.getByTestId('dump-status')).toContainText('scrubbed');
    await expect(drawing).not.toContainText('10.244.1.10');
    expect(await drawing.textContent()).toBe(shown);
  });

  test('clicking a lint finding highlights its objects in the drawing and the tree', async ({
    page,
  }) => {
    await openApp(page);
    await paste(page, SAMPLE);
    await expectDumpShown(page);
    const finding = page.getByTestId('finding').filter({ hasText: 'allow-all-out' }).first();
    await finding.click();
    await expect(finding).toHaveAttribute('aria-pressed', 'true');
    const ep = 'a1f0c3d2-1b2c-4d3e-8f40-5a6b7c8d9e01';
    await expect(page.locator(`svg [data-id="${ep}"]`)).toHaveClass(/is-selected/);
    await expect(page.locator(`svg [data-id="port:${ep}"]`)).toHaveClass(/is-related/);
    await page.getByRole('tab', { name: 'Dump' }).click();
    await page.getByRole('button', { name: 'Fit to screen' }).click();
    await drawingSettled(page);
    await page.screenshot({ path: shot('lint') });
    await page.getByRole('tab', { name: 'Objects' }).click();
    await expect(page.getByRole('treeitem', { selected: true })).toContainText('10.244.1.10');
  });

  test('trace through the dumped node (its real policies)', async ({ page }) => {
    await openApp(page);
    await paste(page, SAMPLE);
    await expectDumpShown(page);
    const builder = page.getByRole('form', { name: 'Packet builder' });
    await builder.getByRole('combobox', { name: 'From', exact: true }).fill('10.244.1.10');
    await builder.getByRole('combobox', { name: 'To', exact: true }).fill('169.254.169.254');
    await builder.getByRole('textbox', { name: 'Port' }).fill('80');
    await builder.getByRole('button', { name: 'Trace' }).click();
    await expect(page.getByRole('tab', { name: 'Trace' })).toHaveAttribute('aria-selected', 'true');
    const verdict = page.locator('.hv-verdict[data-verdict]');
    await expect(verdict).toHaveAttribute('data-verdict', 'dropped');
    // The rule vfpctrl listed for this port (block-metadata) drops it.
    const events = page.getByRole('list', { name: 'Trace events' });
    await expect(events).toContainText('ACL_ENDPOINT_LAYER · 0EE8DCA1-9AA8-417C-88E0-422CE9E52C01');
    // Another pod, whose layers are derived from its HNS policies: the service VIP is
    // load-balanced by the node's own ELB policy list, then VXLAN-encapsulated.
    await builder.getByRole('combobox', { name: 'From', exact: true }).fill('10.244.1.11');
    await builder.getByRole('combobox', { name: 'To', exact: true }).fill('10.96.10.10');
    await builder.getByRole('button', { name: 'Trace' }).click();
    await expect(events).toContainText('SLB_NAT_LAYER · LB_f0e1d2c3-b4a5-4967-8877-665544332211');
    await expect(events).toContainText('VNET_ENCAP_LAYER');
    // A verdict naming a dump's endpoint (a 64-character id) wraps inside its panel.
    await builder.getByRole('combobox', { name: 'To', exact: true }).fill('10.244.1.10');
    await builder.getByRole('textbox', { name: 'Port' }).fill('80');
    await builder.getByRole('button', { name: 'Trace' }).click();
    await expect(verdict).toContainText(/[0-9a-f]{64}/);
    expect(await verdict.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  });
});
