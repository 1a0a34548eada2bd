import type { StateCreator } from 'zustand/vanilla';
import type { ZoomLevel } from '../../layout/geometry';
import type { AppState } from '../app-state';

/** Semantic zoom. The pan/zoom transform itself stays in the renderer (it changes per frame). */
export interface ViewSlice {
  /** Level from the zoom scale: `cluster` or `node` (`port` is derived, see selectZoomLevel). */
  readonly scaleLevel: Exclude<ZoomLevel, 'port'>;
  /** The port whose groups and rules are shown, if any. */
  readonly expandedPortId: string | null;
  setScaleLevel(level: Exclude<ZoomLevel, 'port'>): void;
  expandPort(portId: string | null): void;
}

export const createViewSlice: StateCreator<AppState, [['zustand/immer', never]], [], ViewSlice> = (
  set,
) => ({
  scaleLevel: 'cluster',
  expandedPortId: null,
  setScaleLevel: (level) =>
    set((s) => {
      s.scaleLevel = level;
    }),
  expandPort: (portId) =>
    set((s) => {
      s.expandedPortId = portId;
    }),
});
