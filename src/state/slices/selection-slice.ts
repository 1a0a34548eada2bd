import { indexTopology } from '../../layout/object-index';
import type { SelectionSlice, SliceCreator } from '../app-state';

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selectedId: null,
  hoveredId: null,
  select: (id) => {
    const t = get().topology;
    const portId = id !== null && t ? (indexTopology(t)[id]?.portId ?? null) : null;
    set((s) => {
      s.selectedId = id;
      s.expandedPortId = portId;
    });
  },
  hover: (id) =>
    set((s) => {
      s.hoveredId = id;
    }),
});
