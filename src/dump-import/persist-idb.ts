/**
 * `DumpPersistence` on IndexedDB (database `hnsviz`, store `dumps`): the inputs under key
 * `last`, their summary under `last-summary` (written in the same transaction).
 */
import {
  asSavedDump,
  asSavedSummary,
  summaryOf,
  type DumpPersistence,
  type SavedDump,
} from './persist';

const DB = 'hnsviz';
const STORE = 'dumps';
const KEY = 'last';
const SUMMARY = 'last-summary';

function open(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

function run<T>(
  factory: IDBFactory,
  mode: IDBTransactionMode,
  op: (s: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return open(factory).then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        let tx: IDBTransaction;
        let req: IDBRequest<T>;
        try {
          tx = db.transaction(STORE, mode);
          req = op(tx.objectStore(STORE));
        } catch (e) {
          // put() throws at once for a value it cannot clone, or a closing database.
          db.close();
          reject(e instanceof Error ? e : new Error(String(e)));
          return;
        }
        tx.oncomplete = () => {
          db.close();
          resolve(req.result);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          reject(tx.error ?? new Error('IndexedDB transaction failed'));
        };
      }),
  );
}

/**
 * `globalThis.indexedDB`, or undefined where there is none or where merely reading it throws
 * (a sandboxed iframe without same-origin, storage blocked by policy): the page must still work.
 */
export function availableIndexedDb(
  scope: { readonly indexedDB?: IDBFactory } = globalThis,
): IDBFactory | undefined {
  try {
    return scope.indexedDB ?? undefined;
  } catch {
    return undefined;
  }
}

/** Persistence in IndexedDB; null where there is none (some private modes, old embeds). */
export function createIdbPersistence(
  factory: IDBFactory | undefined = availableIndexedDb(),
): DumpPersistence | null {
  if (!factory) return null;
  return {
    save: (d: SavedDump) =>
      run(factory, 'readwrite', (s) => {
        s.put(summaryOf(d), SUMMARY);
        return s.put(d, KEY);
      }).then(() => undefined),
    load: () =>
      run(factory, 'readonly', (s) => s.get(KEY)).then(
        (v) => asSavedDump(v),
        () => null,
      ),
    summary: () =>
      run(factory, 'readonly', (s) => s.get(SUMMARY)).then(
        async (v) => {
          if (v !== undefined) return asSavedSummary(v);
          // Kept by a version without summaries: read the record once (its files are Blobs).
          const d = await run(factory, 'readonly', (s) => s.get(KEY)).then(asSavedDump);
          return d ? summaryOf(d) : null;
        },
        () => null,
      ),
    clear: () =>
      run(factory, 'readwrite', (s) => {
        s.delete(SUMMARY);
        return s.delete(KEY);
      }).then(() => undefined),
  };
}
