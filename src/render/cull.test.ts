import { describe, expect, it } from 'vitest';
import type { LayoutItem, LinkLine } from '../layout/geometry';
import { contains, cull, cut, cutSteps, LIVE_LINKS_SCALE, MIN_LIVE_PX, viewWindow } from './cull';

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

/**
 * The cut as it was made before `cut(…).with(keep)` (every outline made again for each new
 * selection): the reference the cut must equal, whatever is kept.
 */
function referenceCull(
  items: readonly LayoutItem[],
  links: readonly LinkLine[],
  win: { x0: number; y0: number; x1: number; y1: number },
  k: number,
  keep: ReadonlySet<string>,
) {
  const meets = (b: { x: number; y: number; w: number; h: number }): boolean =>
    b.x <= win.x1 && b.y <= win.y1 && b.x + b.w >= win.x0 && b.y + b.h >= win.y0;
  const live: LayoutItem[] = [];
  const outlines = new Map<string, { item: LayoutItem; parts: string[] }>();
  const minWorld = MIN_LIVE_PX / k;
  for (const it of items) {
    const b = it.box;
    if (it.kind === 'node' || keep.has(it.id)) {
      live.push(it);
      continue;
    }
    if (!meets(b)) continue;
    if (b.w >= minWorld && b.h >= minWorld) {
      live.push(it);
      continue;
    }
    const key = `kind-${it.kind} tone-${it.tone}${it.derived ? ' derived' : ''}`;
    let o = outlines.get(key);
    if (!o) outlines.set(key, (o = { item: it, parts: [] }));
    const w = Math.round(b.w);
    o.parts.push(`M${Math.round(b.x)} ${Math.round(b.y)}h${w}v${Math.round(b.h)}h${-w}z`);
  }
  const far = [...outlines].map(([key, o]) => ({
    key,
    kind: o.item.kind,
    tone: o.item.tone,
    derived: o.item.derived === true,
    d: o.parts.join(''),
  }));
  const shown: LinkLine[] = [];
  const thin = new Map<string, string[]>();
  for (const l of links) {
    const xs = l.points.map((p) => p[0]);
    const ys = l.points.map((p) => p[1]);
    const x0 = Math.min(...xs);
    const y0 = Math.min(...ys);
    if (!meets({ x: x0, y: y0, w: Math.max(...xs) - x0, h: Math.max(...ys) - y0 })) continue;
    if (k >= LIVE_LINKS_SCALE) {
      shown.push(l);
      continue;
    }
    let parts = thin.get(l.tone);
    if (!parts) thin.set(l.tone, (parts = []));
    parts.push(`M${l.points.map(([x, y]) => `${Math.round(x)},${Math.round(y)}`).join('L')}`);
  }
  const farLinks = [...thin].map(([tone, parts]) => ({ tone, d: parts.join('') }));
  return { live, far, links: shown, farLinks };
}

describe('cut(…).with(keep)', () => {
  /** A seeded generator (mulberry32): the same cases on every run. */
  function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('equals the cut made from scratch for every selection, on one cut of the view', () => {
    const win = { x0: 0, y0: 0, x1: 1000, y1: 1000 };
    for (let seed = 1; seed <= 60; seed++) {
      const r = random(seed);
      const kinds = ['port', 'layer', 'endpoint', 'node'];
      const tones = ['acl', 'nat', 'l2bridge'];
      const items: LayoutItem[] = Array.from({ length: 5 + Math.floor(r() * 80) }, (_, n) => ({
        ...item(
          `i${n}`,
          r() * 1400 - 200,
          r() * 1400 - 200,
          r() < 0.5 ? r() * 4 : r() * 60,
          r() < 0.5 ? r() * 4 : r() * 60,
          kinds[Math.floor(r() * (r() < 0.1 ? 4 : 3))],
        ),
        tone: tones[Math.floor(r() * 3)]!,
        ...(r() < 0.3 ? { derived: true } : {}),
      }));
      const links = Array.from({ length: Math.floor(r() * 10) }, (_, n) =>
        link(`l${n}`, r() * 2000 - 500, r() * 2000 - 500, r() * 2000 - 500, r() * 2000 - 500),
      );
      const k = [0.2, 0.5, 1, 2][Math.floor(r() * 4)]!;
      const c = cut(items, links, win, k);
      for (let round = 0; round < 8; round++) {
        // Nothing kept, a few, or most: kept objects in, near and far from the window.
        const share = [0, 0.05, 0.3, 0.9][round % 4]!;
        const keep = new Set(items.filter(() => r() < share).map((i) => i.id));
        if (round === 7) keep.add('not-drawn');
        expect(c.with(keep)).toEqual(referenceCull(items, links, win, k, keep));
      }
    }
  });

  it('gives the same outlines, unchanged, to a selection that only lights live objects', () => {
    const items = [item('big', 10, 10, 100, 100), item('a', 0, 0, 1, 1), item('b', 4, 0, 1, 1)];
    const c = cut(items, [], { x0: 0, y0: 0, x1: 1000, y1: 1000 }, 1);
    const none = c.with(new Set());
    const lit = c.with(new Set(['big']));
    expect(lit.live).toBe(none.live);
    expect(lit.far[0]).toBe(none.far[0]);
    expect(c.with(new Set(['a'])).far[0]?.d).toBe('M4 0h1v1h-1z');
  });
});

describe('cutSteps', () => {
  it('pauses every `per` items and makes the cut `cut` makes', () => {
    const items = Array.from({ length: 23 }, (_, i) =>
      item(`port:${i}`, (i % 5) * 30, Math.floor(i / 5) * 30, i % 3 === 0 ? 20 : 1, 10),
    );
    const links = [link('l1', 0, 0, 40, 40), link('l2', 500, 500, 600, 600)];
    const win = viewWindow({ x: 50, y: 50, k: 0.5 }, { w: 100, h: 80 });
    const steps = cutSteps(items, links, win, 0.5, 5);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    // After items 5, 10, 15 and 20, then before the connectors.
    expect(pauses).toBe(5);
    const keep = new Set(['port:1']);
    expect(r.value.with(keep)).toEqual(cut(items, links, win, 0.5).with(keep));
    expect(r.value.with(new Set())).toEqual(cut(items, links, win, 0.5).with(new Set()));
  });
});
