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
 * A drawing cut for one window and scale, before the lit objects are taken into it: what is
 * in the window, what is big enough there to be an object, and the outlines and connectors,
 * made once. `with(keep)` gives the cut with the ids in `keep` drawn as objects; a new
 * selection on an unchanged view costs a pass over the items, not every outline made again.
 */
export interface Cut {
  with(keep: ReadonlySet<string>): Culled;
  /** Index the items by id now (done once per layout; `with` needs it for a selection). */
  prepare(): void;
}

/** Outlines of one kind and tone: the items (their indices) and their paths, in order. */
interface OutlineGroup {
  /** Its place in the cut's groups. */
  readonly n: number;
  readonly key: string;
  readonly item: LayoutItem;
  readonly at: number[];
  /**
   * The outlines' paths written one after another (appending to one string is a few times
   * cheaper than a string per outline joined at the end), and where each one ends in it.
   */
  d: string;
  readonly ends: number[];
  /** The group's path with nothing kept (made on first use). */
  whole: FarPath | null;
}

const LIVE = 1;
const OUTLINE = 2;

/** Items a step of `cutSteps` reads: a few milliseconds of a loaded machine. */
export const CUT_STEP = 4_000;

/**
 * Cut `items` and `links` for the window `win` at scale `k`. Nodes are always live (they frame
 * the drawing), and so are the ids given to `with` (the selection and what is lit with it).
 */
export function cut(
  items: readonly LayoutItem[],
  links: readonly LinkLine[],
  win: Window,
  k: number,
): Cut {
  const steps = cutSteps(items, links, win, k, Number.POSITIVE_INFINITY);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `cut`, a step at a time: it pauses after every `per` items (and before the connectors), so a
 * big drawing's first cut can be made over several tasks before it is painted.
 */
export function* cutSteps(
  items: readonly LayoutItem[],
  links: readonly LinkLine[],
  win: Window,
  k: number,
  per = CUT_STEP,
): Generator<void, Cut> {
  // Per item: out of the window (0), live, or an outline of group `groupOf[i]`.
  const state = new Uint8Array(items.length);
  const groupOf = new Int32Array(items.length);
  const groups: OutlineGroup[] = [];
  // Groups by kind, then tone, then derived or not: no key string made per outline.
  const byKind = new Map<string, Map<string, (OutlineGroup | undefined)[]>>();
  const live: LayoutItem[] = [];
  const liveAt: number[] = [];
  const minWorld = MIN_LIVE_PX / k;
  for (let i = 0, pause = per; i < items.length; i++) {
    if (i === pause) {
      yield;
      pause += per;
    }
    const item = items[i]!;
    const b = item.box;
    const seen = meets(b, win);
    if (item.kind === 'node' || (seen && b.w >= minWorld && b.h >= minWorld)) {
      state[i] = LIVE;
      live.push(item);
      liveAt.push(i);
      continue;
    }
    if (!seen) continue;
    let byTone = byKind.get(item.kind);
    if (!byTone) byKind.set(item.kind, (byTone = new Map<string, (OutlineGroup | undefined)[]>()));
    let pair = byTone.get(item.tone);
    if (!pair) byTone.set(item.tone, (pair = [undefined, undefined]));
    const derived = item.derived === true ? 1 : 0;
    let g = pair[derived];
    if (!g) {
      const key = `kind-${item.kind} tone-${item.tone}${derived ? ' derived' : ''}`;
      g = pair[derived] = { n: groups.length, key, item, at: [], d: '', ends: [], whole: null };
      groups.push(g);
    }
    state[i] = OUTLINE;
    groupOf[i] = g.n;
    g.at.push(i);
    // Whole units: a unit is under a pixel here, and integers print fastest (35,000 outlines).
    const w = Math.round(b.w);
    g.d += `M${Math.round(b.x)} ${Math.round(b.y)}h${w}v${Math.round(b.h)}h${-w}z`;
    g.ends.push(g.d.length);
  }
  if (items.length >= per) yield;
  const shown: LinkLine[] = [];
  const thin = new Map<string, string>();
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
    // Appended point by point to the tone's one path (no text per point or connector joined).
    let d = `${thin.get(l.tone) ?? ''}M`;
    for (let j = 0; j < l.points.length; j++) {
      const [x, y] = l.points[j]!;
      d += `${j > 0 ? 'L' : ''}${Math.round(x)},${Math.round(y)}`;
    }
    thin.set(l.tone, d);
  }
  const farLinks = [...thin].map(([tone, d]) => ({ tone, d }));
  const farPath = (g: OutlineGroup, d: string): FarPath => ({
    key: g.key,
    kind: g.item.kind,
    tone: g.item.tone,
    derived: g.item.derived === true,
    d,
  });
  const whole = (g: OutlineGroup): FarPath => (g.whole ??= farPath(g, g.d));
  return {
    prepare: () => void indexOf(items),
    with(keep) {
      // Kept items that the cut left out or outlined, by group (-1: out of the window).
      let taken: Map<number, Set<number>> | null = null;
      const extra: number[] = [];
      if (keep.size > 0) {
        const at = indexOf(items);
        for (const id of keep) {
          const i = at.get(id);
          if (i === undefined || state[i] === LIVE) continue;
          taken ??= new Map();
          const g = state[i] === OUTLINE ? groupOf[i]! : -1;
          let s = taken.get(g);
          if (!s) taken.set(g, (s = new Set()));
          s.add(i);
          extra.push(i);
        }
      }
      if (!taken) return { live, far: groups.map(whole), links: shown, farLinks };
      // The live items and the kept ones, merged in the layout's order.
      extra.sort((a, b) => a - b);
      const withKept: LayoutItem[] = [];
      let e = 0;
      for (const i of liveAt) {
        while (e < extra.length && extra[e]! < i) withKept.push(items[extra[e++]!]!);
        withKept.push(items[i]!);
      }
      while (e < extra.length) withKept.push(items[extra[e++]!]!);
      // A group is painted at its first outline left; one whose every outline is kept is gone.
      const far: { first: number; path: FarPath }[] = [];
      for (const g of groups) {
        const gone = taken.get(g.n);
        if (!gone) {
          far.push({ first: g.at[0]!, path: whole(g) });
          continue;
        }
        const parts: string[] = [];
        let first = -1;
        g.at.forEach((i, j) => {
          if (gone.has(i)) return;
          if (first < 0) first = i;
          parts.push(g.d.slice(j > 0 ? g.ends[j - 1] : 0, g.ends[j]));
        });
        if (first >= 0) far.push({ first, path: farPath(g, parts.join('')) });
      }
      far.sort((a, b) => a.first - b.first);
      return { live: withKept, far: far.map((f) => f.path), links: shown, farLinks };
    },
  };
}

/** Each item's place in its layout by id, made once per layout (a selection looks it up). */
const places = new WeakMap<readonly LayoutItem[], Map<string, number>>();
function indexOf(items: readonly LayoutItem[]): Map<string, number> {
  let at = places.get(items);
  if (!at) {
    at = new Map();
    for (let i = 0; i < items.length; i++) at.set(items[i]!.id, i);
    places.set(items, at);
  }
  return at;
}

/** `cut(items, links, win, k).with(keep)`: a drawing cut for one view with its lit objects. */
export function cull(
  items: readonly LayoutItem[],
  links: readonly LinkLine[],
  win: Window,
  k: number,
  keep: ReadonlySet<string>,
): Culled {
  return cut(items, links, win, k).with(keep);
}
