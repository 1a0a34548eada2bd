/**
 * The matrix pool with its workers in-process: each fake `Worker` runs the real handler
 * (`createMatrixHandler`) behind a node MessageChannel, so ports and buffers cross as they do
 * between threads, and every message the page posts to a worker is recorded by type. The
 * topology's sender is the real engine worker's `model/send`, in-process too.
 */
import { MessageChannel, type MessagePort as NodePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticTopology } from '../../bench/synthetic';
import { cellAt, matrixDestinations, PREVIEW_COLUMNS, type Matrix } from '../engine/matrix/index';
import type { Topology } from '../model/types';
import { buildScenario } from '../scenarios/index';
import { closeInProcessWorkers, inProcessWorker } from './__fixtures__/in-process-worker';
import { createEngineClient } from './engine-client';
import { createMatrixHandler, type MatrixWorkerIn, type MatrixWorkerOut } from './matrix.worker';
import {
  prepareMatrix,
  releasePrepared,
  runMatrixPool,
  type MatrixPoolOptions,
  type TopologySender,
} from './matrix-pool';

const opened: NodePort[] = [];
afterEach(() => {
  opened.splice(0).forEach((p) => p.close());
  closeInProcessWorkers();
});

/** A spawned worker: what the page posted to it (types, in order), and whether it was ended. */
interface Spawned {
  readonly posted: MatrixWorkerIn['type'][];
  terminated: boolean;
  /** The worker reports an error, as its handler does when something throws. */
  fail(message: string): void;
}

/** A `spawn` for the pool whose workers run in-process; `spawned` lists them in order. */
function inProcessSpawn(): { spawn: () => Worker; spawned: Spawned[] } {
  const spawned: Spawned[] = [];
  const spawn = (): Worker => {
    const { port1, port2 } = new MessageChannel();
    opened.push(port1, port2);
    const handle = createMatrixHandler((m, transfer) =>
      port2.postMessage(m, transfer as Parameters<NodePort['postMessage']>[1]),
    );
    port2.on('message', (m: MatrixWorkerIn) => handle(m));
    const me: Spawned = {
      posted: [],
      terminated: false,
      fail: (message) => w.onmessage?.({ data: { type: 'error', message } }),
    };
    spawned.push(me);
    const w = {
      onmessage: null as ((e: { data: MatrixWorkerOut }) => void) | null,
      onerror: null as ((e: { message: string }) => void) | null,
      postMessage(m: MatrixWorkerIn, transfer?: Transferable[]) {
        me.posted.push(m.type);
        port1.postMessage(m, transfer as Parameters<NodePort['postMessage']>[1]);
      },
      terminate() {
        me.terminated = true;
        port1.close();
        port2.close();
      },
    };
    port1.on('message', (data: MatrixWorkerOut) => w.onmessage?.({ data }));
    return w as unknown as Worker;
  };
  return { spawn, spawned };
}

/** Run the pool to the end: the matrix, or the error it reported. */
function compute(t: Topology, o: MatrixPoolOptions): Promise<Matrix> {
  return new Promise((resolve, reject) => {
    const run = runMatrixPool(t, {
      workers: 2,
      ...o,
      onDone: resolve,
      onError: (m) => reject(new Error(m)),
    });
    if (!run) reject(new Error('no pool'));
  });
}

/** Every cell, filled in, as text: two matrices compare equal when these do. */
const cellsOf = (m: Matrix): string =>
  JSON.stringify(m.sources.map((_, s) => m.destinations.map((_, d) => cellAt(m, s, d))));

/** The engine worker holding `t`, and its `model/send` as the matrix's sender. */
async function holding(t: Topology | null): Promise<TopologySender> {
  const c = createEngineClient(inProcessWorker);
  if (t) await c.setTopology(t);
  return (port) => c.sendModel(port);
}

describe('runMatrixPool', () => {
  it('reads the topology from its sender on a cold run: the page sends no piece, same cells', async () => {
    const page = inProcessSpawn();
    const fromPage = await compute(buildScenario('new-l2bridge'), { spawn: page.spawn });
    expect(page.spawned[0]!.posted).toContain('piece');
    expect(page.spawned[0]!.posted).toContain('init');

    const t = buildScenario('new-l2bridge');
    const sent = inProcessSpawn();
    const fromWorker = await compute(t, { spawn: sent.spawn, from: await holding(t) });
    const first = sent.spawned[0]!.posted;
    expect(first[0]).toBe('init-from');
    expect(first).not.toContain('piece');
    expect(first).not.toContain('init');
    // The second worker gets the topology from the first, not from the page either.
    expect(sent.spawned).toHaveLength(2);
    expect(sent.spawned[1]!.posted).toEqual(expect.arrayContaining(['upstream']));
    expect(sent.spawned[1]!.posted).not.toContain('piece');
    expect(fromWorker.pendingRows).toBe(0);
    expect(cellsOf(fromWorker)).toBe(cellsOf(fromPage));
  });

  it('starts the other workers only once the first rows are shown', async () => {
    const w = inProcessSpawn();
    const t = buildScenario('new-l2bridge');
    const atFirstRows: number[] = [];
    const m = await compute(t, {
      spawn: w.spawn,
      from: await holding(t),
      onRows: () => atFirstRows.push(w.spawned.length),
    });
    expect(atFirstRows[0]).toBe(1);
    expect(w.spawned).toHaveLength(2);
    expect(m.pendingRows).toBe(0);
  });

  it('takes over a matrix prepared from the sender, and tells a later preparer its rows are in', async () => {
    const w = inProcessSpawn();
    const t = buildScenario('new-overlay');
    const from = await holding(t);
    prepareMatrix(t, { spawn: w.spawn, from });
    // The viewer asks again once the topology is on screen: the same worker, told when ready.
    await new Promise<void>((resolve) => prepareMatrix(t, { spawn: w.spawn, onReady: resolve }));
    expect(w.spawned).toHaveLength(1);
    const m = await compute(t, { spawn: w.spawn, from });
    expect(w.spawned).toHaveLength(2);
    expect(w.spawned[0]!.posted[0]).toBe('init-from');
    expect(w.spawned[0]!.posted).not.toContain('piece');
    expect(cellsOf(m)).toBe(
      cellsOf(await compute(buildScenario('new-overlay'), { spawn: inProcessSpawn().spawn })),
    );
    releasePrepared();
  });

  it('shows the first rows over the preview’s columns, then over all of them', async () => {
    const t = syntheticTopology(8, 80);
    const widths: number[] = [];
    const m = await compute(t, {
      spawn: inProcessSpawn().spawn,
      workers: 1,
      onRows: (mx, done) => {
        if (done === 0) widths.push(mx.destinations.length);
      },
    });
    expect(m.destinations.length).toBeGreaterThan(PREVIEW_COLUMNS);
    expect(widths[0]).toBe(PREVIEW_COLUMNS);
    expect(widths[widths.length - 1]).toBe(m.destinations.length);
    expect(JSON.stringify(m.destinations)).toBe(JSON.stringify(matrixDestinations(t)));
  });

  it('starts again from the page when the sender holds no model', async () => {
    const reference = await compute(buildScenario('new-overlay'), {
      spawn: inProcessSpawn().spawn,
    });
    const w = inProcessSpawn();
    const m = await compute(buildScenario('new-overlay'), {
      spawn: w.spawn,
      from: await holding(null),
    });
    expect(w.spawned[0]!.posted[0]).toBe('init-from');
    expect(w.spawned[0]!.terminated).toBe(true);
    // The run that took over: a fresh first worker, the topology from the page.
    const again = w.spawned.find((s, i) => i > 0 && s.posted.includes('piece'));
    expect(again?.posted).toContain('init');
    expect(cellsOf(m)).toBe(cellsOf(reference));
  });

  it('starts again from the page when the sender fails outright', async () => {
    const w = inProcessSpawn();
    const m = await compute(buildScenario('old-winnat'), {
      spawn: w.spawn,
      from: () => Promise.reject(new Error('the importer’s worker is gone')),
    });
    expect(w.spawned[0]!.posted[0]).toBe('init-from');
    expect(w.spawned[0]!.posted).not.toContain('piece');
    expect(w.spawned[0]!.terminated).toBe(true);
    expect(w.spawned.some((s) => s.posted.includes('piece'))).toBe(true);
    expect(m.pendingRows).toBe(0);
  });

  it('reports an error from a worker that had its topology', async () => {
    const w = inProcessSpawn();
    const t = buildScenario('new-l2bridge');
    const from = await holding(t);
    const err = await new Promise<string>((resolve, reject) => {
      const run = runMatrixPool(t, {
        workers: 1,
        spawn: w.spawn,
        from,
        // Rows came, so the topology was in: a failure now is the run's, not the sender's.
        onRows: () => w.spawned[0]?.fail('boom'),
        onDone: () => reject(new Error('expected an error')),
        onError: resolve,
      });
      if (!run) reject(new Error('no pool'));
    });
    expect(err).toBe('boom');
    expect(w.spawned).toHaveLength(1);
  });
});
