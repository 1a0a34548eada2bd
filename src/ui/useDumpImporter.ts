import { useEffect, useMemo, useRef } from 'react';
import { createImporter, type Importer } from '../dump-import/importer';
import { createIdbPersistence } from '../dump-import/persist-idb';
import type { EngineClient } from '../worker/engine-client';
import { spawnEngineClient } from '../worker/spawn-engine';
import { useStoreApi } from './StoreContext';

/** On mount: show the kept dump, only read it (a scenario was asked for), or leave it. */
export type DumpRestore = 'show' | 'background' | false;

/**
 * This viewer's dump importer: a parser worker of its own (spawned on the first import, disposed
 * with the viewer) and, when `keep`, IndexedDB for the last inputs (restored on mount as
 * `restore` says).
 */
export function useDumpImporter(keep: boolean, restore: DumpRestore): Importer {
  const store = useStoreApi();
  const client = useRef<EngineClient | null>(null);
  const importer = useMemo(
    () =>
      createImporter(store, {
        // Spawned on the first import (called later, never while rendering).
        loader: () => (client.current ??= spawnEngineClient()),
        persistence: keep ? createIdbPersistence() : null,
      }),
    [store, keep],
  );
  useEffect(
    () => () => {
      client.current?.dispose();
      client.current = null;
    },
    [],
  );
  useEffect(() => {
    if (restore) void importer.restore(restore === 'show');
  }, [importer, restore]);
  return importer;
}
