import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { search } from '../layout/search';
import { createAppStore } from '../state/create-app-store';
import { buildScenario } from '../scenarios/index';
import { loadDump } from '../worker/load-dump';
import type { ParsedDump } from '../worker/protocol';
import { scrubDump } from '../worker/scrub-dump';
import { createImporter, type DumpLoader } from './importer';

const corpus = (f: string): string =>
  readFileSync(new URL(`../parsers/__fixtures__/corpus/${f}`, import.meta.url), 'utf8');

/** A loader whose "worker" holds the last model it parsed and searches it; `asked` records. */
function searchingLoader(opts: { scrubs: boolean }) {
  let held: ParsedDump['topology'] | null = null;
  const asked: string[] = [];
  const loader: DumpLoader = {
    loadDump: (inputs, o) => {
      let d = loadDump(inputs, o?.maxBytes);
      if (opts.scrubs && o?.scrubKey) d = scrubDump(d, o.scrubKey);
      held = d.topology;
      return Promise.resolve(d);
    },
    search: (q) => {
      asked.push(q);
      return Promise.resolve(search(held!, q));
    },
  };
  return { loader, asked };
}

describe('Importer.searchIn: the worker that parsed the shown dump searches it', () => {
  it('answers for the shown dump in the worker, and not for a design or a model it lost', async () => {
    const store = createAppStore();
    const { loader, asked } = searchingLoader({ scrubs: true });
    const importer = createImporter(store, { loader: () => loader, persistence: null });
    expect(importer.searchIn(buildScenario('new-l2bridge'))).toBeNull();
    expect(
      await importer.importText('dump.txt', corpus('08-docker-nat-ovs-two-networks-fl.txt')),
    ).toBe(true);
    const shown = store.getState().topology!;
    const inWorker = importer.searchIn(shown);
    expect(inWorker).not.toBeNull();
    // One function while the worker holds the model (a dependency that does not change).
    expect(importer.searchIn(shown)).toBe(inWorker);
    const r = await inWorker!('nat');
    expect(asked).toEqual(['nat']);
    expect(r).toEqual(search(shown, 'nat'));
    // A design shown over the dump is not what the worker holds.
    expect(importer.searchIn(buildScenario('new-overlay'))).toBeNull();
  });

  it('a dump the page scrubbed itself is not the worker’s model: the page searches it', async () => {
    const store = createAppStore();
    const { loader } = searchingLoader({ scrubs: false });
    const importer = createImporter(store, {
      loader: () => loader,
      persistence: null,
      scrubKey: () => [1, 2, 3, 4],
    });
    await importer.importText('dump.txt', corpus('08-docker-nat-ovs-two-networks-fl.txt'));
    expect(importer.searchIn(store.getState().topology!)).not.toBeNull();
    await importer.scrub();
    expect(store.getState().dump?.scrubbed).toBe(true);
    expect(importer.searchIn(store.getState().topology!)).toBeNull();
  });
});
