/**
 * The matrix across a pool of Web Workers (`navigator.hardwareConcurrency`): the first worker
 * sends a preview of the first rows (traced cell by cell), then computes the plan (so the main
 * thread never does); every worker then takes work units (a source class over a range of
 * destination columns, see `workUnits`) one at a time; the matrix so far goes to `onRows` as
 * units finish (the preview with 0 units done). `cancel()` terminates the workers and keeps
 * what was computed.
 */
import {
  MatrixAssembler,
  unplanned,
  workUnits,
  type ClassBatch,
  type Matrix,
  type MatrixPlan,
} from '../engine/matrix/index';
import type { Topology } from '../model/types';
import type { MatrixWorkerIn, MatrixWorkerOut } from './matrix.worker';
import { spawnMatrixWorker } from './spawn-matrix';

export interface MatrixPoolOptions {
  readonly workers?: number;
  readonly seed?: number;
  readonly onPlan?: (plan: MatrixPlan) => void;
  /** A unit finished: the matrix so far (see `MatrixAssembler.matrix`), units done and all. */
  readonly onRows?: (m: Matrix, done: number, total: number) => void;
  readonly onDone?: (m: Matrix) => void;
  readonly onError?: (message: string) => void;
  /** Tests inject their own; default: `spawnMatrixWorker` (inlined in the element build). */
  readonly spawn?: () => Worker;
}

export interface MatrixRun {
  cancel(): void;
}

/** Start computing `t`'s matrix; null where Worker does not exist (jsdom, SSR). */
export function runMatrixPool(t: Topology, o: MatrixPoolOptions = {}): MatrixRun | null {
  if (typeof Worker === 'undefined' && !o.spawn) return null;
  const spawn = o.spawn ?? spawnMatrixWorker;
  const wanted = Math.max(1, o.workers ?? globalThis.navigator?.hardwareConcurrency ?? 2);
  const seed = o.seed ?? 1;
  const pool: Worker[] = [];
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const w of pool) w.terminate();
  };
  const send = (w: Worker, m: MatrixWorkerIn) => w.postMessage(m);
  const fail = (message: string) => {
    if (stopped) return;
    stop();
    o.onError?.(message);
  };
  const first = spawn();
  pool.push(first);
  first.onerror = (e) => fail(e.message || 'the matrix worker failed');
  let preview: ClassBatch | null = null;
  first.onmessage = (e: MessageEvent<MatrixWorkerOut>) => {
    const msg = e.data;
    if (msg.type === 'error') return fail(msg.message);
    if (stopped) return;
    if (msg.type === 'preview') {
      // The first rows, before the plan: shown as a matrix of one-source classes, 0 units done.
      preview = msg.batch;
      const pre = new MatrixAssembler(t.id, unplanned(msg.sources, msg.destinations, seed));
      pre.preview(preview);
      o.onRows?.(pre.matrix(), 0, 0);
      return;
    }
    if (msg.type !== 'plan') return;
    const plan = msg.plan;
    o.onPlan?.(plan);
    const asm = new MatrixAssembler(t.id, plan);
    if (preview) asm.preview(preview);
    const order = workUnits(plan);
    if (order.length === 0) {
      stop();
      o.onDone?.(asm.matrix());
      return;
    }
    let next = 0;
    let finished = 0;
    const feed = (w: Worker) => {
      if (next < order.length) send(w, { type: 'unit', unit: order[next++]! });
    };
    const onBatch = (i: number) => (ev: MessageEvent<MatrixWorkerOut>) => {
      const m = ev.data;
      if (stopped) return;
      if (m.type === 'error') return fail(m.message);
      if (m.type !== 'batch') return;
      asm.add(i, m.batch);
      finished++;
      const mx = asm.matrix();
      o.onRows?.(mx, finished, order.length);
      if (finished === order.length) {
        stop();
        o.onDone?.(mx);
      } else feed(pool[i]!);
    };
    first.onmessage = onBatch(0);
    const n = Math.min(wanted, order.length);
    for (let i = 1; i < n; i++) {
      const w = spawn();
      pool.push(w);
      w.onerror = (ev) => fail(ev.message || 'a matrix worker failed');
      w.onmessage = onBatch(i);
      send(w, { type: 'init', topology: t, seed, plan });
    }
    pool.forEach(feed);
  };
  send(first, { type: 'init', topology: t, seed, plan: null });
  return { cancel: stop };
}
