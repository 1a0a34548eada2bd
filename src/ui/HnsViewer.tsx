import { useCallback, useState } from 'react';
import type { AppStore } from '../state/create-app-store';
import { DesignSwitcher } from './DesignSwitcher';
import { Inspector } from './Inspector';
import { Legend } from './Legend';
import { ObjectTree } from './ObjectTree';
import type { ScenarioCatalog } from './scenario-catalog';
import { StoreProvider, useAppStore, useStoreApi } from './StoreContext';
import { TopologyCanvas } from './TopologyCanvas';
import './viewer.css';

/** Props of the viewer component. */
export interface HnsViewerProps {
  /** This viewer's own store (see `createAppStore`). */
  readonly store: AppStore;
  readonly catalog: ScenarioCatalog;
  /** Called after the user switches design (the app mirrors it into the URL). */
  readonly onScenarioChange?: (id: string) => void;
}

/** The viewer: header with the design switcher, the drawing, the object list and the inspector. */
export function HnsViewer({ store, catalog, onScenarioChange }: HnsViewerProps) {
  return (
    <StoreProvider store={store}>
      <ViewerShell catalog={catalog} onScenarioChange={onScenarioChange} />
    </StoreProvider>
  );
}

function ViewerShell({ catalog, onScenarioChange }: Omit<HnsViewerProps, 'store'>) {
  const store = useStoreApi();
  const scenarioId = useAppStore((s) => s.scenarioId);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onDrawn = useCallback(() => setReady(true), []);
  const switchTo = (id: string): void => {
    if (id === store.getState().scenarioId) return;
    try {
      store.getState().loadTopology(id, catalog.build(id));
      setError(null);
      onScenarioChange?.(id);
    } catch (e) {
      setError(`Could not build ${id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const title = scenarioId ? catalog.title(scenarioId) : 'No topology loaded';
  return (
    <div
      className="hv-root"
      data-state={ready ? 'ready' : 'loading'}
      data-scenario={scenarioId ?? ''}
    >
      <header className="hv-header">
        <h1 className="hv-app-name">hnsviz</h1>
        <DesignSwitcher
          ids={catalog.ids}
          current={scenarioId}
          shortTitle={(id) => catalog.shortTitle(id)}
          title={(id) => catalog.title(id)}
          onChange={switchTo}
        />
        <p className="hv-scenario-title" aria-live="polite">
          {title}
        </p>
      </header>
      {error && (
        <p className="hv-error" role="alert">
          {error}
        </p>
      )}
      <main className="hv-main">
        <TopologyCanvas title={title} onDrawn={onDrawn} />
      </main>
      <footer className="hv-footer">
        <Legend />
      </footer>
      <aside className="hv-side">
        <ObjectTree />
        <Inspector />
      </aside>
    </div>
  );
}
