import { immer } from 'zustand/middleware/immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Topology } from '../model/types';
import type { AppState } from './app-state';
import { createDumpSlice } from './slices/dump-slice';
import { createEngineSlice } from './slices/engine-slice';
import { createSelectionSlice } from './slices/selection-slice';
import { createShareSlice } from './slices/share-slice';
import { createStorageSlice } from './slices/storage-slice';
import { createTopologySlice } from './slices/topology-slice';
import { createTraceSlice } from './slices/trace-slice';
import { createUiSlice } from './slices/ui-slice';
import { createViewSlice } from './slices/view-slice';

/** A viewer's store. One per viewer instance; never a module-level singleton. */
export type AppStore = StoreApi<AppState>;

/** What a viewer starts with. */
export interface AppStoreInit {
  readonly scenarioId?: string | null;
  readonly topology?: Topology | null;
}

/**
 * Create the store of one viewer (zustand vanilla + immer, slices combined here).
 *
 * @example
 * const store = createAppStore({ scenarioId: 'new-l2bridge', topology: buildScenario('new-l2bridge') });
 * store.getState().select('pod:a1');
 */
export function createAppStore(init: AppStoreInit = {}): AppStore {
  const store = createStore<AppState>()(
    immer((set, get, api) => ({
      ...createTopologySlice(set, get, api),
      ...createSelectionSlice(set, get, api),
      ...createViewSlice(set, get, api),
      ...createUiSlice(set, get, api),
      ...createTraceSlice(set, get, api),
      ...createShareSlice(set, get, api),
      ...createDumpSlice(set, get, api),
      ...createStorageSlice(set, get, api),
      ...createEngineSlice(set, get, api),
    })),
  );
  if (init.topology) store.getState().loadTopology(init.scenarioId ?? null, init.topology);
  return store;
}
