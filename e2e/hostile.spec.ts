import { expect, test, type Page } from '@playwright/test';
import { buildScenario } from '../src/scenarios/index';
import { collectErrors } from './viewer-api';
import { fragmentOf, linkView, ready, watchCsp } from './share-helpers';

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

/** Nothing ran, nothing was injected, and the default view is shown. */
async function expectUnharmed(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  await expect(page.locator('.hv-root img, .hv-root script')).toHaveCount(0);
}

const hostileLinks: [string, string, RegExp][] = [
  ['markup instead of a payload', `#view=${encodeURIComponent(XSS)}`, /damaged/],
  ['random base64', '#view=AAAAAAAAAAAAAAAAAAAAAAAA', /damaged/],
  [
    'markup as a scenario id',
    fragmentOf({ format: 'hnsviz.view/1', source: { kind: 'scenario', id: XSS } }),
    /source\.id/,
  ],
  [
    'an unknown scenario',
    fragmentOf({ format: 'hnsviz.view/1', source: { kind: 'scenario', id: 'evil-corp' } }),
    /unknown scenario/,
  ],
  [
    'a prototype-polluting object',
    fragmentOf(
      JSON.parse(
        '{"format":"hnsviz.view/1","source":{"kind":"scenario","id":"nope"},"__proto__":{"polluted":1}}',
      ),
    ),
    /unknown scenario/,
  ],
  [
    'a model with dangling references',
    fragmentOf({
      format: 'hnsviz.view/1',
      source: {
        kind: 'dump',
        scrubbed: false,
        topology: { ...buildScenario('old-winnat'), nodeIds: ['node:nowhere'] },
      },
    }),
    /the model/,
  ],
];

for (const [name, hash, why] of hostileLinks) {
  test(`a hostile link (${name}) shows a clear message and the default view`, async ({ page }) => {
    const csp = await watchCsp(page);
    const errors = collectErrors(page);
    await page.goto(`/?e2e=1${hash}`);
    await ready(page);
    const notice = page.getByTestId('link-notice');
    await expect(notice).toContainText('This link could not be opened');
    await expect(notice).toContainText(why);
    await expect(notice).toContainText('Showing the default view');
    await expect(page.locator('.hv-root')).toHaveAttribute('data-scenario', 'new-l2bridge');
    await expectUnharmed(page);
    expect(await csp()).toEqual([]);
    expect(errors).toEqual([]);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
  });
}

test('a too-long link says so and suggests the file', async ({ page }) => {
  await page.goto(`/?e2e=1#view=${'A'.repeat(20_000)}`);
  await ready(page);
  await expect(page.getByTestId('link-notice')).toContainText(
    /holds 20,000 characters of state; the limit is 16,384 \(ask for the state file instead\)/,
  );
  await expect(page.locator('.hv-root')).toHaveAttribute('data-scenario', 'new-l2bridge');
});

test('a hostile dump in a link is drawn as inert text', async ({ page }) => {
  const csp = await watchCsp(page);
  const errors = collectErrors(page);
  const t = buildScenario('old-winnat');
  const pods = Object.fromEntries(
    Object.entries(t.pods).map(([id, p]) => [id, p.name === 'a1' ? { ...p, name: XSS } : p]),
  );
  const nodes = Object.fromEntries(
    Object.entries(t.nodes).map(([id, n]) => [
      id,
      { ...n, name: `${n.name}<b onmouseover=alert(1)>` },
    ]),
  );
  const hostile = { ...t, title: XSS, pods, nodes };
  await page.goto(
    `/?e2e=1${fragmentOf({ format: 'hnsviz.view/1', source: { kind: 'dump', topology: hostile, scrubbed: false }, selected: 'pod:a1' })}`,
  );
  await ready(page);
  expect((await linkView(page)).source).toBe('dump');
  await expect(page.locator('.hv-root')).toHaveAttribute('data-scenario', '');
  const pod = page.locator('svg [data-kind="pod"][data-id="pod:a1"]');
  await expect(pod).toHaveAttribute('data-name', XSS);
  await expect(pod.locator('text').first()).toContainText('<img');
  await expect(page.locator('.hv-inspector')).toContainText('<img src=x');
  await expectUnharmed(page);
  await expect(page.locator('b[onmouseover]')).toHaveCount(0);
  expect(await csp()).toEqual([]);
  expect(errors).toEqual([]);
});
