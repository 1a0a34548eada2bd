/**
 * A held model (`holdDump`) across a restart of its worker: the page has no copy of it, so the
 * restarted worker reads the same inputs again when it can (Blobs and text), and when it cannot,
 * every request that needs the model fails with one located `E_MODEL_LOST` message (never "no
 * topology loaded"), while other clients and the next snapshot are untouched.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { closeInProcessWorkers, inProcessWorker } from './__fixtures__/in-process-worker';
import {
  createEngineClient,
  diffAgainstHeld,
  type EngineClient,
  type EnginePort,
  type HeldEvent,
} from './engine-client';
import type { DumpInput, FromWorker, ToWorker } from './protocol';

afterEach(closeInProcessWorkers);

const fixture = (f: string): string =>
  readFileSync(new URL(`../cluster/__fixtures__/${f}`, import.meta.url), 'utf8');
const blobs = (): DumpInput[] => [
  { name: 'a.txt', blob: new Blob([fixture('l2bridge-win-a.txt')]) },
  { name: 'b-after.txt', blob: new Blob([fixture('l2bridge-win-b-after.txt')]) },
];
const bytes = (): DumpInput[] =>
  blobs().map((i) => ({
    name: i.name,
    bytes: new TextEncoder().encode(
      fixture(i.name === 'a.txt' ? 'l2bridge-win-a.txt' : 'l2bridge-win-b-after.txt'),
    ).buffer,
  }));
/** A pod on node A to a pod on node B: it crosses both nodes' rules. */
const request = { from: '10.244.1.10', to: '10.244.2.10:8080', proto: 'tcp' } as const;

type Worker = ReturnType<typeof inProcessWorker>;

/** A client whose workers the test crashes, and what it was told about its held model. */
function holder(wrap: (w: Worker, n: number, seen: ToWorker[]) => EnginePort = (w) => w): {
  client: EngineClient;
  workers: Worker[];
  seen: ToWorker[][];
  events: HeldEvent[];
  faults: string[];
} {
  const workers: Worker[] = [];
  const seen: ToWorker[][] = [];
  const events: HeldEvent[] = [];
  const faults: string[] = [];
  const client = createEngineClient(
    () => {
      const got: ToWorker[] = [];
      const w = inProcessWorker(got);
      seen.push(got);
      workers.push(w);
      return wrap(w, workers.length, got);
    },
    { onHeld: (e) => events.push(e), onFault: (m) => faults.push(m) },
  );
  return { client, workers, seen, events, faults };
}

/** `w`, except that it answers every `dump/load` with the error of a File it cannot read. */
function unreadableFiles(w: Worker): EnginePort {
  const listeners: ((e: { data: FromWorker }) => void)[] = [];
  return {
    postMessage: (m: ToWorker, transfer?: Transferable[]) => {
      if (m.type !== 'dump/load') return w.postMessage(m, transfer);
      const data: FromWorker = {
        type: 'error',
        code: 'E_INTERNAL',
        message: 'could not read the input: NotReadableError',
        requestId: m.requestId,
      };
      setImmediate(() => listeners.forEach((f) => f({ data })));
    },
    addEventListener: ((type: string, fn: (e: unknown) => void) => {
      if (type === 'message') listeners.push(fn);
      w.addEventListener(type as 'error', fn);
    }) as EnginePort['addEventListener'],
    terminate: () => w.terminate?.(),
  };
}

/** Let messages in flight on the channels arrive. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((r) => setImmediate(r));
}

/** Until `events` has `n` entries (the worker answers over a real channel). */
async function untilEvents(events: HeldEvent[], n: number): Promise<void> {
  for (let i = 0; i < 1000 && events.length < n; i++)
    await new Promise<void>((r) => setImmediate(r));
  expect(events.length).toBe(n);
}

describe('a held model whose worker is restarted', () => {
  it('is read again from its Blobs in the new worker: traces and the model are the same, and it says so', async () => {
    const h = holder();
    await h.client.holdDump(blobs());
    const before = await h.client.trace(request);
    const model = await h.client.fetchModel();
    h.workers[0]!.crash();
    expect(h.events.map((e) => e.state)).toEqual(['reloading']);
    // A trace asked while the files are read again waits for them, then answers as before.
    const during = h.client.trace(request);
    await untilEvents(h.events, 2);
    expect(h.events[1]).toEqual({
      state: 'reloaded',
      message:
        'The worker holding the snapshot a.txt, b-after.txt stopped (the worker crashed); the snapshot was read again from its files.',
    });
    expect(await during).toEqual(before);
    expect(await h.client.fetchModel()).toEqual(model);
    // The new worker got the same inputs to hold, and no trace before it held them.
    const second = h.seen[1]!.filter((m) => m.type !== 'init').map((m) => m.type);
    expect(second.slice(0, 2)).toEqual(['dump/load', 'trace/run']);
    const load = h.seen[1]!.find((m) => m.type === 'dump/load');
    expect(load?.type === 'dump/load' && load.hold).toBe(true);
    expect(h.faults).toEqual([
      'the worker crashed; it was restarted and reads a.txt, b-after.txt again',
    ]);
    h.client.dispose();
  });

  it('fails a request in flight at the crash with the reason, and the next one goes through', async () => {
    const h = holder();
    await h.client.holdDump(blobs());
    const expected = await h.client.trace(request);
    const inFlight = h.client.trace(request);
    h.workers[0]!.crash();
    await expect(inFlight).rejects.toMatchObject({
      code: 'E_WORKER_FAILED',
      message: 'the worker crashed; it was restarted and reads a.txt, b-after.txt again',
    });
    expect(await h.client.trace(request)).toEqual(expected);
    h.client.dispose();
  });

  it('when its inputs were transferred, it is lost: trace, search, diff and fetch fail with one located message', async () => {
    const h = holder();
    // Another viewer's client: what else the user had.
    const other = createEngineClient(() => inProcessWorker());
    const otherDump = await other.loadDump([
      { name: 'a.txt', text: fixture('l2bridge-win-a.txt') },
    ]);
    const otherTrace = await other.trace(request);

    await h.client.holdDump(bytes());
    h.workers[0]!.crash();
    const message =
      'the snapshot a.txt, b-after.txt is no longer loaded: its worker stopped (the worker crashed), ' +
      'and its inputs went to that worker (the page kept no copy). Import it again to trace or compare it';
    expect(h.events).toEqual([{ state: 'lost', message }]);
    const lost = { code: 'E_MODEL_LOST', message };
    await expect(h.client.trace(request)).rejects.toMatchObject(lost);
    await expect(h.client.fetchModel()).rejects.toMatchObject(lost);
    await expect(h.client.search('10.244')).rejects.toMatchObject(lost);
    await expect(h.client.diff(otherDump.topology)).rejects.toMatchObject(lost);
    await expect(diffAgainstHeld(h.client, (port) => other.sendModel(port))).rejects.toMatchObject(
      lost,
    );
    // Nothing went to the new worker that needed the model (it would say "no topology").
    await settle();
    expect(h.seen[1]!.map((m) => m.type)).toEqual(['init']);

    // The other client is untouched.
    expect(await other.trace(request)).toEqual(otherTrace);
    // The next snapshot imported into the same client works.
    const again = await h.client.holdDump(blobs());
    expect(again.inputs.map((i) => i.name)).toEqual(['a.txt', 'b-after.txt']);
    expect((await h.client.trace(request)).legs.length).toBeGreaterThan(0);
    other.dispose();
    h.client.dispose();
  });

  it('is lost, located, when the new worker cannot read its files again', async () => {
    // Workers after the first answer the reading of the files as they do when a File changed
    // on disk since it was picked.
    const h = holder((w, n) => (n === 1 ? w : unreadableFiles(w)));
    await h.client.holdDump(blobs());
    h.workers[0]!.crash();
    await untilEvents(h.events, 2);
    const message =
      'the snapshot a.txt, b-after.txt is no longer loaded: its worker stopped (the worker crashed) ' +
      'and its files could not be read again (could not read the input: NotReadableError). ' +
      'Import it again to trace or compare it';
    expect(h.events[1]).toEqual({ state: 'lost', message });
    await expect(h.client.trace(request)).rejects.toMatchObject({ code: 'E_MODEL_LOST', message });
    await expect(h.client.fetchModel()).rejects.toMatchObject({ code: 'E_MODEL_LOST', message });
    h.client.dispose();
  });

  it('is lost, not read again in a loop, when the new worker dies while it reads the files', async () => {
    const h = holder();
    await h.client.holdDump(blobs());
    h.workers[0]!.crash();
    h.workers[1]!.crash();
    expect(h.events.map((e) => e.state)).toEqual(['reloading', 'lost']);
    expect(h.events[1]!.message).toBe(
      "the snapshot a.txt, b-after.txt is no longer loaded: its worker stopped (the worker crashed) while it read the snapshot's files again. Import it again to trace or compare it",
    );
    expect(h.workers.length).toBe(3);
    await settle();
    expect(h.seen[2]!.map((m) => m.type)).toEqual(['init']);
    await expect(h.client.trace(request)).rejects.toMatchObject({ code: 'E_MODEL_LOST' });
    h.client.dispose();
  });
});
