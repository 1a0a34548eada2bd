import { describe, expect, it } from 'vitest';
import type { LayoutItem, LinkLine } from '../layout/geometry';
import { contains, cull, LIVE_LINKS_SCALE, MIN_LIVE_PX, viewWindow } from './cull';

const item = (id: string, x: number, y: number, w: number, h: number, kind = 'port'): LayoutItem =>
  ({
    id,
    kind,
    box: { x, y, w, h },
    ariaLabel: id,
    name: id,
    tone: 'acl',
    lines: [],
    radius: 4,
  }) as unknown as LayoutItem;

const link = (id: string, x0: number, y0: number, x1: number, y1: number): LinkLine => ({
  id,
  points: [
    [x0, y0],
    [x1, y1],
  ],
  tone: 'l2bridge',
  dotAtEnd: false,
});

describe('viewWindow', () => {
  it('is the viewport and half of it on each side, in drawing units', () => {
    const w = viewWindow({ x: 500, y: 300, k: 2 }, { w: 1000, h: 600 });
    // 1000 px at scale 2 is 500 units wide: 250 each side of the centre, doubled.
    expect(w).toEqual({ x0: 0, y0: 0, x1: 1000, y1: 600 });
    expect(contains(w, viewWindow({ x: 500, y: 300, k: 2 }, { w: 500, h: 300 }))).toBe(true);
    expect(contains(w, viewWindow({ x: 900, y: 300, k: 2 }, { w: 500, h: 300 }))).toBe(false);
  });
});

describe('cull', () => {
  const win = { x0: 0, y0: 0, x1: 1000, y1: 1000 };

  it('draws objects big enough on screen, outlines the small ones, leaves out the rest', () => {
    const items = [
      item('node', 5000, 5000, 10, 10, 'node'), // out of the window, but nodes always are live
      item('big', 10, 10, 100, 100),
      item('small', 10, 200, 100, 3), // 3 units tall at scale 1: under MIN_LIVE_PX
      item('away', 2000, 2000, 100, 100),
    ];
    const c = cull(items, [], win, 1, new Set());
    expect(c.live.map((i) => i.id)).toEqual(['node', 'big']);
    expect(c.far).toEqual([
      {
        key: 'kind-port tone-acl',
        kind: 'port',
        tone: 'acl',
        derived: false,
        d: 'M10 200h100v3h-100z',
      },
    ]);
    // Zoomed in, the small one is an object too.
    const near = cull(items, [], win, (MIN_LIVE_PX / 3) * 1.01, new Set());
    expect(near.live.map((i) => i.id)).toEqual(['node', 'big', 'small']);
    expect(near.far).toEqual([]);
  });

  it('keeps the lit objects live however small or far', () => {
    const items = [item('small', 10, 200, 100, 3), item('away', 2000, 2000, 1, 1)];
    const c = cull(items, [], win, 1, new Set(['small', 'away']));
    expect(c.live.map((i) => i.id)).toEqual(['small', 'away']);
    expect(c.far).toEqual([]);
  });

  it('merges outlines by kind, tone and derivation, in paint order', () => {
    const items = [
      item('a', 0, 0, 1, 1),
      { ...item('b', 2, 0, 1, 1), derived: true },
      item('c', 4, 0, 1, 1, 'layer'),
      item('d', 6, 0, 1, 1),
    ];
    const c = cull(items, [], win, 1, new Set());
    expect(c.far.map((f) => [f.key, f.d])).toEqual([
      ['kind-port tone-acl', 'M0 0h1v1h-1zM6 0h1v1h-1z'],
      ['kind-port tone-acl derived', 'M2 0h1v1h-1z'],
      ['kind-layer tone-acl', 'M4 0h1v1h-1z'],
    ]);
  });

  it('merges the connectors in the window below the live scale, draws them above it', () => {
    const links = [link('in', 0, 0, 100, 0), link('out', 5000, 0, 5100, 0)];
    const merged = cull([], links, win, LIVE_LINKS_SCALE / 2, new Set());
    expect(merged.links).toEqual([]);
    expect(merged.farLinks).toEqual([{ tone: 'l2bridge', d: 'M0,0L100,0' }]);
    const live = cull([], links, win, LIVE_LINKS_SCALE, new Set());
    expect(live.links.map((l) => l.id)).toEqual(['in']);
    expect(live.farLinks).toEqual([]);
  });
});
