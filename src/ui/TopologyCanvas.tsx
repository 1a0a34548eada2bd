import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { TopologyLayout } from '../layout/geometry';
import { layoutTopology } from '../layout/layout-topology';
import { indexTopology, relatedIds } from '../layout/object-index';
import { layoutPortDetail } from '../layout/port-detail';
import { CULL_FROM } from '../render/cull';
import { createTopologyRenderer } from '../render/topology-renderer';
import { selectDumpShown } from '../state/slices/dump-slice';
import type { TopologyRenderer, ViewCentre } from '../render/view-model';
import { useAppStore, useStoreApi } from './StoreContext';
import { useFitOnResize } from './useFitOnResize';
import { shortcutOf } from './shortcuts';
import { usePacketAnimator } from './usePacketAnimator';
import { pushAll } from '../shared/arrays';

/** Drawings with more objects than this are drawn after React's commit, CHUNK objects a task. */
const BIG_DRAWING = 400;
const CHUNK = 300;

interface Props {
  readonly title: string;
  /** Called after each draw; the viewer uses it to set `data-state="ready"`. */
  readonly onDrawn: () => void;
  /** Re-fit when the canvas changes size (compare panes). */
  readonly fitOnResize?: boolean;
  /** Text size of the drawing relative to the default themes (projector: bigger). */
  readonly textScale?: number;
  /**
   * Kept mounted but not shown (the Matrix view): switching modes must not tear down thousands
   * of SVG nodes in the click's task. While hidden nothing is drawn, moved or animated (a
   * `display: none` box has no size to fit to); what changed meanwhile is drawn when shown.
   */
  readonly hidden?: boolean;
}

/** The SVG canvas. React owns the `<svg>`; the d3 renderer owns everything inside it. */
export function TopologyCanvas({
  title,
  onDrawn,
  fitOnResize = false,
  textScale = 1,
  hidden = false,
}: Props) {
  const store = useStoreApi();
  const svgRef = useRef<SVGSVGElement>(null);
  const rendererRef = useRef<TopologyRenderer | null>(null);
  /** The view the renderer reported last (where it stands): the store's copy needs no move. */
  const reported = useRef<ViewCentre | null>(null);
  const topology = useAppStore((s) => s.topology);
  const expandedPortId = useAppStore((s) => s.expandedPortId);
  const selectedId = useAppStore((s) => s.selectedId);
  const hoveredId = useAppStore((s) => s.hoveredId);
  const highlightIds = useAppStore((s) => s.highlightIds);

  const layout = useMemo(
    () => (topology ? layoutTopology(topology, { textScale }) : null),
    [topology, textScale],
  );
  const detail = useMemo(
    () =>
      topology && layout && expandedPortId
        ? layoutPortDetail(topology, layout, expandedPortId)
        : null,
    [topology, layout, expandedPortId],
  );

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return undefined;
    const renderer = createTopologyRenderer(svg, {
      onSelect: (id) => store.getState().select(id),
      onHover: (id) => store.getState().hover(id),
      onZoomLevel: (level) => store.getState().setScaleLevel(level),
      onViewEnd: (view) => {
        reported.current = view;
        store.getState().setViewCentre(view);
      },
    });
    rendererRef.current = renderer;
    return () => {
      renderer.destroy();
      rendererRef.current = null;
    };
  }, [store]);

  // A view from a link or file: applied once per renderer, after its first fit.
  const restoredFor = useRef<TopologyRenderer | null>(null);
  // A newly imported dump is a different drawing altogether: fit it (design switches keep the view).
  const shownDump = useRef<string | null>(null);
  // What the renderer has drawn in full: shown again unchanged, it needs no new draw.
  const drawn = useRef<readonly unknown[]>([]);
  useEffect(() => {
    const r = rendererRef.current;
    if (!layout || !r || hidden) return undefined;
    const what = [r, layout, detail, title];
    if (what.every((x, i) => drawn.current[i] === x)) return undefined;
    const s = store.getState();
    const dumpId = selectDumpShown(s) && s.topology ? s.topology.id : null; // imported dumps only
    const n = layout.items.length;
    const draw = (part: TopologyLayout = layout, grow = false): void => {
      const pending = restoredFor.current === r ? null : store.getState().viewCentre;
      restoredFor.current = r;
      const fresh = dumpId !== null && dumpId !== shownDump.current && !pending;
      // A drawing the renderer draws for the view (`CULL_FROM`) is fitted before it is drawn.
      const fitFirst = fresh && n >= CULL_FROM;
      r.update({ layout: part, detail, title }, { grow, fit: fitFirst });
      // Readiness for tests and benches: the whole layout is drawn (not a progressive part).
      svgRef.current?.setAttribute('data-drawing', part === layout ? 'complete' : 'partial');
      if (pending) r.setView(pending);
      // A newly shown dump is fitted in a task of its own (drawing and fitting a big one
      // are two long steps, not one).
      if (fresh && !fitFirst) setTimeout(() => rendererRef.current === r && r.fit(), 0);
      shownDump.current = dumpId;
      if (part === layout) drawn.current = what;
      onDrawn();
    };
    if (dumpId === null || dumpId === shownDump.current || n < BIG_DRAWING) {
      draw();
      return undefined;
    }
    // A drawing the renderer draws for the view (`CULL_FROM`) is small in the DOM: drawn at
    // once, after React's commit. The cut for the view it is shown in (fitted, unless a view
    // is to be restored) is made first, a part per task; the draw's own task then only paints.
    if (n >= CULL_FROM) {
      const restoring = restoredFor.current !== r && s.viewCentre !== null;
      const steps = r.cutAhead({ layout, detail, title }, { fit: !restoring });
      let timer: ReturnType<typeof setTimeout>;
      const step = (): void => {
        timer = setTimeout(steps.next().done === true ? () => draw() : step, 0);
      };
      timer = setTimeout(step, 0);
      return () => clearTimeout(timer);
    }
    // A big new dump: drawn after React's commit, a few hundred objects per task (progressively).
    const chunk = Math.ceil(layout.items.length / Math.ceil(layout.items.length / CHUNK));
    let shown = 0;
    let timer: ReturnType<typeof setTimeout>;
    const step = (): void => {
      // After the first part, each part only adds objects: only those are written.
      const grow = shown > 0;
      shown += chunk;
      if (shown >= layout.items.length) return draw(layout, grow);
      const part = { ...layout, items: layout.items.slice(0, shown), links: [] };
      r.update({ layout: part, detail, title }, { grow });
      svgRef.current?.setAttribute('data-drawing', 'partial');
      timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [store, layout, detail, title, onDrawn, hidden]);

  // Views set later (a link pasted into the tab, the embed bridge) move the drawing too.
  const viewCentre = useAppStore((s) => s.viewCentre);
  useEffect(() => {
    const r = rendererRef.current;
    // The renderer's own report (a fit, a gesture's end): asking it where it stands would read
    // the viewport's size, laying out the drawing just drawn inside this task.
    if (!r || hidden || !viewCentre || viewCentre === reported.current) return;
    const now = r.getView();
    const off = Math.abs(now.x - viewCentre.x) + Math.abs(now.y - viewCentre.y);
    if (off > 0.5 || Math.abs(now.k - viewCentre.k) > 1e-3) r.setView(viewCentre);
  }, [viewCentre, hidden]);

  // The packet of the current trace, drawn on the renderer's overlay (after the renderer exists).
  usePacketAnimator(rendererRef, hidden ? null : layout);
  useFitOnResize(rendererRef, fitOnResize);

  useEffect(() => {
    if (hidden) return;
    const related =
      topology && selectedId ? relatedIds(topology, indexTopology(topology), selectedId) : [];
    // A lint finding's objects (dumps) light up together while its first one stays selected.
    if (selectedId !== null && highlightIds[0] === selectedId) pushAll(related, highlightIds);
    rendererRef.current?.highlight({ selected: selectedId, related, hovered: hoveredId });
  }, [topology, layout, detail, selectedId, hoveredId, highlightIds, hidden]);

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>): void => {
    const r = rendererRef.current;
    if (!r) return;
    const key = shortcutOf(e);
    if (key === 'zoom-in') r.zoomBy(1.25);
    else if (key === 'zoom-out') r.zoomBy(0.8);
    else if (key === 'fit') r.fit();
    else if (key === 'deselect') store.getState().select(null);
    else return;
    e.preventDefault();
  };

  return (
    <div className="hv-canvas" hidden={hidden}>
      <svg
        ref={svgRef}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-roledescription="topology drawing"
      />
      <div className="hv-zoom-buttons" role="group" aria-label="Zoom">
        <button
          type="button"
          onClick={() => rendererRef.current?.zoomBy(1.25)}
          aria-label="Zoom in"
        >
          +
        </button>
        <button
          type="button"
          onClick={() => rendererRef.current?.zoomBy(0.8)}
          aria-label="Zoom out"
        >
          −
        </button>
        <button type="button" onClick={() => rendererRef.current?.fit()} aria-label="Fit to screen">
          Fit
        </button>
      </div>
    </div>
  );
}
