import { expect, test, type Page } from '@playwright/test';
import { collectErrors, DESIGNS, podBoxes } from './viewer-api';
import { drawingSettled } from './settle';

/** Labels that must be readable from the back of a room (first line unless `nth` says). */
const KEY_LABELS = {
  'kube-proxy': 'svg [data-kind="kube-proxy"] text',
  underlay: 'svg [data-id="wire:underlay"] text',
  'external host, role and address': 'svg [data-kind="external"] text:not(:first-of-type)',
  'physical NIC (adapter · port)':
    'svg [data-kind="port"][data-name="ExternalPort"] text:first-of-type',
  'physical NIC caption': 'svg text.caption',
  'pod IP': 'svg [data-kind="pod"] text:nth-of-type(2)',
} as const;

/** Smallest font size (screen px) of a key label in the fitted drawing at 1400×900. */
const MIN_PX = 10;

interface Measured {
  /** Smallest rendered font size (CSS px on screen) of the visible matches. */
  readonly px: number;
  /** Visible matches whose text sticks out of their object's shape. */
  readonly overflowing: readonly string[];
}

async function open(page: Page, scenario: string, theme: string): Promise<void> {
  await page.goto(`/?e2e=1&scenario=${scenario}&theme=${theme}`);
  await expect(page.locator('.hv-root[data-state="ready"]')).toBeVisible();
  await expect(page.locator('.hv-root')).toHaveAttribute('data-theme', theme);
  await drawingSettled(page);
}

async function measure(page: Page, selector: string): Promise<Measured> {
  return page.evaluate((sel) => {
    const els = [...document.querySelectorAll<SVGTextElement>(sel)].filter(
      (el) => getComputedStyle(el).display !== 'none',
    );
    let px = Infinity;
    const overflowing: string[] = [];
    for (const el of els) {
      const m = el.getScreenCTM();
      if (!m) continue;
      px = Math.min(px, parseFloat(getComputedStyle(el).fontSize) * Math.hypot(m.a, m.b));
      const shape = el.parentElement?.querySelector(':scope > rect.shape');
      // (A wire's label runs beside the wire, not inside it.)
      if (!(shape instanceof SVGRectElement) || el.parentElement?.dataset.kind === 'wire') continue;
      const b = el.getBBox();
      const w = shape.width.baseVal.value;
      const h = shape.height.baseVal.value;
      if (b.x < -1 || b.x + b.width > w + 1 || b.y < -1 || b.y + b.height > h + 2)
        overflowing.push(el.textContent ?? '');
    }
    return { px: els.length ? px : 0, overflowing };
  }, selector);
}

test.describe('projector theme', () => {
  test.use({ viewport: { width: 1400, height: 900 } });

  for (const design of DESIGNS) {
    test(`${design}: key labels are big when fitted, bigger than in the light theme, inside their boxes`, async ({
      page,
    }) => {
      const errors = collectErrors(page);
      await open(page, design, 'light');
      const light: Record<string, Measured> = {};
      for (const [name, sel] of Object.entries(KEY_LABELS)) light[name] = await measure(page, sel);
      await open(page, design, 'projector');
      await expect(page.locator('svg.hnsviz-topology')).toHaveAttribute('data-text-scale', /.+/);
      for (const [name, sel] of Object.entries(KEY_LABELS)) {
        const big = await measure(page, sel);
        expect(big.px, `${name}: rendered font size`).toBeGreaterThanOrEqual(MIN_PX);
        // (Pod IPs fill their pod's width in both themes: as big, not bigger.)
        if (name !== 'pod IP')
          expect(big.px, `${name}: vs light ${light[name]?.px}`).toBeGreaterThan(
            (light[name]?.px ?? 0) * 1.2,
          );
        expect(big.overflowing, name).toEqual([]);
      }
      // The underlay's label stops short of the wires down to the external hosts.
      const label = await page.locator(KEY_LABELS.underlay).boundingBox();
      for (const wire of await page.locator('svg [data-kind="wire"][data-id^="wire:"]').all()) {
        const b = await wire.boundingBox();
        const id = (await wire.getAttribute('data-id')) ?? '';
        if (!b || !label || id === 'wire:underlay' || b.y < label.y - 40) continue;
        expect(b.x > label.x + label.width || b.x + b.width < label.x, id).toBe(true);
      }
      // Endpoint IPs in full-width chips (one endpoint per pod: the new designs).
      if (design !== 'old-winnat') {
        const ips = await measure(page, 'svg [data-kind="endpoint"] text:first-of-type');
        expect(ips.px).toBeGreaterThanOrEqual(MIN_PX);
        expect(ips.overflowing).toEqual([]);
      }
      expect(errors).toEqual([]);
    });
  }

  test('switching designs keeps every pod in place (projector layout)', async ({ page }) => {
    await open(page, 'new-l2bridge', 'projector');
    const before = await podBoxes(page);
    expect(Object.keys(before)).toHaveLength(5);
    for (const design of ['old-winnat', 'new-overlay']) {
      await page.locator(`.hv-switcher [data-scenario="${design}"]`).click();
      await expect(page.locator('.hv-root')).toHaveAttribute('data-scenario', design);
      expect(await podBoxes(page)).toEqual(before);
    }
  });

  test('switching the theme lays the drawing out again, and back', async ({ page }) => {
    await open(page, 'old-winnat', 'light');
    const svg = page.locator('svg.hnsviz-topology');
    await expect(svg).not.toHaveAttribute('data-text-scale', /.*/);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('projector');
    await expect(svg).toHaveAttribute('data-text-scale', '1.75');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
    await expect(svg).not.toHaveAttribute('data-text-scale', /.*/);
  });
});

/** Header controls: none leaves the window or overlaps another; at most two rows where asked. */
async function headerBoxes(page: Page) {
  return page
    .locator('.hv-header')
    .locator('h1, button, select, .hv-scenario-title')
    .evaluateAll((els) =>
      els
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => {
          const r = e.getBoundingClientRect();
          return { name: e.textContent?.trim() ?? '', x: r.x, y: r.y, w: r.width, h: r.height };
        }),
    );
}

for (const [width, theme, oneRow] of [
  [1280, 'light', true],
  [1400, 'light', true],
  [1920, 'light', true],
  [1280, 'projector', false],
  [1400, 'projector', true],
  [1920, 'projector', true],
] as const) {
  test(`header at ${width} px (${theme}): nothing overlaps or leaves the window${oneRow ? ', at most two rows' : ''}`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await open(page, 'old-winnat', theme);
    const boxes = await headerBoxes(page);
    expect(boxes.length).toBeGreaterThan(8);
    for (const b of boxes) expect(b.x + b.w, b.name).toBeLessThanOrEqual(width);
    const controls = boxes.filter((b) => b.w > 1 && b.h > 1); // (not the visually hidden)
    for (const a of controls)
      for (const b of controls) {
        if (a === b) continue;
        const apart = a.x + a.w <= b.x + 0.5 || b.x + b.w <= a.x + 0.5;
        const stacked = a.y + a.h <= b.y + 0.5 || b.y + b.h <= a.y + 0.5;
        const nested = a.x >= b.x && a.x + a.w <= b.x + b.w && a.y >= b.y;
        if (!nested) expect(apart || stacked, `${a.name} / ${b.name}`).toBe(true);
      }
    // The design switch's labels stay on one line each.
    const radios = page.getByRole('radiogroup', { name: 'Design' }).getByRole('radio');
    const heights = await radios.evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect().height),
    );
    for (const h of heights) expect(h).toBeLessThan(48);
    if (oneRow) {
      // Four designs and four modes no longer fit one row; two rows of controls is the promise now.
      const header = await page.locator('.hv-header').boundingBox();
      expect(header?.height ?? 0).toBeLessThan(124);
    }
  });
}
