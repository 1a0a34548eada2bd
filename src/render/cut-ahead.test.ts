// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { CULL_FROM, CUT_STEP, cut } from './cull';
import { createTopologyRenderer } from './topology-renderer';
import { gridLayout, mount } from './grid.test-helper';
import type * as Cull from './cull';

// `cut` counted: a draw that finds its cut made ahead does not cut again.
vi.mock('./cull', async (original) => {
  const m = await original<typeof Cull>();
  return { ...m, cut: vi.fn(m.cut) };
});

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
