import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Topology } from '../model/types';
import type { ScenarioCatalog } from '../share/scenario-catalog';
import { isSnapshotId, withSnapshots, type SnapshotCatalog } from './snapshot-catalog';
import { useAppStore, useStoreApi } from './StoreContext';

/** The "after" snapshot picked in "What changed". */
export interface AfterSnapshot {
  readonly topology: Topology;
  readonly names: readonly string[];
}

export interface SnapshotCompare {
  readonly after: AfterSnapshot | null;
  setAfter(after: AfterSnapshot | null): void;
  /** The designs plus, with a dump shown and a snapshot picked, "before" and "after". */
  readonly catalog: SnapshotCatalog;
  /** A stable builder over the current catalog (for the trace runner). */
  readonly build: (id: string) => Topology;
  /** Show the current trace on before and after side by side in the compare view. */
  compareSnapshots(): void;
}

/**
 * The viewer's before/after pair: held here (not in "What changed", which the compare view
 * hides) so the compare view can trace on both. When the dump or the snapshot is replaced, a
 * compare view showing the old pair moves to the new one, or back to tracing when none is left.
 */
export function useSnapshotCompare(designs: ScenarioCatalog): SnapshotCompare {
  const store = useStoreApi();
  const before = useAppStore((s) => s.dumpTopology);
  const [after, setAfter] = useState<AfterSnapshot | null>(null);
  const catalog = useMemo(
    () =>
      withSnapshots(
        designs,
        before && after ? { before, after: after.topology, afterNames: after.names } : null,
      ),
    [designs, before, after],
  );
  const current = useRef(catalog);
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
  const compareSnapshots = useCallback(() => {
    const ids = current.current.snapshotIds;
    if (!ids) return;
    const s = store.getState();
    s.setPlaying(false);
    s.setCompare({ left: ids.before, right: ids.after });
    s.setMode('compare');
  }, [store]);
  return { after, setAfter, catalog, build, compareSnapshots };
}
