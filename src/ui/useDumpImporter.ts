import { useEffect, useMemo, useRef } from 'react';
import { createImporter, type Importer, type ImporterOptions } from '../dump-import/importer';
import { createUnavailablePersistence } from '../dump-import/persist';
import { createIdbPersistence } from '../dump-import/persist-idb';
import type { EngineClient } from '../worker/engine-client';
import { spawnEngineClient } from '../worker/spawn-engine';
import { reportIdleFault } from './engine-faults';
import { useStoreApi } from './StoreContext';

/**
 * On mount: `auto` reopens a small kept dump and offers a big one; `offer` only offers it (a
 * link or design was asked for: nothing may replace or delay that view); false: neither.
 */
export type DumpRestore = 'auto' | 'offer' | false;

/**
 * This viewer's dump importer: a parser worker of its own (spawned on the first import, disposed
 * with the viewer) and, when `keep`, IndexedDB for the last inputs (reopened or offered on
 * mount as `restore` says).
 */
export function useDumpImporter(
  keep: boolean,
  restore: DumpRestore,
  /**
   * A parsed model about to be shown, and how its worker sends it (`ImporterOptions`); a
   * module-level function, as the importer is made again when it changes.
   */
  onModel?: ImporterOptions['onModel'],
): Importer {
  const store = useStoreApi();
  const client = useRef<EngineClient | null>(null);
  const importer = useMemo(
    () =>
      createImporter(store, {
        // Spawned on the first import (called later, never while rendering).
        loader: () => (client.current ??= spawnEngineClient({ onFault: reportIdleFault(store) })),
        // No IndexedDB here (or reading it throws): imports are refused storage, and say so.
        persistence: keep ? (createIdbPersistence() ?? createUnavailablePersistence()) : null,
        ...(onModel ? { onModel } : {}),
      }),
    [store, keep, onModel],
  );
  useEffect(
    () => () => {
      client.current?.dispose();
      client.current = null;
    },
    [],
  );
  useEffect(() => {
    if (restore) void importer.offerKept(restore);
  }, [importer, restore]);
  return importer;
}
