import type { StateCreator } from 'zustand/vanilla';
import { indexTopology } from '../../layout/object-index';
import type { AppState } from '../app-state';

/** What the user picked (in the drawing or the tree) and what the pointer is over. */
export interface SelectionSlice {
  readonly selectedId: string | null;
  readonly hoveredId: string | null;
  /**
   * Select an object (null clears). Selecting a port, layer, group or rule also expands that
   * port (semantic zoom level `port`); selecting anything else collapses it.
   */
  select(id: string | null): void;
  hover(id: string | null): void;
}

export const createSelectionSlice: StateCreator<
  AppState,
  [['zustand/immer', never]],
  [],
  SelectionSlice
> = (set, get) => ({
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
