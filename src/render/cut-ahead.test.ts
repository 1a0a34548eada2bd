// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { LayoutItem, TopologyLayout } from '../layout/geometry';
import { CULL_FROM, CUT_STEP, cut } from './cull';
import { createTopologyRenderer } from './topology-renderer';
import type * as Cull from './cull';

// `cut` counted: a draw that finds its cut made ahead does not cut again.
vi.mock('./cull', async (original) => {
  const m = await original<typeof Cull>();
  return { ...m, cut: vi.fn(m.cut) };
});

/** A node holding a row-major grid of `n` ports: big enough to be drawn for the view. */
function gridLayout(n: number): TopologyLayout {
  const cols = Math.ceil(Math.sqrt(n));
  const side = cols * 120 + 40;
  const chip = (id: string, kind: string, x: number, y: number, w = 100, h = 40): LayoutItem =>
    ({
      id,
      kind,
      box: { x, y, w, h },
      ariaLabel: `${kind} ${id}`,
      name: id,
      tone: 'acl',
      lines: [],
      radius: 4,
    }) as unknown as LayoutItem;
  const items = [chip('node:a', 'node', 0, 0, side, side)];
  for (let i = 0; i < n; i++)
    items.push(chip(`port:${i}`, 'port', 20 + (i % cols) * 120, 20 + Math.floor(i / cols) * 60));
  const byId = Object.fromEntries(items.map((i) => [i.id, i]));
  return { width: side, height: side, items, links: [], captions: [], byId, textScale: 1 };
}

function mount(): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  document.body.append(svg);
  return svg;
}

const run = (steps: Generator<void, void>): number => {
  let n = 0;
  while (!steps.next().done) n++;
  return n;
};

describe('a big drawing cut ahead, a part per step', () => {
  const layout = gridLayout(CULL_FROM * 3);
  const vm = { layout, detail: null, title: 'big' };

  it('is what the fitted draw paints, and the draw does not cut again', () => {
    const ahead = mount();
    const r = createTopologyRenderer(ahead, { onSelect: vi.fn(), onHover: vi.fn() });
    const pauses = run(r.cutAhead(vm, { fit: true }));
    expect(pauses).toBe(Math.ceil(layout.items.length / CUT_STEP));
    vi.mocked(cut).mockClear();
    r.update(vm, { fit: true });
    expect(cut).not.toHaveBeenCalled();
    const fresh = mount();
    const f = createTopologyRenderer(fresh, { onSelect: vi.fn(), onHover: vi.fn() });
    f.update(vm, { fit: true });
    expect(ahead.innerHTML).toBe(fresh.innerHTML);
    expect(ahead.querySelector('g.far-obj')).not.toBeNull();
    r.destroy();
    f.destroy();
  });

  it('is dropped when the view moved since: the draw cuts for the view it is in', () => {
    const ahead = mount();
    const r = createTopologyRenderer(ahead, { onSelect: vi.fn(), onHover: vi.fn() });
    r.update(vm, { fit: true });
    run(r.cutAhead(vm));
    r.setView({ x: 300, y: 200, k: 1 });
    vi.mocked(cut).mockClear();
    r.update(vm);
    expect(cut).toHaveBeenCalledTimes(1);
    const fresh = mount();
    const f = createTopologyRenderer(fresh, { onSelect: vi.fn(), onHover: vi.fn() });
    f.update(vm, { fit: true });
    f.setView({ x: 300, y: 200, k: 1 });
    f.update(vm);
    expect(ahead.querySelector('[data-id="port:0"]')).not.toBeNull();
    expect(ahead.innerHTML).toBe(fresh.innerHTML);
    r.destroy();
    f.destroy();
  });
});
