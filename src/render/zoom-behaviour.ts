/** d3-zoom pan/zoom on the SVG, reporting the semantic zoom level from the scale. */
import { select } from 'd3-selection';
import 'd3-transition';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { Box, ZoomLevel } from '../layout/geometry';

/**
 * Scale from which port headers and layer names are drawn (they are ~14 units tall at text
 * scale 1; a layout with bigger text shows them from `NODE_LEVEL_SCALE / textScale`).
 */
export const NODE_LEVEL_SCALE = 0.75;
/** Below this scale a node's own text is too small to read: the far level (`.zoom-far`). */
export const FAR_SCALE = 0.25;
const MIN_SCALE = 0.08;
const MAX_SCALE = 4;

/** A pan/zoom as the world point at the centre of the viewport and the scale. */
export interface ViewCentre {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

/** Controls of the pan/zoom behaviour. */
export interface ZoomControl {
  fitBox(box: Box, maxScale: number, animate: boolean): void;
  /** The view `fitBox(box, maxScale)` would set in a viewport of size `at` (nothing moves). */
  fitView(box: Box, maxScale: number, at: { readonly w: number; readonly h: number }): ViewCentre;
  zoomBy(factor: number): void;
  /**
   * The current view (independent of the viewport size, so it survives a resize or a link).
   * `at`: the viewport's size, when the caller read it already (reading it again after the
   * transform changed lays the drawing out again, in the caller's task).
   */
  getView(at?: { readonly w: number; readonly h: number }): ViewCentre;
  /** Jump to a view, interrupting any running transition. */
  setView(view: ViewCentre): void;
  /** The viewport's size in screen pixels. */
  size(): { w: number; h: number };
  /** The text scale of the drawing: details show from `NODE_LEVEL_SCALE / textScale`. */
  setTextScale(textScale: number): void;
  destroy(): void;
}

type Size = { readonly w: number; readonly h: number };

/** The transform that shows `box` whole in a viewport of `w` × `h`, at most at `maxScale`. */
function fitted(box: Box, maxScale: number, { w, h }: Size): ZoomTransform {
  const k = Math.min(maxScale, (w * 0.96) / Math.max(box.w, 1), (h * 0.96) / Math.max(box.h, 1));
  return zoomIdentity
    .translate(w / 2, h / 2)
    .scale(k)
    .translate(-(box.x + box.w / 2), -(box.y + box.h / 2));
}

const reducedMotion = (): boolean =>
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Attach pan/zoom to `svg`, transforming `viewport`. */
export function createZoom(
  svg: SVGSVGElement,
  viewport: SVGGElement,
  onLevel: (level: Exclude<ZoomLevel, 'port'>) => void,
  onViewEnd?: (view: ViewCentre) => void,
  onView?: () => void,
): ZoomControl {
  let current = zoomIdentity;
  let level: Exclude<ZoomLevel, 'port'> | null = null;
  let nodeLevel = NODE_LEVEL_SCALE;
  let far: boolean | null = null;
  const report = (k: number): void => {
    // Below the far scale (only a big cluster fits there) the drawing shows node names only.
    if (k < FAR_SCALE !== far) {
      far = k < FAR_SCALE;
      viewport.classList.toggle('zoom-far', far);
    }
    const next = k >= nodeLevel ? 'node' : 'cluster';
    if (next !== level) {
      level = next;
      onLevel(next);
    }
  };
  /**
   * The size read last in this run of scripts (cleared in a microtask). A view set by code ends
   * in the same run as the read that placed it; reading again there would lay out the drawing
   * under its new transform, in that task (90 ms for a big cluster's fit, loaded).
   */
  let lastSize: { w: number; h: number } | null = null;
  /**
   * The size the browser last laid the element out at, kept by a ResizeObserver (it calls back
   * after layout, before paint). Reading `clientWidth` instead lays out the whole page when the
   * DOM changed earlier in the task: 154 ms of a big cluster's draw task, profiled while its
   * dumps were still arriving. Unset until the first callback, then the read above is used.
   */
  let observed: { w: number; h: number } | null = null;
  const ro =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => {
          const box = entries[entries.length - 1]?.contentRect;
          // The element has no padding or border (topology.css): its content box is its client box.
          if (box)
            observed = { w: Math.round(box.width) || 1000, h: Math.round(box.height) || 700 };
        })
      : null;
  ro?.observe(svg);
  const size = (): { w: number; h: number } => {
    if (observed) return observed;
    if (!lastSize)
      queueMicrotask(() => {
        lastSize = null;
      });
    lastSize = { w: svg.clientWidth || 1000, h: svg.clientHeight || 700 };
    return lastSize;
  };
  const centre = (t: ZoomTransform, { w, h }: Size): ViewCentre => {
    const [x, y] = t.invert([w / 2, h / 2]);
    return { x, y, k: t.k };
  };
  const viewAt = (at: Size): ViewCentre => centre(current, at);
  const behaviour: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([MIN_SCALE, MAX_SCALE])
    // The viewport is the element's box (explicit, rather than d3's viewBox/width sniffing).
    .extent(() => {
      const { w, h } = size();
      return [
        [0, 0],
        [w, h],
      ];
    })
    .on('zoom', (event: { transform: typeof zoomIdentity }) => {
      current = event.transform;
      viewport.setAttribute('transform', event.transform.toString());
      report(event.transform.k);
      onView?.();
    })
    // `data-zooming` while a gesture or transition runs: what tests wait on before a screenshot.
    .on('start.state', () => svg.setAttribute('data-zooming', 'true'))
    // Once per gesture or transition, never per frame (for links and the store).
    .on('end', () => {
      svg.removeAttribute('data-zooming');
      onViewEnd?.(viewAt(lastSize ?? size()));
    });
  const sel = select(svg);
  sel.call(behaviour).on('dblclick.zoom', null);

  return {
    fitBox(box, maxScale, animate) {
      const t = fitted(box, maxScale, size());
      // A big cluster fits only below the usual floor: lower it, so zooming out stays there.
      behaviour.scaleExtent([Math.min(MIN_SCALE, t.k), MAX_SCALE]);
      if (animate && !reducedMotion())
        sel
          .transition()
          .duration(400)
          .call((tr) => behaviour.transform(tr, t));
      else sel.call((s) => behaviour.transform(s, t));
    },
    zoomBy(factor) {
      sel.call((s) => behaviour.scaleBy(s, factor));
    },
    fitView: (box, maxScale, at) => centre(fitted(box, maxScale, at), at),
    getView: (at = size()) => viewAt(at),
    setView(view) {
      const { w, h } = size();
      sel.interrupt();
      const t = zoomIdentity
        .translate(w / 2, h / 2)
        .scale(view.k)
        .translate(-view.x, -view.y);
      sel.call((s) => behaviour.transform(s, t));
    },
    size,
    setTextScale(textScale) {
      nodeLevel = NODE_LEVEL_SCALE / Math.max(textScale, 1);
      if (level !== null) report(current.k);
    },
    destroy() {
      ro?.disconnect();
      sel.interrupt();
      sel.on('.zoom', null);
    },
  };
}
