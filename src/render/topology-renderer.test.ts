// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { layoutTopology } from '../layout/layout-topology';
import { layoutPortDetail } from '../layout/port-detail';
import type { Topology } from '../model/types';
import { buildScenario } from '../scenarios/index';
import { createTopologyRenderer } from './topology-renderer';

function mount(): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  document.body.append(svg);
  return svg;
}

describe('createTopologyRenderer', () => {
  it('draws every object with data-kind, data-id and an accessible name', () => {
    const t = buildScenario('new-l2bridge');
    const layout = layoutTopology(t);
    const svg = mount();
    const r = createTopologyRenderer(svg, { onSelect: vi.fn(), onHover: vi.fn() });
    r.update({ layout, detail: null, title: 'test' });
    const drawn = svg.querySelectorAll('[data-kind]');
    expect(drawn).toHaveLength(layout.items.length);
    for (const el of drawn) {
      expect(el.getAttribute('data-id')).toBeTruthy();
      expect(el.getAttribute('aria-label')).toBeTruthy();
    }
    expect(svg.querySelectorAll('[data-kind="pod"]')).toHaveLength(5);
    r.destroy();
    expect(svg.querySelector('[data-kind]')).toBeNull();
  });

  it('keeps DOM nodes across designs (joins keyed by id) and reports clicks by id', () => {
    const svg = mount();
    const onSelect = vi.fn();
    const r = createTopologyRenderer(svg, { onSelect, onHover: vi.fn() });
    r.update({ layout: layoutTopology(buildScenario('new-l2bridge')), detail: null, title: 'a' });
    const pod = svg.querySelector('[data-id="pod:a1"]');
    r.update({ layout: layoutTopology(buildScenario('new-overlay')), detail: null, title: 'b' });
    expect(svg.querySelector('[data-id="pod:a1"]')).toBe(pod);
    pod?.querySelector('rect')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onSelect).toHaveBeenCalledWith('pod:a1');
    r.destroy();
  });

  it('a drawing grown a part at a time ends as drawn at once, writing only the new objects', () => {
    const layout = layoutTopology(buildScenario('new-overlay'));
    const once = mount();
    const a = createTopologyRenderer(once, { onSelect: vi.fn(), onHover: vi.fn() });
    a.update({ layout, detail: null, title: 't' });
    const parts = mount();
    const b = createTopologyRenderer(parts, { onSelect: vi.fn(), onHover: vi.fn() });
    // An earlier, different drawing first: the first part replaces it as a full update does.
    b.update({ layout: layoutTopology(buildScenario('new-l2bridge')), detail: null, title: 'x' });
    const n = layout.items.length;
    b.update({
      layout: { ...layout, items: layout.items.slice(0, 10), links: [] },
      detail: null,
      title: 't',
    });
    const first = parts.querySelector(`[data-id="${layout.items[0]!.id}"]`);
    // A mark on a drawn group: growing the drawing must not write that group again.
    const drawnAt = first?.getAttribute('transform') ?? '';
    first?.setAttribute('transform', 'translate(-1,-1)');
    for (const upTo of [Math.floor(n / 2), n - 1])
      b.update(
        {
          layout: { ...layout, items: layout.items.slice(0, upTo), links: [] },
          detail: null,
          title: 't',
        },
        { grow: true },
      );
    b.update({ layout, detail: null, title: 't' }, { grow: true });
    expect(parts.querySelector(`[data-id="${layout.items[0]!.id}"]`)).toBe(first);
    expect(first?.getAttribute('transform')).toBe('translate(-1,-1)');
    first?.setAttribute('transform', drawnAt);
    expect(parts.innerHTML).toBe(once.innerHTML);
    a.destroy();
    b.destroy();
  });

  it('sets text from data as text, never as markup', () => {
    const base = buildScenario('new-l2bridge');
    const hostile = '<img src=x onerror="alert(1)">';
    const pod = base.pods['pod:a1'];
    if (!pod) throw new Error('fixture');
    const t: Topology = { ...base, pods: { ...base.pods, 'pod:a1': { ...pod, name: hostile } } };
    const svg = mount();
    const r = createTopologyRenderer(svg, { onSelect: vi.fn(), onHover: vi.fn() });
    r.update({ layout: layoutTopology(t), detail: null, title: hostile });
    expect(svg.querySelector('img')).toBeNull();
    expect(svg.querySelector('[data-id="pod:a1"]')?.getAttribute('aria-label')).toContain(hostile);
    r.destroy();
  });

  it('draws the expanded port card and highlights the selection', () => {
    const t = buildScenario('new-l2bridge');
    const layout = layoutTopology(t);
    const svg = mount();
    const r = createTopologyRenderer(svg, { onSelect: vi.fn(), onHover: vi.fn() });
    r.update({ layout, detail: layoutPortDetail(t, layout, 'port:win-a:a1'), title: 'x' });
    expect(svg.querySelectorAll('.port-card [data-kind="rule"]').length).toBeGreaterThan(0);
    r.highlight({ selected: 'port:win-a:a1', related: ['pod:a1'], hovered: null });
    expect(svg.querySelector('[data-id="port:win-a:a1"]')?.classList.contains('is-selected')).toBe(
      true,
    );
    expect(svg.querySelector('[data-id="pod:a1"]')?.classList.contains('is-related')).toBe(true);
    r.destroy();
  });
});
