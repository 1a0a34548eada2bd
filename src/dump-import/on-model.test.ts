import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../model/types';
import { createAppStore } from '../state/create-app-store';
import { loadDump } from '../worker/load-dump';
import { createImporter, type DumpLoader } from './importer';

const corpus = (f: string): string =>
  readFileSync(new URL(`../parsers/__fixtures__/corpus/${f}`, import.meta.url), 'utf8');

describe('ImporterOptions.onModel: a parsed model, before the page shows it', () => {
  it('gives the model then shown and its worker’s sender; not a model the page scrubbed', async () => {
    const store = createAppStore();
    const ports: MessagePort[] = [];
    // A loader that does not scrub: `scrub()` leaves it to the page.
    const loader: DumpLoader = {
      loadDump: (inputs, o) => Promise.resolve(loadDump(inputs, o?.maxBytes)),
      sendModel: (port) => {
        ports.push(port);
        return Promise.resolve();
      },
    };
    const seen: { t: Topology; onScreen: Topology | null }[] = [];
    const { port1 } = new MessageChannel();
    const importer = createImporter(store, {
      loader: () => loader,
      persistence: null,
      scrubKey: () => [1, 2, 3, 4],
      onModel: (t, send) => {
        seen.push({ t, onScreen: store.getState().topology });
        void send(port1);
      },
    });
    await importer.importText('dump.txt', corpus('08-docker-nat-ovs-two-networks-fl.txt'));
    expect(seen).toHaveLength(1);
    const shown = store.getState().topology;
    expect(seen[0]!.t).toBe(shown);
    expect(seen[0]!.onScreen).not.toBe(shown);
    // The sender is the worker's `model/send`, as `sendIn` gives it.
    expect(ports).toEqual([port1]);
    expect(importer.sendIn(shown!)).not.toBeNull();
    await importer.scrub();
    expect(store.getState().dump?.scrubbed).toBe(true);
    expect(seen).toHaveLength(1);
    port1.close();
  });
});
