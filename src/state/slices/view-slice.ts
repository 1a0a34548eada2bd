import type { SliceCreator, ViewSlice } from '../app-state';

export const createViewSlice: SliceCreator<ViewSlice> = (set) => ({
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
