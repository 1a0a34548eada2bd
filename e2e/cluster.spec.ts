/** Several nodes' dumps at once: attribution and reassignment, a cross-node trace. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dropFiles, openApp } from './import-helpers';
import { shot } from './shots';

const fixture = (f: string): string =>
  readFileSync(new URL(`../src/cluster/__fixtures__/${f}`, import.meta.url), 'utf8');

async function expectCluster(page: Page, nodes: number): Promise<void> {
  await expect(page.getByTestId('dump-status')).toContainText('Showing the dump');
  await expect(page.getByTestId('dump-node')).toHaveCount(nodes);
  await expect(page.locator('svg [data-kind="endpoint"]').first()).toBeVisible();
}

test.describe('a cluster from its nodes’ dumps', () => {
  test('two collector files import as two nodes; an input can be moved and moved back', async ({
    page,
  }) => {
    await openApp(page);
    await dropFiles(page, [
      { name: 'hnsviz-win-a.txt', text: fixture('l2bridge-win-a.txt') },
      { name: 'hnsviz-win-b.txt', text: fixture('l2bridge-win-b.txt') },
    ]);
    await expectCluster(page, 2);
    await expect(page.locator('.hv-scenario-title')).toContainText('Cluster: WIN-A, WIN-B');
    const nodes = page.getByTestId('dump-nodes');
    await expect(nodes.getByTestId('node-evidence').first()).toContainText(
      'collector header: on WIN-A',
    );
    await expect(page.getByTestId('stitch-summary')).toContainText('3 linked');
    // Both nodes are drawn, each with its own vSwitch.
    await expect(page.locator('svg [data-kind="node"]')).toHaveCount(2);
    await page.getByRole('button', { name: 'Fit to screen' }).click();
    await page.screenshot({ path: shot('cluster-import') });

    // Move WIN-B's file onto WIN-A: one node; then give it a node of its own again.
    const b = nodes.locator('[data-input="hnsviz-win-b.txt"]');
    await b.getByTestId('reassign').selectOption({ label: 'WIN-A' });
    await expectCluster(page, 1);
    await expect(page.getByTestId('diagnostics')).toContainText('points at another node');
    await nodes
      .locator('[data-input="hnsviz-win-b.txt"]')
      .getByTestId('reassign')
      .selectOption({ label: 'a node of its own' });
    await expectCluster(page, 2);
  });

  test('a pod on WIN-A reaches kube-dns on WIN-B through both nodes’ rules', async ({ page }) => {
    await openApp(page);
    await dropFiles(page, [
      { name: 'hnsviz-win-a.txt', text: fixture('overlay-win-a.txt') },
      { name: 'hnsviz-win-b.txt', text: fixture('overlay-win-b.txt') },
    ]);
    await expectCluster(page, 2);
    const builder = page.getByRole('form', { name: 'Packet builder' });
    await builder.getByRole('combobox', { name: 'From', exact: true }).fill('10.244.1.10');
    await builder.getByRole('combobox', { name: 'To', exact: true }).fill('10.96.0.10');
    await builder.getByRole('textbox', { name: 'Port' }).fill('53');
    await builder.getByRole('combobox', { name: 'Protocol' }).selectOption('udp');
    await builder.getByRole('button', { name: 'Trace' }).click();
    const verdict = page.locator('.hv-verdict[data-verdict]');
    await expect(verdict).toHaveAttribute('data-verdict', 'delivered');
    const events = page.getByRole('list', { name: 'Trace events' });
    await expect(events).toContainText('WIN-A');
    await expect(events).toContainText('WIN-B');
    await expect(events).toContainText('VNET_ENCAP_LAYER');
    await page.screenshot({ path: shot('cluster-trace') });
  });
});
