import type { StateCreator } from 'zustand/vanilla';
import type { ZoomLevel } from '../../layout/geometry';
import type { AppState } from '../app-state';

/** A pan/zoom: the world point at the centre of the viewport, and the scale. */
export interface ViewCentre {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

/** Semantic zoom. The live pan/zoom transform stays in the renderer (it changes per frame). */
export interface ViewSlice {
  /** Level from the zoom scale: `cluster` or `node` (`port` is derived, see selectZoomLevel). */
  readonly scaleLevel: Exclude<ZoomLevel, 'port'>;
  /** The port whose groups and rules are shown, if any. */
  readonly expandedPortId: string | null;
  /**
   * The pan/zoom as last committed: set at the END of a gesture or transition (never per
   * frame) so links and exports can restore it; null until the drawing has been shown.
   */
  readonly viewCentre: ViewCentre | null;
  setViewCentre(view: ViewCentre | null): void;
  setScaleLevel(level: Exclude<ZoomLevel, 'port'>): void;
  expandPort(portId: string | null): void;
}

export const createViewSlice: StateCreator<AppState, [['zustand/immer', never]], [], ViewSlice> = (
  set,
) => ({
  scaleLevel: 'cluster',
  expandedPortId: null,
  viewCentre: null,
  setViewCentre: (view) =>
    set((s) => {
      s.viewCentre = view;
    }),
  setScaleLevel: (level) =>
    set((s) => {
      s.scaleLevel = level;
    }),
  expandPort: (portId) =>
    set((s) => {
      s.expandedPortId = portId;
    }),
});
