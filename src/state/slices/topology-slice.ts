import type { StateCreator } from 'zustand/vanilla';
import { indexTopology } from '../../layout/object-index';
import type { Topology } from '../../model/types';
import type { AppState } from '../app-state';
import { hasEntry } from '../../shared/table';

/** The loaded model: which scenario (or dump) and its topology. */
export interface TopologySlice {
  /** Scenario id (`new-l2bridge`, …) or null for a topology that did not come from one. */
  readonly scenarioId: string | null;
  readonly topology: Topology | null;
  /** Show `topology`; keeps the selection when the selected id still exists (stable ids). */
  loadTopology(scenarioId: string | null, topology: Topology): void;
}

export const createTopologySlice: StateCreator<
  AppState,
  [['zustand/immer', never]],
  [],
  TopologySlice
> = (set) => ({
  scenarioId: null,
  topology: null,
  loadTopology: (scenarioId, topology) =>
    set((s) => {
      s.scenarioId = scenarioId;
      // IMPORTANT: the topology is immutable model data; freeze it once here rather than letting
      // Immer walk a large dump on every later update.
      s.topology = Object.freeze(topology) as typeof s.topology;
      if (s.selectedId !== null && !hasEntry(indexTopology(topology), s.selectedId))
        s.selectedId = null;
      if (s.expandedPortId !== null && !topology.ports[s.expandedPortId]) s.expandedPortId = null;
      s.hoveredId = null;
    }),
});
