/**
 * The kept copy of the last import: a page load reads only its summary and never parses a big
 * one (or any, when a link or design was asked for) until the user asks; storage that refuses
 * the copy (blocked, failing, full) is reported, and the shown dump stays.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { createAppStore } from '../state/create-app-store';
import { selectDumpShown } from '../state/slices/dump-slice';
import { loadDump, readBlobs } from '../worker/load-dump';
import { AUTO_REOPEN_BYTES, createImporter, type DumpLoader } from './importer';
import {
  createMemoryPersistence,
  createUnavailablePersistence,
  PERSIST_FORMAT,
  type DumpPersistence,
} from './persist';
import { createIdbPersistence } from './persist-idb';

const corpus = (f: string): string =>
  readFileSync(new URL(`../parsers/__fixtures__/corpus/${f}`, import.meta.url), 'utf8');
const SMALL = corpus('30-rke2-calico-endpoint-fl-acl.txt');

/** The worker's code in-process, counting the parses it is asked for. */
function countingLoader(): DumpLoader & { calls: number } {
  const l = {
    calls: 0,
    loadDump: async (inputs: Parameters<DumpLoader['loadDump']>[0]) => {
      l.calls++;
      return loadDump(await readBlobs(inputs));
    },
  };
  return l;
}

function viewer(persistence: DumpPersistence | null) {
  const store = createAppStore({
    scenarioId: 'new-l2bridge',
    topology: buildScenario('new-l2bridge'),
  });
  const loader = countingLoader();
  const importer = createImporter(store, { loader: () => loader, persistence });
  return { store, loader, importer };
}

/** A kept dump of `bytes` bytes: a real dump padded with trailing blank lines. */
async function keep(persistence: DumpPersistence, bytes: number): Promise<void> {
  const text = SMALL + '\n'.repeat(Math.max(0, bytes - SMALL.length));
  await persistence.save({
    format: PERSIST_FORMAT,
    savedAt: Date.UTC(2026, 11, 3, 9, 30),
    inputs: [{ name: 'node.txt', blob: new Blob([text]) }],
    scrubKey: null,
  });
}

describe('the kept dump on page load', () => {
  it('a big kept dump is offered, not parsed; Reopen parses and shows it', async () => {
    const persistence = createMemoryPersistence();
    await keep(persistence, AUTO_REOPEN_BYTES + 1);
    const { store, loader, importer } = viewer(persistence);
    const before = store.getState().topology;

    const summary = await importer.offerKept('auto');
    expect(summary?.bytes).toBe(AUTO_REOPEN_BYTES + 1);
    expect(loader.calls).toBe(0);
    expect(store.getState().topology).toBe(before);
    expect(store.getState().dump).toBeNull();
    expect(store.getState().keptOffer).toMatchObject({
      names: ['node.txt'],
      bytes: AUTO_REOPEN_BYTES + 1,
      savedAt: Date.UTC(2026, 11, 3, 9, 30),
    });

    expect(await importer.restore(true)).toBe(true);
    expect(loader.calls).toBe(1);
    expect(selectDumpShown(store.getState())).toBe(true);
    expect(store.getState().dump?.restored).toBe(true);
    expect(store.getState().keptOffer).toBeNull();
  });

  it('a small kept dump reopens by itself on a plain load', async () => {
    const persistence = createMemoryPersistence();
    await keep(persistence, 0);
    const { store, loader, importer } = viewer(persistence);
    await importer.offerKept('auto');
    expect(loader.calls).toBe(1);
    expect(selectDumpShown(store.getState())).toBe(true);
    expect(store.getState().keptOffer).toBeNull();
  });

  it("when a link or design was asked for, even a small one is only offered: the link's view stays", async () => {
    const persistence = createMemoryPersistence();
    await keep(persistence, 0);
    const { store, loader, importer } = viewer(persistence);
    const before = store.getState().topology;
    await importer.offerKept('offer');
    expect(loader.calls).toBe(0);
    expect(store.getState().topology).toBe(before);
    expect(store.getState().scenarioId).toBe('new-l2bridge');
    expect(store.getState().keptOffer?.names).toEqual(['node.txt']);
  });

  it('Forget deletes the kept copy and the offer; a new import replaces the offer', async () => {
    const persistence = createMemoryPersistence();
    await keep(persistence, AUTO_REOPEN_BYTES + 1);
    const { store, importer } = viewer(persistence);
    await importer.offerKept('offer');
    await importer.forgetKept();
    expect(store.getState().keptOffer).toBeNull();
    expect(persistence.peek()).toBeNull();

    await keep(persistence, AUTO_REOPEN_BYTES + 1);
    await importer.offerKept('offer');
    expect(await importer.importText('paste', SMALL)).toBe(true);
    expect(store.getState().keptOffer).toBeNull();
    expect((await persistence.summary())?.names).toEqual(['paste']);
  });

  it('nothing kept: no offer and no parse', async () => {
    const { store, loader, importer } = viewer(createMemoryPersistence());
    expect(await importer.offerKept('auto')).toBeNull();
    expect(loader.calls).toBe(0);
    expect(store.getState().keptOffer).toBeNull();
  });
});

/** A minimal IndexedDB whose database opens, but whose writes fail as `how` says. */
function failingIdb(how: 'quota' | 'blocked' | 'throws'): IDBFactory {
  const later = (f: () => void) => queueMicrotask(f);
  const store = {
    put() {
      if (how === 'throws') throw new DOMException('The operation is insecure.', 'SecurityError');
      return {} as IDBRequest;
    },
    get: () => ({ result: undefined }) as IDBRequest,
    delete: () => ({}) as IDBRequest,
  };
  const db = {
    objectStoreNames: { contains: () => true },
    close() {},
    transaction() {
      const tx = {
        error: null as DOMException | null,
        objectStore: () => store,
        oncomplete: null as null | (() => void),
        onerror: null as null | (() => void),
        onabort: null as null | (() => void),
      };
      later(() => {
        tx.error = new DOMException('Quota exceeded.', 'QuotaExceededError');
        tx.onabort?.();
      });
      return tx;
    },
  };
  return {
    open() {
      const req = {
        result: db,
        error: null,
        onsuccess: null as null | (() => void),
        onerror: null as null | (() => void),
        onblocked: null as null | (() => void),
        onupgradeneeded: null,
      };
      later(() => (how === 'blocked' ? req.onblocked?.() : req.onsuccess?.()));
      return req;
    },
  } as unknown as IDBFactory;
}

describe('storage that refuses the copy', () => {
  it.each([
    ['quota', /will not be kept after a reload: .*storage for the site is full/],
    ['blocked', /will not be kept after a reload: another hnsviz tab/],
    ['throws', /will not be kept after a reload: .*does not allow the site to store/],
  ] as const)('IndexedDB %s: the dump is shown and the user is told', async (how, said) => {
    const { store, importer } = viewer(createIdbPersistence(failingIdb(how)));
    expect(await importer.importText('paste', SMALL)).toBe(true);
    expect(selectDumpShown(store.getState())).toBe(true);
    expect(store.getState().storageProblem).toMatch(said);
    // Clear (or a later successful save) takes the notice away.
    await importer.clear();
    expect(store.getState().storageProblem).toBeNull();
  });

  it('no IndexedDB at all: the same notice, and a successful save clears it', async () => {
    const { store, importer } = viewer(createUnavailablePersistence());
    await importer.importText('paste', SMALL);
    expect(store.getState().storageProblem).toMatch(/will not be kept/);
    const ok = viewer(createMemoryPersistence());
    ok.store.getState().storageFailed('stale');
    await ok.importer.importText('paste', SMALL);
    expect(ok.store.getState().storageProblem).toBeNull();
  });
});
