// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { CULL_FROM } from './cull';
import { createTopologyRenderer } from './topology-renderer';
import { gridLayout, mount } from './grid.test-helper';

describe('a big drawing is drawn for the view', () => {
  const layout = gridLayout(CULL_FROM * 2);
  const objects = (svg: SVGSVGElement): number => svg.querySelectorAll('g.obj').length;

  it('fitted, draws its small objects as outlines; zoomed in, the objects in view', async () => {
    const svg = mount();
    const r = createTopologyRenderer(svg, { onSelect: vi.fn(), onHover: vi.fn() });
    r.update({ layout, detail: null, title: 'big' }, { fit: true });
    // Fitted in 1000 × 700 px (the size without a layout engine), a port is a pixel or two.
    expect(objects(svg)).toBe(1);
    const outline = svg.querySelector('g.far-obj.kind-port.tone-acl path.shape');
    expect(outline?.getAttribute('d')?.match(/M/g)).toHaveLength(layout.items.length - 1);
    // Zoomed in on the first ports: they are objects again, and only the ones near the view.
    r.setView({ x: 300, y: 200, k: 1 });
    await vi.waitFor(() => expect(svg.querySelector('[data-id="port:0"]')).not.toBeNull(), {
      timeout: 10_000,
    });
    const drawn = objects(svg);
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(layout.items.length / 4);
    expect(svg.querySelector(`[data-id="port:${layout.items.length - 2}"]`)).toBeNull();
    r.destroy();
  });

  it('draws the selection as an object even when it is an outline in the view', () => {
    const svg = mount();
    const r = createTopologyRenderer(svg, { onSelect: vi.fn(), onHover: vi.fn() });
    r.update({ layout, detail: null, title: 'big' }, { fit: true });
    expect(svg.querySelector('[data-id="port:7"]')).toBeNull();
    r.highlight({ selected: 'port:7', related: ['port:9'], hovered: null });
    expect(svg.querySelector('[data-id="port:7"]')?.classList.contains('is-selected')).toBe(true);
    expect(svg.querySelector('[data-id="port:9"]')?.classList.contains('is-related')).toBe(true);
    r.destroy();
  });

  it('a selection taken from the cut paints what a fresh drawing with it paints', () => {
    const lit = { selected: 'port:7', related: ['port:9', 'port:3000'], hovered: null };
    const first = mount();
    const r = createTopologyRenderer(first, { onSelect: vi.fn(), onHover: vi.fn() });
    r.update({ layout, detail: null, title: 'big' }, { fit: true });
    r.highlight({ selected: 'port:5', related: [], hovered: null });
    r.highlight(lit);
    const fresh = mount();
    const f = createTopologyRenderer(fresh, { onSelect: vi.fn(), onHover: vi.fn() });
    f.highlight(lit);
    f.update({ layout, detail: null, title: 'big' }, { fit: true });
    // The earlier selection is an outline again, as in a drawing that never lit it.
    expect(first.innerHTML).toBe(fresh.innerHTML);
    expect(first.querySelector('[data-id="port:3000"]')?.classList.contains('is-related')).toBe(
      true,
    );
    r.destroy();
    f.destroy();
  });

  it('a small drawing after a big one is drawn whole, without outlines', () => {
    const svg = mount();
    const r = createTopologyRenderer(svg, { onSelect: vi.fn(), onHover: vi.fn() });
    r.update({ layout, detail: null, title: 'big' }, { fit: true });
    const small = gridLayout(50);
    r.update({ layout: small, detail: null, title: 'small' }, { fit: true });
    expect(objects(svg)).toBe(small.items.length);
    expect(svg.querySelector('g.far-obj')).toBeNull();
    r.destroy();
  });
});
