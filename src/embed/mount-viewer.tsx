import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { indexTopology } from '../layout/object-index';
import { applyViewState } from '../share/store-link';
import type { ViewState } from '../share/view-state';
import { createAppStore, type AppStore } from '../state/create-app-store';
import { HnsViewer, type HnsViewerProps, type ViewerChrome } from '../ui/HnsViewer';
import type { ScenarioCatalog } from '../share/scenario-catalog';
import { DEFAULT_SCENARIO, referenceCatalog } from '../share/reference-catalog';
import { installTestApi } from './test-api';

/** Options of `mountViewer`. */
export interface MountViewerOptions {
  /** Design to open on; unknown ids fall back to the default (`new-l2bridge`). */
  readonly scenarioId?: string | null;
  /** A whole validated view to open on (wins over `scenarioId`). */
  readonly initialState?: ViewState | null;
  /** A message to show first (e.g. why a link could not be opened). */
  readonly notice?: string | null;
  readonly catalog?: ScenarioCatalog;
  /** `minimal` for embeds: drawing and playback only, no side panels. */
  readonly chrome?: ViewerChrome;
  /** Base URL of the hnsviz app, for share links and snippets (none: no share dialog). */
  readonly appUrl?: string | null;
  /** Install `window.__hnsviz` (the app passes true for `?e2e=1` only). */
  readonly e2e?: boolean;
  readonly onScenarioChange?: (id: string) => void;
  /** Imported dumps: keep the last one in IndexedDB and restore it (the app; not embeds). */
  readonly dumps?: HnsViewerProps['dumps'];
  /** New versions of the app (`registerOfflineSupport()`): shows a "Reload" notice. */
  readonly updates?: HnsViewerProps['updates'];
}

/** A mounted viewer. */
export interface MountedViewer {
  readonly store: AppStore;
  setScenario(id: string): void;
  /** Show a validated view state (links, the postMessage bridge, element attributes). */
  applyState(state: ViewState): void;
  unmount(): void;
}

/**
 * Mount a viewer (its own store, React root) into `element`.
 *
 * @example
 * const viewer = mountViewer(document.getElementById('root')!, { scenarioId: 'old-winnat' });
 * viewer.setScenario('new-overlay');
 */
export function mountViewer(element: HTMLElement, options: MountViewerOptions = {}): MountedViewer {
  const catalog = options.catalog ?? referenceCatalog;
  const wanted = options.scenarioId ?? DEFAULT_SCENARIO;
  const first = catalog.ids.includes(wanted)
    ? wanted
    : (catalog.ids.find((id) => id === DEFAULT_SCENARIO) ?? catalog.ids[0]);
  const store = createAppStore(first ? { scenarioId: first, topology: catalog.build(first) } : {});
  let cancelStep = (): void => undefined;
  // A state the host applies is the page speaking: its theme is shown even over a preference.
  const applyState = (state: ViewState): void => {
    cancelStep();
    store.getState().setTheme(state.theme);
    cancelStep = applyViewState(store, state, catalog);
  };
  if (options.initialState) applyState(options.initialState);
  if (options.notice) store.getState().setLinkNotice(options.notice);
  const setScenario = (id: string): void => {
    if (id === store.getState().scenarioId) return;
    store.getState().loadTopology(id, catalog.build(id));
    options.onScenarioChange?.(id);
  };
  const root = createRoot(element);
  root.render(
    <StrictMode>
      <HnsViewer
        store={store}
        catalog={catalog}
        onScenarioChange={options.onScenarioChange}
        chrome={options.chrome}
        appUrl={options.appUrl ?? undefined}
        dumps={options.dumps}
        updates={options.updates}
      />
    </StrictMode>,
  );
  const uninstall = options.e2e
    ? installTestApi(store, setScenario, (id) => {
        const t = store.getState().topology;
        return t ? (indexTopology(t)[id]?.kind ?? null) : null;
      })
    : () => undefined;
  return {
    store,
    setScenario,
    applyState,
    unmount: () => {
      cancelStep();
      uninstall();
      root.unmount();
    },
  };
}
