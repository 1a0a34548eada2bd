import { readFileSync } from 'node:fs';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { createHandler } from './engine.worker';
import { DumpAssembler } from './dump-pieces';
import {
  createEngineClient,
  EngineError,
  type DumpProgressEvent,
  type EnginePort,
} from './engine-client';
import type { FromWorker, ToWorker } from './protocol';
import { scrubDump } from './scrub-dump';
import { endpointDump } from './__fixtures__/endpoint-dump';

const corpus = (f: string): ArrayBuffer => {
  const b = readFileSync(new URL(`../parsers/__fixtures__/corpus/${f}`, import.meta.url));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};

const opened: MessagePort[] = [];
function fakeWorker(): EnginePort {
  const { port1, port2 } = new MessageChannel();
  opened.push(port1, port2);
  const handle = createHandler((m) => port2.postMessage(m));
  port2.on('message', (m: ToWorker) => handle(m));
  return {
    postMessage: (m, transfer) => port1.postMessage(m, transfer as never),
    addEventListener: ((type: string, fn: (e: unknown) => void) => {
      if (type === 'message') port1.on('message', (data: FromWorker) => fn({ data }));
    }) as EnginePort['addEventListener'],
    terminate: () => port1.close(),
  };
}
afterEach(() => opened.splice(0).forEach((p) => p.close()));

describe('dump/load contract', () => {
  it('parses transferred bytes and text, reports byte progress, then the parsed dump', async () => {
    const c = createEngineClient(fakeWorker);
    const bytes = corpus('43-flannel-vxlan-hnsdiag-list-all-with-lbs.txt');
    const size = bytes.byteLength;
    const text = readFileSync(
      new URL('../parsers/__fixtures__/corpus/30-rke2-calico-endpoint-fl-acl.txt', import.meta.url),
      'utf8',
    );
    const progress: DumpProgressEvent[] = [];
    const dump = await c.loadDump(
      [
        { name: '43.txt', bytes },
        { name: 'paste', text },
      ],
      { onProgress: (p) => progress.push(p) },
    );
    expect(bytes.byteLength).toBe(0); // transferred, not copied
    expect(dump.inputs.map((i) => [i.name, i.format, i.encoding])).toEqual([
      ['43.txt', expect.stringContaining('hnsdiag'), 'utf-8'],
      ['paste', 'format-list', 'text'],
    ]);
    expect(Object.keys(dump.topology.endpoints).length).toBeGreaterThan(0);
    expect(Object.keys(dump.topology.loadBalancers).length).toBeGreaterThan(0);
    expect(Array.isArray(dump.findings)).toBe(true);
    const total = size + text.length;
    // Small inputs: one report at the end of each (the parser reports every 256 KiB).
    expect(progress.map((p) => [p.phase, p.done, p.total, p.input, p.lines])).toEqual([
      ['parse', 0, total, '43.txt', undefined],
      ['parse', size, total, '43.txt', expect.any(Number)],
      ['parse', total, total, 'paste', text.split('\n').length - (text.endsWith('\n') ? 1 : 0)],
      ['lint', total, total, undefined, undefined],
    ]);
    // The parsed model is the worker's loaded model: a trace needs no model/set.
    const ep = Object.values(dump.topology.endpoints).find((e) => e.portId && e.ipAddress);
    expect(ep).toBeDefined();
    const t = await c.trace({ from: ep!.ipAddress!, to: '10.96.0.10:53', proto: 'udp' });
    expect(t.request.from).toBe(ep!.ipAddress);
    c.dispose();
  });

  it('reports progress within one big input: bytes and lines read, strictly increasing', async () => {
    const c = createEngineClient(fakeWorker);
    const block = readFileSync(
      new URL('../parsers/__fixtures__/corpus/30-rke2-calico-endpoint-fl-acl.txt', import.meta.url),
      'utf8',
    );
    // ~1.3 MB of list view: about five reports at the parser's 256 KiB step.
    const text = block.repeat(Math.ceil(1_300_000 / block.length));
    const progress: DumpProgressEvent[] = [];
    await c.loadDump([{ name: 'paste', blob: new Blob([text]) }], {
      onProgress: (p) => progress.push(p),
    });
    const total = new TextEncoder().encode(text).length;
    const parse = progress.filter((p) => p.phase === 'parse' && p.lines !== undefined);
    const inside = parse.filter((p) => p.done > 0 && p.done < total);
    expect(inside.length).toBeGreaterThanOrEqual(3);
    for (let k = 1; k < parse.length; k++) {
      expect(parse[k]!.done).toBeGreaterThan(parse[k - 1]!.done);
      expect(parse[k]!.lines!).toBeGreaterThan(parse[k - 1]!.lines!);
    }
    expect(parse.at(-1)).toMatchObject({ done: total, total, input: 'paste' });
    expect(parse.at(-1)!.lines).toBe(text.split('\n').length - 1);
    c.dispose();
  });

  it('reads Files/Blobs in the worker', async () => {
    const c = createEngineClient(fakeWorker);
    const text = readFileSync(
      new URL(
        '../parsers/__fixtures__/corpus/20-flannel-remote-endpoint-pa-json.txt',
        import.meta.url,
      ),
    );
    const dump = await c.loadDump([{ name: 'ep.json', blob: new Blob([text]) }]);
    expect(dump.inputs[0]).toMatchObject({ name: 'ep.json', encoding: 'utf-8' });
    expect(Object.keys(dump.topology.endpoints).length).toBeGreaterThan(0);
    c.dispose();
  });

  it('answers garbage with diagnostics, not an error', async () => {
    const c = createEngineClient(fakeWorker);
    const dump = await c.loadDump([{ name: 'junk.txt', text: 'hello\n{{{ not hns' }]);
    expect(dump.inputs[0]?.format).toBe('unknown');
    expect(dump.diagnostics[0]).toMatchObject({
      code: 'E_UNKNOWN_FORMAT',
      input: 'junk.txt',
      line: 1,
      column: 1,
    });
    c.dispose();
  });

  it('a dump whose parts did not all come is an internal error, not a partial model', async () => {
    // A worker that loses its first piece: the closing message counts one part more.
    const lossy = (): EnginePort => {
      const port = fakeWorker();
      let dropped = false;
      return {
        ...port,
        addEventListener: (type: string, fn: (e: { data: FromWorker }) => void) => {
          if (type !== 'message') return;
          port.addEventListener('message', (e) => {
            if (e.data.type === 'dump/part' && !dropped) dropped = true;
            else fn(e);
          });
        },
      };
    };
    const c = createEngineClient(lossy);
    const text = readFileSync(
      new URL('../parsers/__fixtures__/corpus/30-rke2-calico-endpoint-fl-acl.txt', import.meta.url),
      'utf8',
    );
    const failed = await c.loadDump([{ name: 'paste', text }]).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(EngineError);
    expect((failed as EngineError).code).toBe('E_INTERNAL');
    expect((failed as EngineError).message).toMatch(/^\d+ of the dump's \d+ parts came$/);
    c.dispose();
  });

  it('scrubs the parsed dump before posting it when the request carries a key', () => {
    const parse = (scrubKey?: readonly number[]) => {
      const out: FromWorker[] = [];
      const h = createHandler((m) => out.push(m));
      const bytes = corpus('30-rke2-calico-endpoint-fl-acl.txt');
      h({
        type: 'dump/load',
        requestId: 'r',
        inputs: [{ name: 'n', bytes }],
        ...(scrubKey ? { scrubKey } : {}),
      });
      const a = new DumpAssembler();
      for (const m of out) if (m.type === 'dump/part') a.add(m.piece);
      const head = out.find((m) => m.type === 'dump/parsed');
      if (head?.type !== 'dump/parsed') throw new Error('no dump/parsed');
      return a.finish(head.dump);
    };
    const real = parse();
    const scrubbed = parse([9, 8, 7, 6]);
    expect(real.scrubbed).toBeUndefined();
    expect(scrubbed).toEqual(scrubDump(real, [9, 8, 7, 6]));
    expect(JSON.stringify(scrubbed).toLowerCase()).not.toContain('10.42.213.221');
  });

  it('refuses a too-large input with the limit named, and an empty request', () => {
    const out: FromWorker[] = [];
    const h = createHandler((m) => out.push(m));
    h({
      type: 'dump/load',
      requestId: 'big',
      inputs: [{ name: 'big', text: 'x'.repeat(2048) }],
      maxBytes: 1024,
    });
    h({ type: 'dump/load', requestId: 'none', inputs: [] });
    // The diagnostics come in a `dump/part` before the closing `dump/parsed`.
    const a = new DumpAssembler();
    for (const m of out) if (m.type === 'dump/part') a.add(m.piece);
    const head = out.find((m) => m.type === 'dump/parsed');
    expect(head?.type === 'dump/parsed' && head.dump.diagnostics).toEqual([]);
    const dump = head?.type === 'dump/parsed' ? a.finish(head.dump) : null;
    expect(dump?.diagnostics[0]?.code).toBe('E_TOO_LARGE');
    expect(dump?.diagnostics[0]?.message).toMatch(/is 2 KiB; the limit is 1 KiB$/);
    expect(out.at(-1)).toMatchObject({ type: 'error', code: 'E_BAD_ARGUMENT', requestId: 'none' });
  });

  it('fails a request with too many objects alone; the loaded model stays', () => {
    const out: FromWorker[] = [];
    const h = createHandler((m) => out.push(m));
    const dump = endpointDump;
    h({ type: 'dump/load', requestId: 'small', inputs: [{ name: 's', text: dump(2) }] });
    const shown = out.find((m) => m.type === 'dump/parsed');
    expect(shown?.type).toBe('dump/parsed');
    h({
      type: 'dump/load',
      requestId: 'many',
      inputs: [{ name: 'many.json', text: dump(50) }],
      maxObjects: 10,
    });
    expect(out.at(-1)).toEqual({
      type: 'error',
      code: 'E_TOO_LARGE',
      message:
        'the inputs hold more than 10 objects (passed while reading many.json, line 1); one import may read at most that many',
      requestId: 'many',
    });
    // The worker still holds the first dump's model: a trace from its endpoint runs.
    h({
      type: 'trace/run',
      requestId: 't',
      request: { from: '10.244.0.2', to: '10.244.0.3:80', proto: 'tcp' },
    });
    const t = out.at(-1);
    expect(t?.type === 'trace/result' && t.trace.request.from).toBe('10.244.0.2');
  });
});

describe('diff/run contract', () => {
  const fixture = (f: string): string =>
    readFileSync(new URL(`../cluster/__fixtures__/${f}`, import.meta.url), 'utf8');

  it('diffs the page’s topology against the snapshot the worker parsed', async () => {
    const c = createEngineClient(fakeWorker);
    const before = await c.loadDump([
      { name: 'a.txt', text: fixture('l2bridge-win-a.txt') },
      { name: 'b.txt', text: fixture('l2bridge-win-b.txt') },
    ]);
    await c.loadDump([
      { name: 'a.txt', text: fixture('l2bridge-win-a.txt') },
      { name: 'b.txt', text: fixture('l2bridge-win-b-after.txt') },
    ]);
    const d = await c.diff(before.topology);
    // b1 was deleted: its endpoint is gone, and WIN-A's remote endpoint for it is unchanged.
    expect(d.removed.filter((x) => x.kind === 'endpoint').map((x) => x.id)).toEqual([
      '9d84a41d-a0bd-46a8-aa63-4207c6160a22',
    ]);
    expect(d.removed.filter((x) => x.kind === 'rule').length).toBeGreaterThan(0);
  });

  it('answers E_NO_TOPOLOGY before anything is loaded', async () => {
    const c = createEngineClient(fakeWorker);
    await expect(c.diff(buildScenario('new-l2bridge'))).rejects.toMatchObject({
      code: 'E_NO_TOPOLOGY',
    });
  });
});

describe('dump/load hold: the model stays in the worker', () => {
  const cluster = (f: string): string =>
    readFileSync(new URL(`../cluster/__fixtures__/${f}`, import.meta.url), 'utf8');
  const inputs = () => [
    { name: 'a.txt', text: cluster('l2bridge-win-a.txt') },
    { name: 'b.txt', text: cluster('l2bridge-win-b.txt') },
  ];

  it('sends no piece of the model; what the page fetches later is the model loadDump sends', async () => {
    const got: FromWorker[] = [];
    const { port1, port2 } = new MessageChannel();
    opened.push(port1, port2);
    const handle = createHandler((m) => {
      got.push(m);
      port2.postMessage(m);
    });
    port2.on('message', (m: ToWorker) => handle(m));
    const holder = createEngineClient(() => ({
      postMessage: (m, transfer) => port1.postMessage(m, transfer as never),
      addEventListener: ((type: string, fn: (e: unknown) => void) => {
        if (type === 'message') port1.on('message', (data: FromWorker) => fn({ data }));
      }) as EnginePort['addEventListener'],
      terminate: () => port1.close(),
    }));
    const held = await holder.holdDump(inputs());
    expect(held.inputs.map((i) => i.name)).toEqual(['a.txt', 'b.txt']);
    expect(held.nodes.length).toBe(2);
    expect(got.filter((m) => m.type === 'dump/part')).toEqual([]);
    const parsed = got.find((m) => m.type === 'dump/parsed');
    expect(parsed?.type === 'dump/parsed' && parsed.parts).toBe(0);

    const loader = createEngineClient(fakeWorker);
    const whole = await loader.loadDump(inputs());
    expect(Object.keys(whole.topology.endpoints).length).toBeGreaterThan(0);
    expect(await holder.fetchModel()).toEqual(whole.topology);
    // It traces there as the loaded model does (a pod on A to a pod on B).
    const request = { from: '10.244.1.10', to: '10.244.2.10:8080', proto: 'tcp' } as const;
    const trace = await holder.trace(request);
    expect(trace.legs.length).toBeGreaterThan(0);
    expect(trace).toEqual(await loader.trace(request));
    loader.dispose();
    holder.dispose();
  });

  it('fetching from a worker that holds nothing fails', async () => {
    const c = createEngineClient(fakeWorker);
    await expect(c.fetchModel()).rejects.toMatchObject({ code: 'E_NO_TOPOLOGY' });
    c.dispose();
  });
});
