/**
 * What a big drawing puts in the DOM for the current view. A dump of 20,000 endpoints lays out
 * ~35,000 objects; as SVG groups each, every frame's style, layout, paint and layerize took
 * 150–700 ms and fitting the view read a layout of all of them. A drawing of `CULL_FROM` objects
 * or more is therefore drawn for the view: objects outside the view (plus a margin) are left
 * out, and objects too small on screen to read or click (under `MIN_LIVE_PX` in either
 * direction) are drawn as their outlines only, merged into one path per kind and tone. The rest
 * are the usual interactive groups. Pure: no DOM.
 */
import type { Box, LayoutItem, LinkLine } from '../layout/geometry';

/** Drawings with at least this many objects are drawn for the view (below it, everything). */
export const CULL_FROM = 2_000;
/** An object smaller than this on screen, in either direction, is drawn as an outline only. */
export const MIN_LIVE_PX = 4;

/**
 * Below this scale connectors are merged into one path per tone: they are decorative, and a
 * fitted 20,000-endpoint drawing has thousands of them (their end dots are under 2 px there).
 */
export const LIVE_LINKS_SCALE = 0.33;

/** A rectangle of the drawing's own coordinates. */
export interface Window {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The part of the drawing worth drawing for a view: the viewport and half of it on each side. */
export function viewWindow(
  view: { readonly x: number; readonly y: number; readonly k: number },
  size: { readonly w: number; readonly h: number },
): Window {
  const hw = size.w / view.k;
  const hh = size.h / view.k;
  return { x0: view.x - hw, y0: view.y - hh, x1: view.x + hw, y1: view.y + hh };
}

/** Whether `inner` (the visible part) lies inside `outer` (what was drawn). */
export function contains(outer: Window, inner: Window): boolean {
  return (
    outer.x0 <= inner.x0 && outer.y0 <= inner.y0 && outer.x1 >= inner.x1 && outer.y1 >= inner.y1
  );
}

const meets = (b: Box, w: Window): boolean =>
  b.x <= w.x1 && b.y <= w.y1 && b.x + b.w >= w.x0 && b.y + b.h >= w.y0;

/** Outlines of small objects of one kind and tone (one `<path>`), in paint order. */
export interface FarPath {
  /** `kind-<kind> tone-<tone>` (and `derived`), the classes the path is drawn with. */
  readonly key: string;
  readonly kind: string;
  readonly tone: string;
  readonly derived: boolean;
  readonly d: string;
}

/** A drawing cut for one view. */
export interface Culled {
  /** Objects drawn as interactive groups, in the layout's paint order. */
  readonly live: LayoutItem[];
  /** The other objects in the window, as outlines. */
  readonly far: FarPath[];
  /** Connectors in the window, drawn as usual (from `LIVE_LINKS_SCALE` up). */
  readonly links: LinkLine[];
  /** Connectors in the window below that scale, one path per tone. */
  readonly farLinks: { readonly tone: string; readonly d: string }[];
}

/**
 * Cut `items` and `links` for the window `win` at scale `k`. Nodes are always live (they frame
 * the drawing), and so are the ids in `keep` (the selection and what is lit with it).
 */
export function cull(
  items: readonly LayoutItem[],
  links: readonly LinkLine[],
  win: Window,
  k: number,
  keep: ReadonlySet<string>,
): Culled {
  const live: LayoutItem[] = [];
  const outlines = new Map<string, { item: LayoutItem; parts: string[] }>();
  const minWorld = MIN_LIVE_PX / k;
  for (const item of items) {
    const b = item.box;
    if (item.kind === 'node' || keep.has(item.id)) {
      live.push(item);
      continue;
    }
    if (!meets(b, win)) continue;
    if (b.w >= minWorld && b.h >= minWorld) {
      live.push(item);
      continue;
    }
    const key = `kind-${item.kind} tone-${item.tone}${item.derived ? ' derived' : ''}`;
    let o = outlines.get(key);
    if (!o) outlines.set(key, (o = { item, parts: [] }));
    // Whole units: a unit is under a pixel here, and integers print fastest (35,000 outlines).
    const w = Math.round(b.w);
    o.parts.push(`M${Math.round(b.x)} ${Math.round(b.y)}h${w}v${Math.round(b.h)}h${-w}z`);
  }
  const far: FarPath[] = [];
  for (const [key, o] of outlines)
    far.push({
      key,
      kind: o.item.kind,
      tone: o.item.tone,
      derived: o.item.derived === true,
      d: o.parts.join(''),
    });
  const shown: LinkLine[] = [];
  const thin = new Map<string, string[]>();
  for (const l of links) {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const [x, y] of l.points) {
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    if (!meets({ x: x0, y: y0, w: x1 - x0, h: y1 - y0 }, win)) continue;
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
