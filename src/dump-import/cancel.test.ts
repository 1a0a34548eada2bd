/**
 * Cancel and "a newer import wins", with a loader whose first call never finishes on its own
 * (a stuck 27 MB parse) and which rejects when cancelled, like the worker client.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../state/create-app-store';
import { buildScenario } from '../scenarios/index';
import { loadDump } from '../worker/load-dump';
import type { ParsedDump } from '../worker/protocol';
import { createImporter, type DumpLoader } from './importer';

const NET =
  'PS C:\\> Get-HnsNetwork\n{"ID":"5b7b2b7c-5a0b-4c39-9f3e-0b6c6a1d1e2f","Name":"nat","Type":"NAT"}';
const NET2 =
  'PS C:\\> Get-HnsNetwork\n{"ID":"9a7b2b7c-5a0b-4c39-9f3e-0b6c6a1d1e2f","Name":"late","Type":"NAT"}';

function stuckLoader() {
  const waiting: { resolve: (d: ParsedDump) => void; reject: (e: Error) => void }[] = [];
  let cancels = 0;
  const loader: DumpLoader = {
    loadDump: (inputs) =>
      inputs[0]?.name === 'stuck'
        ? new Promise<ParsedDump>((resolve, reject) => waiting.push({ resolve, reject }))
        : Promise.resolve(loadDump(inputs)),
    cancel: () => {
      cancels++;
      waiting.splice(0).forEach((w) => w.reject(new Error('cancelled')));
    },
  };
  return { loader, waiting, cancels: () => cancels };
}

function setup(loader: DumpLoader) {
  const store = createAppStore({
    scenarioId: 'new-l2bridge',
    topology: buildScenario('new-l2bridge'),
  });
  return { store, importer: createImporter(store, { loader: () => loader, persistence: null }) };
}

describe('cancel and newer-wins', () => {
  it('cancel stops the parse, keeps the view and says "import cancelled"', async () => {
    const l = stuckLoader();
    const { store, importer } = setup(l.loader);
    const before = store.getState().topology;
    const stuck = importer.importText('stuck', NET);
    await Promise.resolve();
    expect(store.getState().importing).toBe(true);
    importer.cancel();
    expect(await stuck).toBe(false);
    expect(l.cancels()).toBe(1);
    const s = store.getState();
    expect(s.importing).toBe(false);
    expect(s.topology).toBe(before);
    expect(s.importFailure?.message).toMatch(/Import cancelled/);
  });

  it('a small paste does not wait behind a stuck one, which is cancelled', async () => {
    const l = stuckLoader();
    const { store, importer } = setup(l.loader);
    const stuck = importer.importText('stuck', NET2);
    await Promise.resolve();
    expect(await importer.importText('small', NET)).toBe(true);
    expect(l.cancels()).toBe(1);
    expect(await stuck).toBe(false);
    const s = store.getState();
    expect(s.importing).toBe(false);
    expect(s.importFailure).toBeNull();
    expect(Object.values(s.topology!.networks).map((n) => n.name)).toEqual(['nat']);
  });

  it("an older import's late result never replaces the newer view", async () => {
    // A loader that cannot be cancelled: the old result still arrives, after the new one.
    const later: ((d: ParsedDump) => void)[] = [];
    const loader: DumpLoader = {
      loadDump: (inputs) =>
        inputs[0]?.name === 'old'
          ? new Promise<ParsedDump>((resolve) => later.push(resolve))
          : Promise.resolve(loadDump(inputs)),
    };
    const { store, importer } = setup(loader);
    const old = importer.importText('old', NET2);
    await Promise.resolve();
    expect(await importer.importText('new', NET)).toBe(true);
    later[0]!(loadDump([{ name: 'old', text: NET2 }]));
    expect(await old).toBe(false);
    expect(Object.values(store.getState().topology!.networks).map((n) => n.name)).toEqual(['nat']);
    expect(store.getState().dump?.inputs[0]?.name).toBe('new');
  });
});
