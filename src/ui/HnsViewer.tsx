import { useCallback, useState, type KeyboardEvent } from 'react';
import type { AppStore } from '../state/create-app-store';
import { DesignSwitcher } from './DesignSwitcher';
import { Inspector } from './Inspector';
import { Legend } from './Legend';
import { ObjectTree } from './ObjectTree';
import type { ScenarioCatalog } from '../share/scenario-catalog';
import { StoreProvider, useAppStore, useStoreApi } from './StoreContext';
import { TopologyCanvas } from './TopologyCanvas';
import { LinkNotice } from './LinkNotice';
import { UpdateNotice, type AppUpdates } from './UpdateNotice';
import { ViewerActions } from './ViewerActions';
import { CompareEvents } from './CompareEvents';
import { ComparePanel } from './ComparePanel';
import { LessonPanel } from './LessonPanel';
import { MatrixPanel } from './MatrixPanel';
import { TraceBar } from './TraceBar';
import { TraceSide } from './TraceSide';
import { Transcript } from './Transcript';
import { WorkshopBar } from './WorkshopBar';
import { handlePlaybackKey, usePlaybackDriver } from './usePlayback';
import { useTraceEngine } from './useTraceEngine';
import { prepareParsedMatrix, usePrepareMatrix } from './useMatrix';
import type { TraceEngine } from '../state/trace-runner';
import { selectDumpShown } from '../state/slices/dump-slice';
import { ImportActions } from './ImportActions';
import { ImportSide } from './ImportSide';
import { SearchBox } from './SearchBox';
import { ImportStatus } from './ImportStatus';
import { KeptDumpNotices } from './KeptDumpNotices';
import { EngineNotice } from './EngineNotice';
import { useDumpImporter, type DumpRestore } from './useDumpImporter';
import { THEME_TEXT_SCALE } from './text-scale';
import { ShortcutSheet } from './ShortcutSheet';
import { isSnapshotId } from './snapshot-catalog';
import { useSnapshotCompare } from './useSnapshotCompare';
import './viewer.css';

/** Props of the viewer component. */
export interface HnsViewerProps {
  /** This viewer's own store (see `createAppStore`). */
  readonly store: AppStore;
  readonly catalog: ScenarioCatalog;
  /** Called after the user switches design (the app mirrors it into the URL). */
  readonly onScenarioChange?: (id: string) => void;
  /** `minimal` (embeds): drawing and playback only. Default `full`. */
  readonly chrome?: ViewerChrome;
  /** Base URL of the app, for the share dialog's link and snippets; no URL, no dialog. */
  readonly appUrl?: string;
  /** Trace engine override (tests); default: a module Web Worker of this viewer's own. */
  readonly engine?: TraceEngine;
  /**
   * Imported dumps: `keep` the last inputs in IndexedDB; `restore` them on mount.
   * Default: neither (embeds, tests); the app passes both.
   */
  readonly dumps?: { readonly keep: boolean; readonly restore: DumpRestore };
  /** New versions of the app (its service worker): a "Reload" notice when one waits. */
  readonly updates?: AppUpdates;
}

export type ViewerChrome = 'full' | 'minimal';

/** The viewer: header with the design switcher, the drawing, the object list and the inspector. */
export function HnsViewer({ store, ...rest }: HnsViewerProps) {
  return (
    <StoreProvider store={store}>
      <ViewerShell {...rest} />
    </StoreProvider>
  );
}

function ViewerShell({
  catalog,
  onScenarioChange,
  chrome = 'full',
  appUrl,
  engine,
  dumps,
  updates,
}: Omit<HnsViewerProps, 'store'>) {
  const store = useStoreApi();
  const scenarioId = useAppStore((s) => s.scenarioId);
  const theme = useAppStore((s) => s.theme);
  const mode = useAppStore((s) => s.mode);
  // The compare view and the trace runner also know the imported before/after snapshots.
  const snapshots = useSnapshotCompare(catalog);
  useTraceEngine(snapshots.build, engine);
  usePlaybackDriver();
  // A parsed dump's matrix is prepared before the page draws it (where it can be opened).
  const importer = useDumpImporter(
    dumps?.keep ?? false,
    dumps?.restore ?? false,
    chrome === 'full' ? prepareParsedMatrix : undefined,
  );
  // A dump's topology goes to the matrix's worker from the importer's, not from the page.
  const matrixPrepared = usePrepareMatrix(chrome === 'full', importer.sendIn);
  const dumpShown = useAppStore(selectDumpShown);
  const topologyTitle = useAppStore((s) => s.topology?.title ?? null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (handlePlaybackKey(store, e)) e.preventDefault();
  };
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
  const title = scenarioId ? catalog.title(scenarioId) : (topologyTitle ?? 'No topology loaded');
  return (
    <div
      className="hv-root"
      data-state={ready ? 'ready' : 'loading'}
      data-scenario={scenarioId ?? ''}
      data-chrome={chrome}
      data-matrix={matrixPrepared ? 'prepared' : undefined}
      data-theme={theme}
      data-mode={mode}
      onKeyDown={onKeyDown}
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
        {chrome === 'full' && <WorkshopBar />}
        {chrome === 'full' && <ImportActions importer={importer} catalog={catalog} />}
        <ViewerActions catalog={catalog} appUrl={appUrl} chrome={chrome} />
      </header>
      <TraceBar builder={chrome === 'full'} />
      <div className="hv-notices">
        <UpdateNotice updates={updates} />
        <LinkNotice />
        {error && (
          <p className="hv-error" role="alert">
            {error}
          </p>
        )}
        {chrome === 'full' && (
          <ImportStatus
            importer={importer}
            onCleared={() => {
              const first = catalog.ids[0];
              if (first && store.getState().scenarioId === null) switchTo(first);
            }}
          />
        )}
        {chrome === 'full' && <KeptDumpNotices importer={importer} />}
        <EngineNotice />
      </div>
      <main className="hv-main">
        {mode === 'compare' ? (
          <ComparePanel catalog={snapshots.catalog} onDrawn={onDrawn} />
        ) : (
          // Kept under the matrix: unmounting the drawing was the Matrix click's longest work.
          <TopologyCanvas
            title={title}
            onDrawn={onDrawn}
            textScale={THEME_TEXT_SCALE[theme]}
            hidden={mode === 'matrix'}
          />
        )}
        {mode === 'matrix' && <MatrixPanel sendIn={importer.sendIn} />}
      </main>
      <Transcript />
      {chrome === 'full' && <ShortcutSheet />}
      <footer className="hv-footer">
        <Legend />
      </footer>
      <aside className="hv-side">
        {mode !== 'compare' && <SearchBox searchIn={importer.searchIn} />}
        {mode === 'compare' ? (
          <CompareEvents
            label={(id) => (isSnapshotId(id) ? snapshots.catalog.shortTitle(id) : id)}
          />
        ) : (
          <TraceSide
            lead={mode === 'lesson' ? <LessonPanel onScenario={switchTo} /> : undefined}
            dump={
              dumpShown && chrome === 'full'
                ? (hidden) => (
                    <ImportSide importer={importer} snapshots={snapshots} hidden={hidden} />
                  )
                : undefined
            }
            objects={
              <>
                <ObjectTree />
                <Inspector />
              </>
            }
          />
        )}
      </aside>
    </div>
  );
}
