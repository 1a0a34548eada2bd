/**
 * Public surface of hnsviz for the app shell and external hosts. app/ imports only from here.
 */
export { mountViewer, type MountViewerOptions, type MountedViewer } from './embed/mount-viewer';
export { referenceCatalog, DEFAULT_SCENARIO } from './share/reference-catalog';
export type { HnsvizTestApi } from './embed/test-api';
export { bootApp, type BootOptions } from './embed/boot-app';
export { registerOfflineSupport } from './embed/offline';
export type { AppUpdates, UpdateState } from './ui/UpdateNotice';
export { installEmbedBridge, type BridgeCommand, type BridgeEvent } from './embed/bridge';
export { defineHnsViz, HnsVizElement } from './embed/hns-viz-element';
export { decodeLink, encodeLink, MAX_LINK_CHARS } from './share/codec';
export { parseViewState, defaultViewState, type ViewState } from './share/view-state';
export { viewStateOf, applyViewState } from './share/store-link';
export { scrubTopology, scrubTopologyWith } from './model/scrub-topology';
export { HnsViewer, type HnsViewerProps } from './ui/HnsViewer';
export type { ScenarioCatalog } from './share/scenario-catalog';
export { createAppStore, type AppStore, type AppStoreInit } from './state/create-app-store';
export { createTopologyRenderer } from './render/topology-renderer';
export type {
  TopologyRenderer,
  TopologyViewModel,
  HighlightSet,
  RendererCallbacks,
} from './render/view-model';
export { layoutTopology } from './layout/layout-topology';
