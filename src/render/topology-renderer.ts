/**
 * The topology renderer: framework-free d3 that owns everything inside the `<svg>` it is given.
 * Lifecycle: create → update(viewModel) … → destroy. React (or any host) owns the `<svg>`.
 */
import { select } from 'd3-selection';
import { syntheticId, unionBox, type Box } from '../layout/geometry';
import {
  CULL_FROM,
  contains,
  cut,
  cutSteps,
  viewWindow,
  type Culled,
  type Cut,
  type Window,
} from './cull';
import { drawCaptions, drawFar, drawFarLinks, drawItems, drawLinks } from './draw-items';
import { drawPortCard } from './port-card';
import type {
  HighlightSet,
  RendererCallbacks,
  TopologyRenderer,
  TopologyViewModel,
} from './view-model';
import { createZoom } from './zoom-behaviour';
import './topology.css';

const sameWindow = (a: Window, b: Window): boolean =>
  a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1;

const idOf = (target: EventTarget | null): string | null => {
  const el = target instanceof Element ? target.closest('[data-id]') : null;
  return el?.getAttribute('data-id') ?? null;
};

/** One call on the next frame (a timer where there are no frames, as in tests); cancellable. */
function nextFrame(f: () => void): () => void {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(f);
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(f, 16);
  return () => clearTimeout(id);
}

/**
 * Draw topologies into `svg`. Clicks and pointer moves over objects call back with their ids.
 *
 * @example
 * const r = createTopologyRenderer(svgEl, { onSelect: store.select, onHover: store.hover });
 * r.update({ layout, detail: null, title: 'new-l2bridge' });
 * r.destroy();
 */
export function createTopologyRenderer(
  svg: SVGSVGElement,
  callbacks: RendererCallbacks,
): TopologyRenderer {
  const root = select(svg).attr('role', 'graphics-document').classed('hnsviz-topology', true);
  const viewport = root.append('g').attr('class', 'viewport zoom-cluster');
  const frames = viewport.append('g').attr('class', 'frames');
  const links = viewport.append('g').attr('class', 'links');
  // Short connectors of a big drawing, merged (`cull.ts`).
  const farLinks = viewport
    .append('g')
    .attr('class', 'links far-links')
    .attr('aria-hidden', 'true');
  const captions = viewport.append('g').attr('class', 'captions');
  const objects = viewport.append('g').attr('class', 'objects');
  // Small objects of a big drawing, as outlines (`cull.ts`): above the live containers they sit on.
  const far = viewport.append('g').attr('class', 'far').attr('aria-hidden', 'true');
  const card = viewport.append('g').attr('class', 'card');
  // The packet animators draw here: above everything, inside the pan/zoom transform.
  const overlay = viewport.append('g').attr('class', 'overlay');
  const viewportNode = viewport.node();
  if (!viewportNode) throw new Error('E_RENDER_MOUNT: could not create the viewport group');

  let current: TopologyViewModel | null = null;
  let fitted = false;
  let lastCard: string | null = null;
  let textScale = 1;
  let lit: HighlightSet = { selected: null, related: [], hovered: null };
  /**
   * What a big drawing was last drawn for (null: drawn whole): the window and scale, the cut
   * made for them (a new selection takes its objects from it) and the ids drawn as objects.
   */
  let drawn: { win: Window; k: number; shape: Cut; live: Set<string> } | null = null;
  /** What the last cut painted, so a repaint of the same cut writes only what changed. */
  let painted: Culled | null = null;
  let recull: (() => void) | null = null;
  /** A cut made ahead (`cutAhead`), with what it was made for; the next draw takes or drops it. */
  let ahead: { vm: TopologyViewModel; win: Window; k: number; shape: Cut } | null = null;
  let unprepared: (() => void) | null = null;

  const zoomer = createZoom(
    svg,
    viewportNode,
    (level) => {
      viewport.classed('zoom-cluster', level === 'cluster').classed('zoom-node', level === 'node');
      callbacks.onZoomLevel?.(level);
    },
    (view) => callbacks.onViewEnd?.(view),
    () => {
      // A big drawing follows the view: once a frame at most, when the view left what was
      // drawn or the scale changed enough to turn outlines into objects or back.
      if (drawn && !recull) recull = nextFrame(followView);
    },
  );

  /** The ids a big drawing draws as objects whatever their size or place: what is lit. */
  const keepSet = (): Set<string> => {
    const keep = new Set(lit.related);
    if (lit.selected) keep.add(lit.selected);
    if (lit.hovered) keep.add(lit.hovered);
    return keep;
  };

  /** Paint one cut of a big drawing; what the last one painted identically is left as it is. */
  const paint = (vm: TopologyViewModel, c: Culled): void => {
    drawItems(
      frames,
      c.live.filter((i) => i.kind === 'node'),
    );
    if (c.links !== painted?.links) drawLinks(links, c.links);
    drawCaptions(captions, vm.layout.captions);
    drawItems(
      objects,
      c.live.filter((i) => i.kind !== 'node'),
    );
    drawFar(far, c.far);
    if (c.farLinks !== painted?.farLinks) drawFarLinks(farLinks, c.farLinks);
    painted = c;
    if (drawn) drawn.live = new Set(c.live.map((i) => i.id));
  };

  /**
   * Draw the objects, links and captions of `vm`: whole, or for the view when big. `before`:
   * the viewport's size read before this task moved the view (the view's transform does not
   * change it, but reading it after that change would lay out the old drawing again).
   */
  const drawObjects = (
    vm: TopologyViewModel,
    grow: boolean,
    before?: { readonly w: number; readonly h: number },
  ): void => {
    const items = vm.layout.items;
    if (items.length < CULL_FROM) {
      if (drawn) {
        drawFar(far, []);
        drawFarLinks(farLinks, []);
      }
      drawn = null;
      painted = null;
      drawItems(
        frames,
        items.filter((i) => i.kind === 'node'),
        grow,
      );
      drawLinks(links, vm.layout.links);
      drawCaptions(captions, vm.layout.captions);
      drawItems(
        objects,
        items.filter((i) => i.kind !== 'node'),
        grow,
      );
      return;
    }
    const at = before ?? zoomer.size();
    const view = zoomer.getView(at);
    const win = viewWindow(view, at);
    const made = ahead;
    ahead = null;
    const shape =
      made && made.vm.layout === vm.layout && made.k === view.k && sameWindow(made.win, win)
        ? made.shape
        : cut(items, vm.layout.links, win, view.k);
    drawn = { win, k: view.k, shape, live: new Set() };
    paint(vm, shape.with(keepSet()));
    // The first selection then finds the items indexed (a task of its own, not the pick's).
    unprepared?.();
    const timer = setTimeout(() => {
      unprepared = null;
      shape.prepare();
    }, 0);
    unprepared = () => clearTimeout(timer);
  };

  const followView = (): void => {
    recull = null;
    if (!drawn || !current) return;
    const view = zoomer.getView();
    const size = zoomer.size();
    const seen = viewWindow(view, { w: size.w / 2, h: size.h / 2 });
    const ratio = view.k / drawn.k;
    if (contains(drawn.win, seen) && ratio < 1.25 && ratio > 0.8) return;
    drawObjects(current, false);
    applyHighlight();
  };

  const applyHighlight = (): void => {
    const ids = lit;
    const related = new Set(ids.related);
    viewport
      .selectAll<SVGGElement, unknown>('g.obj')
      .classed('is-selected', function () {
        return this.getAttribute('data-id') === ids.selected;
      })
      .classed('is-related', function () {
        return related.has(this.getAttribute('data-id') ?? '');
      })
      .classed('is-hovered', function () {
        return this.getAttribute('data-id') === ids.hovered;
      })
      .attr('aria-current', function () {
        return this.getAttribute('data-id') === ids.selected ? 'true' : null;
      });
  };

  root.on('click.select', (event: MouseEvent) => callbacks.onSelect(idOf(event.target)));
  root.on('pointerover.hover', (event: PointerEvent) => callbacks.onHover(idOf(event.target)));
  root.on('pointerleave.hover', () => callbacks.onHover(null));

  const whole = (vm: TopologyViewModel): Box => ({
    x: 0,
    y: 0,
    w: vm.layout.width,
    h: vm.layout.height,
  });
  const fit = (): void => {
    if (current) zoomer.fitBox(whole(current), 2, false);
  };

  return {
    update(vm, opts = {}) {
      current = vm;
      const grow = opts.grow === true;
      root.attr('aria-label', vm.title);
      // A theme with bigger text (projector) is a bigger drawing: fit it again.
      const scaleChanged = vm.layout.textScale !== textScale;
      if (scaleChanged) {
        textScale = vm.layout.textScale;
        zoomer.setTextScale(textScale);
        root.attr('data-text-scale', textScale === 1 ? null : textScale);
      }
      // A big drawing's viewport size, read before the view moves: fitting sets the view's
      // transform, and a read after it laid out the drawing being replaced (100 ms, loaded).
      const at = vm.layout.items.length >= CULL_FROM ? zoomer.size() : undefined;
      // Fitted first, a big drawing is drawn once, for the view it is shown in.
      if (opts.fit === true) {
        fitted = true;
        fit();
      }
      drawObjects(vm, grow, at);
      // Groups written afresh lost their marks; the ones left as they were keep them.
      applyHighlight();
      drawPortCard(card, vm.detail);
      viewport.classed('has-card', vm.detail !== null);
      // Nodes in several rows: a big cluster, which has the far zoom level (`topology.css`).
      viewport.classed('rows', syntheticId.underlayBus in vm.layout.byId);
      if (!fitted || scaleChanged) {
        fitted = true;
        fit();
      }
      const cardId = vm.detail?.portId ?? null;
      if (vm.detail && cardId !== lastCard) {
        const port = vm.layout.byId[vm.detail.portId];
        zoomer.fitBox(unionBox(port ? [port.box, vm.detail.box] : [vm.detail.box]), 1.3, true);
      }
      lastCard = cardId;
    },
    *cutAhead(vm, opts = {}) {
      ahead = null;
      if (vm.layout.items.length < CULL_FROM) return;
      const at = zoomer.size();
      const view = opts.fit === true ? zoomer.fitView(whole(vm), 2, at) : zoomer.getView(at);
      const win = viewWindow(view, at);
      const shape = yield* cutSteps(vm.layout.items, vm.layout.links, win, view.k);
      ahead = { vm, win, k: view.k, shape };
    },
    highlight(ids: HighlightSet) {
      lit = ids;
      // A big drawing draws what is lit as objects, even when small or out of view: taken
      // from the cut of the view it was drawn for (the outlines are not made again).
      const live = drawn?.live;
      if (live && current && [ids.selected, ...ids.related].some((id) => id && !live.has(id)))
        paint(current, drawn!.shape.with(keepSet()));
      applyHighlight();
    },
    fit,
    zoomBy: (factor) => zoomer.zoomBy(factor),
    getView: () => zoomer.getView(),
    setView: (view) => zoomer.setView(view),
    overlay: () => {
      const node = overlay.node();
      if (!node) throw new Error('E_RENDER_MOUNT: overlay group missing');
      return node;
    },
    destroy() {
      ahead = null;
      recull?.();
      unprepared?.();
      zoomer.destroy();
      root.on('.select', null).on('.hover', null);
      viewport.remove();
      current = null;
    },
  };
}
