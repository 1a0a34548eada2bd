/**
 * Public surface of hnsviz for the app shell and external hosts. app/ imports only from here.
 */
export { mountViewer, type MountViewerOptions, type MountedViewer } from './embed/mount-viewer';
export { referenceCatalog, DEFAULT_SCENARIO } from './embed/reference-catalog';
export type { HnsvizTestApi } from './embed/test-api';
export { HnsViewer, type HnsViewerProps } from './ui/HnsViewer';
export type { ScenarioCatalog } from './ui/scenario-catalog';
export { createAppStore, type AppStore, type AppStoreInit } from './state/create-app-store';
export { createTopologyRenderer } from './render/topology-renderer';
export type {
  TopologyRenderer,
  TopologyViewModel,
  HighlightSet,
  RendererCallbacks,
} from './render/view-model';
export { layoutTopology } from './layout/layout-topology';
