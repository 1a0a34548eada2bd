import { indexTopology } from '../../layout/object-index';
import { hasEntry } from '../../shared/table';
import type { SliceCreator, TopologySlice } from '../app-state';

export const createTopologySlice: SliceCreator<TopologySlice> = (set) => ({
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
