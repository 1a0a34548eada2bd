import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Topology } from '../model/types';
import type { ScenarioCatalog } from '../share/scenario-catalog';
import type { EngineClient, HeldEvent } from '../worker/engine-client';
import { isSnapshotId, withSnapshots, type SnapshotCatalog } from './snapshot-catalog';
import { useAppStore, useStoreApi } from './StoreContext';

/**
 * The "after" snapshot picked in "What changed": its model stays in the worker that parsed it
 * (`holdDump`), where its traces and the diff run; the page fetches it only to draw it in the
 * compare view.
 */
export interface AfterSnapshot {
  readonly names: readonly string[];
  /** The worker holding the snapshot's model; ended when the snapshot is replaced. */
  readonly client: EngineClient;
}

export interface SnapshotCompare {
  readonly after: AfterSnapshot | null;
  /** Replace the snapshot (the one replaced is let go, and its worker ended). */
  setAfter(after: AfterSnapshot | null): void;
  /**
   * The designs plus, with a dump shown and a snapshot picked whose model the page has fetched
   * (`compareSnapshots`), "before" and "after".
   */
  readonly catalog: SnapshotCatalog;
  /** A stable builder over the current catalog (for the trace runner). */
  readonly build: (id: string) => Topology;
  /**
   * Show the current trace on before and after side by side in the compare view; the first
   * time, the snapshot's model is fetched from its worker, and the view opens once it is here.
   */
  compareSnapshots(): void;
  /** True while the snapshot's model is fetched for the compare view. */
  readonly opening: boolean;
  /** Why the compare view could not open (the model could not be fetched), else null. */
  readonly openError: string | null;
  /**
   * What became of the snapshot's model when its worker was restarted (read again from its
   * files, or lost: the message names the snapshot), else null.
   */
  readonly held: HeldEvent | null;
  /** Times the snapshot was read again into a restarted worker (its trace and diff rerun). */
  readonly reloads: number;
  /** The `onHeld` of a snapshot's client (`client` is the one `AfterSnapshot` will carry). */
  heldChanged(client: EngineClient, event: HeldEvent): void;
}

/**
 * The viewer's before/after pair: held here (not in "What changed", which the compare view
 * hides) so the compare view can trace on both. When the dump or the snapshot is replaced, a
 * compare view showing the old pair moves to the new one, or back to tracing when none is left.
 */
export function useSnapshotCompare(designs: ScenarioCatalog): SnapshotCompare {
  const store = useStoreApi();
  const before = useAppStore((s) => s.dumpTopology);
  const [after, setAfterState] = useState<AfterSnapshot | null>(null);
  // The snapshot's model on the page, once fetched for the compare view.
  const [model, setModel] = useState<{ for: AfterSnapshot; topology: Topology } | null>(null);
  const afterTopology = after && model?.for === after ? model.topology : null;
  const catalog = useMemo(
    () =>
      withSnapshots(
        designs,
        before && after && afterTopology
          ? { before, after: afterTopology, afterNames: after.names }
          : null,
      ),
    [designs, before, after, afterTopology],
  );
  // A replaced snapshot's worker ends with it (and the last one with the viewer).
  useEffect(() => () => after?.client.dispose(), [after]);
  const current = useRef(catalog);
  const currentAfter = useRef(after);
  useEffect(() => {
    currentAfter.current = after;
  }, [after]);
  useEffect(() => {
    current.current = catalog;
    const s = store.getState();
    const c = s.compare;
    if (!c || !(isSnapshotId(c.left) || isSnapshotId(c.right))) return;
    if (catalog.ids.includes(c.left) && catalog.ids.includes(c.right)) return;
    const ids = catalog.snapshotIds;
    if (ids) s.setCompare({ left: ids.before, right: ids.after });
    else {
      s.setCompare(null);
      s.setMode('explore');
    }
  }, [catalog, store]);
  const build = useCallback((id: string) => current.current.build(id), []);
  const open = useCallback((): boolean => {
    const ids = current.current.snapshotIds;
    if (!ids) return false;
    const s = store.getState();
    s.setPlaying(false);
    s.setCompare({ left: ids.before, right: ids.after });
    s.setMode('compare');
    return true;
  }, [store]);
  // The snapshot the compare view was asked for (`wanted`: opened once its model is here).
  const [asked, setAsked] = useState<AfterSnapshot | null>(null);
  const wanted = useRef<AfterSnapshot | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const setAfter = useCallback((next: AfterSnapshot | null) => {
    setAfterState(next);
    setModel(null);
    setOpenError(null);
  }, []);
  useEffect(() => {
    if (!after || wanted.current !== after || !afterTopology) return;
    wanted.current = null;
    open();
  }, [after, afterTopology, catalog, open]);
  const compareSnapshots = useCallback(() => {
    const a = currentAfter.current;
    if (!a || open()) return;
    wanted.current = a;
    setAsked(a);
    setOpenError(null);
    a.client.fetchModel().then(
      (topology) => {
        if (currentAfter.current === a) setModel({ for: a, topology });
      },
      (e: unknown) => {
        if (currentAfter.current !== a) return;
        wanted.current = null;
        setOpenError(e instanceof Error ? e.message : String(e));
      },
    );
  }, [open]);
  // The snapshot's model across restarts of its worker, for the client it was told by.
  const [heldState, setHeldState] = useState<{
    for: EngineClient;
    event: HeldEvent;
    reloads: number;
  } | null>(null);
  const heldChanged = useCallback((client: EngineClient, event: HeldEvent) => {
    setHeldState((prev) => ({
      for: client,
      event,
      reloads: (prev?.for === client ? prev.reloads : 0) + (event.state === 'reloaded' ? 1 : 0),
    }));
  }, []);
  const shown = after && heldState?.for === after.client ? heldState : null;
  const held = shown?.event ?? null;
  const reloads = shown?.reloads ?? 0;
  const opening = asked !== null && asked === after && !afterTopology && openError === null;
  // One object while nothing in it changes: the Dump tab (memoised) renders again only then.
  return useMemo(
    () => ({
      after,
      setAfter,
      catalog,
      build,
      compareSnapshots,
      opening,
      openError,
      held,
      reloads,
      heldChanged,
    }),
    [
      after,
      setAfter,
      catalog,
      build,
      compareSnapshots,
      opening,
      openError,
      held,
      reloads,
      heldChanged,
    ],
  );
}
