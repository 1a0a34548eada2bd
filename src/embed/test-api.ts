import type { ObjectKind } from '../layout/object-index';
import type { AppStore } from '../state/create-app-store';
import { selectZoomLevel } from '../state/selectors';
import type { ZoomLevel } from '../layout/geometry';
import type { TraceRequest } from '../engine/types';
import type { Theme } from '../view-model/theme';
import { buildScenario } from '../scenarios';
import { scaledCluster } from '../scenarios/scaled';

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
  /** The link-relevant state: what a shared link must restore. */
  view(): {
    scenarioId: string | null;
    selectedId: string | null;
    trace: TraceRequest | null;
    traceStatus: string;
    verdict: string | null;
    step: number;
    theme: string;
    verbosity: string;
    compare: { left: string; right: string } | null;
    viewCentre: { x: number; y: number; k: number } | null;
    linkNotice: string | null;
    source: 'scenario' | 'dump' | null;
  };
  trace(req: TraceRequest | null): void;
  setStep(step: number): void;
  setTheme(theme: Theme): void;
  /** Load the reference cluster with `extraPerNode` more pods per node (the fps bench). */
  loadScaled(extraPerNode: number): void;
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
    loadScaled: (n) =>
      store.getState().loadTopology(null, buildScenario('new-l2bridge', scaledCluster(n))),
    view: () => {
      const s = store.getState();
      return {
        scenarioId: s.scenarioId,
        selectedId: s.selectedId,
        trace: s.traceRequest,
        traceStatus: s.traceStatus,
        verdict: s.trace?.verdict ?? null,
        step: s.step,
        theme: s.theme,
        verbosity: s.verbosity,
        compare: s.compare,
        viewCentre: s.viewCentre,
        linkNotice: s.linkNotice,
        source: s.topology ? (s.scenarioId === null ? 'dump' : 'scenario') : null,
      };
    },
    trace: (req) => store.getState().setTraceRequest(req),
    setStep: (step) => store.getState().setStep(step),
    setTheme: (theme) => store.getState().setTheme(theme),
  };
  window.__hnsviz = api;
  return () => {
    if (window.__hnsviz === api) delete window.__hnsviz;
  };
}
