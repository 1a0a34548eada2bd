import type { TopologyLayout, ZoomLevel } from '../layout/geometry';
import type { PortDetailLayout } from '../layout/port-detail';
import type { ViewCentre } from './zoom-behaviour';

export type { ViewCentre };

/** Everything the topology renderer draws, computed outside it (pure data). */
export interface TopologyViewModel {
  readonly layout: TopologyLayout;
  /** The expanded port's card, when a port is expanded. */
  readonly detail: PortDetailLayout | null;
  /** Accessible name of the whole drawing, e.g. the scenario title. */
  readonly title: string;
}

/** Objects to emphasise: the selection, objects related to it, and the one under the pointer. */
export interface HighlightSet {
  readonly selected: string | null;
  readonly related: readonly string[];
  readonly hovered: string | null;
}

/** Callbacks from the drawing back to its owner (usually store actions). */
export interface RendererCallbacks {
  /** A click on an object (its id) or on empty canvas (null). */
  readonly onSelect: (id: string | null) => void;
  readonly onHover: (id: string | null) => void;
  /** The zoom scale crossed the cluster/node threshold. */
  readonly onZoomLevel?: (level: Exclude<ZoomLevel, 'port'>) => void;
  /** A pan/zoom gesture or transition ended (once, not per frame). */
  readonly onViewEnd?: (view: ViewCentre) => void;
}

/** The handle returned by `createTopologyRenderer`. */
export interface TopologyRenderer {
  /**
   * Draw `vm`. With `grow`, `vm`'s items are the last drawn ones (the same objects, in the same
   * order) with more at the end, as a big drawing is drawn a part at a time: only the new (or
   * replaced) objects are written, the others are left as they are. With `fit`, the view is
   * fitted to `vm` before it is drawn (a big drawing is then drawn once, for that view).
   */
  update(vm: TopologyViewModel, opts?: { readonly grow?: boolean; readonly fit?: boolean }): void;
  /**
   * For a big drawing (drawn for the view), make the cut `update(vm, opts)` will paint, a part
   * per step (`cutSteps`), so that update's task only paints. With `fit`: the cut of the fitted
   * view. Kept for the next update only, which uses it if the layout, viewport and view are
   * still the ones it was made for (else it cuts again).
   */
  cutAhead(vm: TopologyViewModel, opts?: { readonly fit?: boolean }): Generator<void, void>;
  highlight(ids: HighlightSet): void;
  /** Zoom to show the whole topology. */
  fit(): void;
  /** Zoom by a factor around the centre (keyboard and buttons). */
  zoomBy(factor: number): void;
  /** The current pan/zoom (world point at the viewport centre, scale). */
  getView(): ViewCentre;
  /** Jump to a pan/zoom (links, restores). */
  setView(view: ViewCentre): void;
  /** The `<g>` above the drawing, inside the zoom transform, for the packet animators. */
  overlay(): SVGGElement;
  destroy(): void;
}
