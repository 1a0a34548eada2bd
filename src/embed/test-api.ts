import type { ObjectKind } from '../layout/object-index';
import type { AppStore } from '../state/create-app-store';
import { selectZoomLevel } from '../state/selectors';
import type { ZoomLevel } from '../layout/geometry';

/**
 * The e2e test API installed on `window.__hnsviz` with `?e2e=1` only. e2e/viewer-api.ts mirrors
 * this type (the e2e project cannot import app code); keep them in step.
 */
export interface HnsvizTestApi {
  readonly version: 1;
  state(): {
    scenarioId: string | null;
    selectedId: string | null;
    expandedPortId: string | null;
    zoomLevel: ZoomLevel;
  };
  select(id: string | null): void;
  setScenario(id: string): void;
  /** Ids of the endpoints of a pod, by pod name. */
  podEndpointIds(podName: string): string[];
  kindOf(id: string): ObjectKind | null;
}

declare global {
  interface Window {
    __hnsviz?: HnsvizTestApi;
  }
}

/** Install the test API for `store`; returns the uninstaller. */
export function installTestApi(
  store: AppStore,
  setScenario: (id: string) => void,
  kindOf: (id: string) => ObjectKind | null,
): () => void {
  const api: HnsvizTestApi = {
    version: 1,
    state: () => {
      const s = store.getState();
      return {
        scenarioId: s.scenarioId,
        selectedId: s.selectedId,
        expandedPortId: s.expandedPortId,
        zoomLevel: selectZoomLevel(s),
      };
    },
    select: (id) => store.getState().select(id),
    setScenario,
    podEndpointIds: (podName) => {
      const t = store.getState().topology;
      const pod = t ? Object.values(t.pods).find((p) => p.name === podName) : undefined;
      return pod ? [...pod.endpointIds] : [];
    },
    kindOf,
  };
  window.__hnsviz = api;
  return () => {
    if (window.__hnsviz === api) delete window.__hnsviz;
  };
}
