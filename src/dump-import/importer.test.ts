import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../state/create-app-store';
import { selectDumpShown } from '../state/slices/dump-slice';
import { buildScenario } from '../scenarios/index';
import { EngineError } from '../worker/engine-client';
import { DumpAssembler } from '../worker/dump-pieces';
import { createHandler } from '../worker/engine.worker';
import { loadDump, readBlobs } from '../worker/load-dump';
import type { DumpInput, ParsedDump, ToWorker } from '../worker/protocol';
import { createImporter, type DumpLoader } from './importer';
import { endpointDump } from '../worker/__fixtures__/endpoint-dump';
import { createMemoryPersistence } from './persist';

const corpus = (f: string): string =>
  readFileSync(new URL(`../parsers/__fixtures__/corpus/${f}`, import.meta.url), 'utf8');

/** The worker's code, in-process; buffers are "transferred" (detached) like postMessage does. */
const loader: DumpLoader = {
  loadDump: async (inputs, opts) => {
    const copies = inputs.map((i) =>
      i.bytes ? { ...i, bytes: structuredClone(i.bytes, { transfer: [i.bytes] }) } : i,
    );
    return loadDump(await readBlobs(copies), opts?.maxBytes, (p) =>
      opts?.onProgress?.({ type: 'dump/progress', requestId: 'x', ...p }),
    );
  },
};

/**
 * The worker's handler in-process, driven as the real client drives it: `dump/load` with the
 * loader's options (and `extra`), pieces assembled; `sent` and `received` record the traffic.
 */
function workerLoader(
  extra: Partial<Extract<ToWorker, { type: 'dump/load' }>>,
  sent: ToWorker[] = [],
  received: ParsedDump[] = [],
): DumpLoader {
  return {
    loadDump: (inputs, opts) =>
      new Promise((resolve, reject) => {
        const pieces = new DumpAssembler();
        const handle = createHandler((m) => {
          if (m.type === 'dump/part') pieces.add(m.piece);
          if (m.type === 'dump/parsed') {
            received.push(pieces.finish(m.dump));
            resolve(received.at(-1)!);
          }
          if (m.type === 'error') reject(new EngineError(m.code, m.message));
        });
        const msg: ToWorker = {
          type: 'dump/load',
          requestId: 'r',
          inputs,
          ...(opts?.scrubKey ? { scrubKey: opts.scrubKey } : {}),
          ...extra,
        };
        sent.push(msg);
        handle(msg);
      }),
  };
}

function setup() {
  const store = createAppStore({
    scenarioId: 'new-l2bridge',
    topology: buildScenario('new-l2bridge'),
  });
  const persistence = createMemoryPersistence();
  const importer = createImporter(store, {
    loader: () => loader,
    persistence,
    scrubKey: () => [1, 2, 3, 4],
  });
  return { store, persistence, importer };
}

const bytes = (text: string): ArrayBuffer => new TextEncoder().encode(text).buffer;

describe('importer', () => {
  it('shows a dump, keeps its raw inputs and restores them after a "reload"', async () => {
    const { store, persistence, importer } = setup();
    const inputs: DumpInput[] = [
      { name: '43.txt', bytes: bytes(corpus('43-flannel-vxlan-hnsdiag-list-all-with-lbs.txt')) },
    ];
    expect(await importer.importInputs(inputs)).toBe(true);
    const s = store.getState();
    expect(s.scenarioId).toBeNull();
    expect(selectDumpShown(s)).toBe(true);
    expect(s.dump?.inputs[0]?.format).toMatch(/hnsdiag/);
    expect(persistence.peek()?.inputs[0]?.bytes?.byteLength).toBeGreaterThan(0);

    const again = createAppStore({
      scenarioId: 'old-winnat',
      topology: buildScenario('old-winnat'),
    });
    const restored = createImporter(again, { loader: () => loader, persistence });
    expect(await restored.restore()).toBe(true);
    expect(again.getState().dump?.restored).toBe(true);
    expect(Object.keys(again.getState().topology!.endpoints)).toEqual(
      Object.keys(s.topology!.endpoints),
    );
  });

  it('keeps the previous view on garbage and says where and why', async () => {
    const { store, persistence, importer } = setup();
    const before = store.getState().topology;
    expect(await importer.importText('paste', 'lorem ipsum\n<<< garbage >>>')).toBe(false);
    const s = store.getState();
    expect(s.topology).toBe(before);
    expect(s.scenarioId).toBe('new-l2bridge');
    expect(s.importFailure?.message).toMatch(/E_UNKNOWN_FORMAT at paste:1:1/);
    expect(s.importFailure?.diagnostics[0]?.hint).toBeTruthy();
    expect(persistence.peek()).toBeNull();
  });

  it('shows what a cut-off paste still holds, with its diagnostics', async () => {
    const { store, importer } = setup();
    const text = corpus('20-flannel-remote-endpoint-pa-json.txt');
    expect(await importer.importText('cut', text.slice(0, Math.floor(text.length * 0.7)))).toBe(
      true,
    );
    const s = store.getState();
    expect(Object.keys(s.topology!.endpoints).length).toBeGreaterThan(0);
    expect(s.dump?.diagnostics.some((d) => d.severity !== 'info')).toBe(true);
  });

  it('refuses a file over the limit before reading it, naming the limit', async () => {
    const store = createAppStore();
    const importer = createImporter(store, {
      loader: () => loader,
      persistence: null,
      maxBytes: 1024,
    });
    const big = new File(['x'.repeat(4096)], 'big.txt');
    expect(await importer.importFiles([{ path: 'big.txt', file: big }])).toBe(false);
    expect(store.getState().importFailure?.skipped[0]?.why).toMatch(
      /4 KiB is over the limit of 1 KiB per input/,
    );
  });

  it('says an import over the object cap is too large and keeps the view and the kept dump', async () => {
    // The worker's handler in-process, with a cap of 10 objects instead of 500,000.
    const capped = workerLoader({ maxObjects: 10 });
    const store = createAppStore({
      scenarioId: 'new-l2bridge',
      topology: buildScenario('new-l2bridge'),
    });
    const persistence = createMemoryPersistence();
    const importer = createImporter(store, { loader: () => capped, persistence });
    const dump = endpointDump;
    expect(await importer.importText('small', dump(3))).toBe(true);
    const before = store.getState().topology;
    expect(await importer.importText('many.json', dump(40))).toBe(false);
    const s = store.getState();
    expect(s.importFailure?.message).toBe(
      'This import is too large: the inputs hold more than 10 objects (passed while reading many.json, line 1); one import may read at most that many. The previous view is kept.',
    );
    expect(s.topology).toBe(before);
    expect(persistence.peek()?.inputs[0]?.name).toBe('small');
  });

  it('has the worker scrub: the page receives scrubbed data and does not scrub it again', async () => {
    const sent: ToWorker[] = [];
    const received: ParsedDump[] = [];
    const viaWorker = workerLoader({}, sent, received);
    const store = createAppStore({
      scenarioId: 'new-l2bridge',
      topology: buildScenario('new-l2bridge'),
    });
    const importer = createImporter(store, {
      loader: () => viaWorker,
      persistence: null,
      scrubKey: () => [5, 6, 7, 8],
    });
    await importer.importText('node.txt', corpus('30-rke2-calico-endpoint-fl-acl.txt'));
    expect(received.at(-1)?.scrubbed).toBeUndefined();
    await importer.scrub();
    expect(sent.at(-1)).toMatchObject({ scrubKey: [5, 6, 7, 8] });
    const worker = received.at(-1)!;
    expect(worker.scrubbed).toBe(true);
    expect(JSON.stringify(worker).toLowerCase()).not.toContain('10.42.213.221');
    // Shown as the worker sent it: a second scrub on the page would have replaced it again.
    expect(store.getState().topology).toBe(worker.topology);
    expect(store.getState().dump?.scrubbed).toBe(true);
  });

  it('scrubs consistently: no original IP, MAC, GUID or name survives, and reloads scrubbed', async () => {
    const { store, persistence, importer } = setup();
    const text = corpus('30-rke2-calico-endpoint-fl-acl.txt');
    await importer.importText('node.txt', text);
    await importer.scrub();
    const s = store.getState();
    expect(s.dump?.scrubbed).toBe(true);
    const shown = JSON.stringify([s.topology, s.dump]);
    for (const secret of [
      '10.42.213.221',
      '0e:2a:0a:2a:d5:dd',
      'c9385412-bdef-49f5-88b0-c9d484ef6716',
      '4a625a2b10a33b0dea96fe8743fb8e13504481ee9f481d179f8e75b8c98611d2_Calico',
    ])
      expect(shown.toLowerCase()).not.toContain(secret.toLowerCase());
    // Same input + same key → same replacement; the kept key scrubs again after a reload.
    expect(persistence.peek()?.scrubKey).toEqual([1, 2, 3, 4]);
    const again = createAppStore();
    await createImporter(again, { loader: () => loader, persistence }).restore();
    expect(again.getState().topology).toEqual(s.topology);
    for (const f of s.dump!.findings)
      for (const id of f.objectIds)
        expect(
          id in
            {
              ...s.topology!.endpoints,
              ...s.topology!.networks,
              ...s.topology!.ports,
              ...s.topology!.loadBalancers,
              ...s.topology!.rules,
            },
          id,
        ).toBe(true);
  });

  it('hands picked files to the worker unread and keeps them as Blobs', async () => {
    const { store, persistence, importer } = setup();
    const file = new File([corpus('30-rke2-calico-endpoint-fl-acl.txt')], 'ep.txt');
    expect(await importer.importFiles([{ path: 'logs/ep.txt', file }])).toBe(true);
    expect(store.getState().dump?.inputs[0]?.name).toBe('logs/ep.txt');
    expect(persistence.peek()?.inputs[0]?.blob).toBe(file);
  });

  it('clear forgets the inputs', async () => {
    const { store, persistence, importer } = setup();
    await importer.importText('n.txt', corpus('30-rke2-calico-endpoint-fl-acl.txt'));
    await importer.clear();
    expect(store.getState().dump).toBeNull();
    expect(persistence.peek()).toBeNull();
  });
});

describe('importer: one input split between nodes', () => {
  const fixture = (f: string): string =>
    readFileSync(new URL(`../cluster/__fixtures__/${f}`, import.meta.url), 'utf8');
  const a = fixture('l2bridge-win-a.txt');
  const both = a + fixture('l2bridge-win-b.txt');
  const at = a.split('\n').length; // the first line of WIN-B's output

  it('cuts a paste of two nodes into two inputs, each read as its node, and keeps them', async () => {
    const { store, persistence, importer } = setup();
    expect(await importer.importText('paste', both)).toBe(true);
    expect(store.getState().dump?.nodes?.map((n) => n.name)).toEqual(['WIN-A']);
    expect(await importer.inputText('paste')).toBe(both);
    expect(await importer.splitInput('paste', [at])).toBe(true);
    const names = [
      `paste (lines 1–${at - 1})`,
      `paste (lines ${at}–${both.split('\n').length - 1})`,
    ];
    const s = store.getState();
    expect(s.dump?.nodes?.map((n) => [n.name, n.inputs])).toEqual([
      ['WIN-A', [names[0]]],
      ['WIN-B', [names[1]]],
    ]);
    expect(persistence.peek()?.inputs.map((i) => i.name)).toEqual(names);
    // Nothing to cut, or no such input: the view stays as it is.
    expect(await importer.splitInput(names[0]!, [])).toBe(false);
    expect(await importer.splitInput('no such input', [at])).toBe(false);
    expect(store.getState().dump?.nodes).toHaveLength(2);
  });

  it('reads a UTF-16 file’s text to split it', async () => {
    const { importer } = setup();
    const utf16 = new Uint8Array(Buffer.from('\ufeff' + both, 'utf16le')).buffer;
    expect(await importer.importInputs([{ name: 'both.txt', bytes: utf16 }])).toBe(true);
    expect(await importer.inputText('both.txt')).toBe(both);
    expect(await importer.splitInput('both.txt', [at])).toBe(true);
  });
});
