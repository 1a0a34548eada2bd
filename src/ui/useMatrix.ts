/**
 * The matrix of a topology, computed by the Web Worker pool (src/worker/matrix-pool.ts):
 * rows stream in, Cancel keeps what was computed, Recompute starts again. A finished matrix is
 * kept per topology, so coming back from a trace is instant.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import type { Matrix } from '../engine/matrix/index';
import type { Topology } from '../model/types';
import {
  prepareMatrix,
  releasePrepared,
  runMatrixPool,
  warmMatrixWorker,
  type MatrixRun,
  type TopologySender,
} from '../worker/matrix-pool';
import { useAppStore } from './StoreContext';

interface Result {
  readonly matrix: Matrix | null;
  readonly done: number;
  readonly total: number;
  readonly status: 'running' | 'done' | 'cancelled' | 'error';
  readonly error: string | null;
  readonly ms: number;
}

// A finished matrix per topology, so coming back from a trace is instant.
const finished = new WeakMap<Topology, Result>();

interface MatrixRunState {
  readonly result: Result | null;
  readonly cancel: () => void;
  readonly restart: () => void;
}

export function useMatrix(
  t: Topology | null,
  /**
   * The worker that holds a topology (the importer's `sendIn`): the first computation of a
   * shown dump reads it from there, even when no prepared worker is ready (the matrix opened
   * the moment an import shows). Recompute sends it from the page.
   */
  sendIn?: (t: Topology) => TopologySender | null,
): MatrixRunState {
  const [epoch, setEpoch] = useState(0);
  const [run, setRun] = useState<{ t: Topology; epoch: number; result: Result } | null>(null);
  const pool = useRef<MatrixRun | null>(null);
  const senders = useRef(sendIn);
  useEffect(() => {
    senders.current = sendIn;
  }, [sendIn]);
  useEffect(() => {
    if (!t || (epoch === 0 && finished.has(t))) return undefined;
    const t0 = performance.now();
    // A transition: React renders the grid in slices between other tasks (a click, a scroll)
    // instead of one long task per update; only the commit is one piece. Not the first rows:
    // the grid's first commit is small (MatrixPanel draws the first rows first), and rendered
    // at once it is not interleaved with frames of the empty view.
    let drawn = false;
    const put = (result: Result) => {
      const next = { t, epoch, result };
      if (drawn || !result.matrix) startTransition(() => setRun(next));
      else setRun(next);
      drawn ||= result.matrix !== null;
    };
    // Units finish many times a second: draw the latest state at most once per UPDATE_MS, so
    // merging and redrawing never crowd the main thread while the workers fill the matrix.
    let timer: ReturnType<typeof setTimeout> | null = null;
    let latest: Result | null = null;
    const flush = () => {
      timer = null;
      if (latest) put(latest);
      latest = null;
    };
    // Recompute (epoch > 0) sends the topology from the page: e2e/cluster.spec.ts compares them.
    const from = epoch === 0 ? (senders.current?.(t) ?? null) : null;
    const r = runMatrixPool(t, {
      ...(from ? { from } : {}),
      onRows: (matrix, done, total) => {
        // The preview (0 units done) and the first unit are drawn at once.
        const first = latest === null && timer === null && done <= 1;
        latest = {
          matrix,
          done,
          total,
          status: 'running',
          error: null,
          ms: performance.now() - t0,
        };
        if (first) flush();
        else timer ??= setTimeout(flush, UPDATE_MS);
      },
      onDone: (matrix) => {
        if (timer) clearTimeout(timer);
        timer = null;
        latest = null;
        const res: Result = {
          matrix,
          done: matrix.stats.sourceClasses,
          total: matrix.stats.sourceClasses,
          status: 'done',
          error: null,
          ms: performance.now() - t0,
        };
        finished.set(t, res);
        put(res);
      },
      onError: (error) => put({ ...EMPTY, status: 'error', error }),
    });
    pool.current = r;
    if (!r)
      queueMicrotask(() =>
        put({ ...EMPTY, status: 'error', error: 'Web Workers are not available here.' }),
      );
    return () => {
      if (timer) clearTimeout(timer);
      r?.cancel();
      pool.current = null;
    };
  }, [t, epoch]);
  const mine = run && run.t === t && run.epoch === epoch ? run.result : null;
  const cached = t && epoch === 0 ? (finished.get(t) ?? null) : null;
  const result = mine ?? cached ?? (t ? EMPTY : null);
  return {
    result,
    cancel: () => {
      pool.current?.cancel();
      pool.current = null;
      if (t && result && result.status === 'running')
        setRun({ t, epoch, result: { ...result, status: 'cancelled' } });
    },
    restart: () => setEpoch((e) => e + 1),
  };
}

/** The longest a streamed update waits to be drawn. */
const UPDATE_MS = 120;

const EMPTY: Result = { matrix: null, done: 0, total: 0, status: 'running', error: null, ms: 0 };

/** Run `f` once the page is idle (at the latest after `PREPARE_WAIT_MS`); returns a cancel. */
function whenIdle(f: () => void): () => void {
  const w = globalThis as {
    requestIdleCallback?: (f: () => void, o?: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const id = w.requestIdleCallback(f, { timeout: PREPARE_WAIT_MS });
    const cancelIdle = w.cancelIdleCallback;
    return () => cancelIdle(id);
  }
  const id = setTimeout(f, PREPARE_WAIT_MS);
  return () => clearTimeout(id);
}

/**
 * Start the matrix of the topology on screen (`prepareMatrix`: its first worker gets the
 * topology and computes the columns and the first rows), so that opening the matrix shows rows
 * at once: at once when a worker sends the topology (`sendIn`: a dump shown), else once the
 * page is idle (the page sends it in pieces). Before any topology, and again after each
 * preparation, a matrix worker is started and waits (`warmMatrixWorker`), so a matrix opened
 * before the page was idle does not wait for one to start, nor a run for its second worker.
 * Only where the matrix can be opened (`enabled`). True once the first rows of the topology on
 * screen are ready.
 */
export function usePrepareMatrix(
  enabled: boolean,
  /**
   * The worker that holds a topology, to send it to the matrix's worker itself (the importer's
   * `sendIn`: a dump's cluster goes worker to worker, the page makes no piece of it).
   */
  sendIn?: (t: Topology) => TopologySender | null,
): boolean {
  const topology = useAppStore((s) => s.topology);
  const [ready, setReady] = useState<Topology | null>(null);
  const senders = useRef(sendIn);
  useEffect(() => {
    senders.current = sendIn;
  }, [sendIn]);
  useEffect(() => {
    if (!enabled || !topology) return undefined;
    const prepare = (from: TopologySender | null) => {
      prepareMatrix(topology, { onReady: () => setReady(topology), ...(from ? { from } : {}) });
    };
    // A topology its worker sends (a dump shown) costs the page one message: prepare it now,
    // so a matrix opened the moment the dump shows finds its first rows computed or under
    // way. Else the page sends it in pieces, so only once it is idle.
    const from = senders.current?.(topology) ?? null;
    if (from) prepare(from);
    return whenIdle(() => {
      if (!from) prepare(senders.current?.(topology) ?? null);
      // The prepared worker took the waiting one: start the next (a run's second worker).
      warmMatrixWorker();
    });
  }, [enabled, topology]);
  // The viewer goes away: so do the workers it started.
  useEffect(() => {
    if (!enabled) return undefined;
    const cancel = whenIdle(warmMatrixWorker);
    return () => {
      cancel();
      releasePrepared();
    };
  }, [enabled]);
  return ready !== null && ready === topology;
}

/**
 * Prepare the matrix of a parsed dump before the page shows it (`ImporterOptions.onModel`): its
 * worker sends it, so the page does no work for it, and the first rows are computed while the
 * page prepares and draws the dump. `usePrepareMatrix` then finds it prepared.
 */
export function prepareParsedMatrix(t: Topology, from: TopologySender): void {
  prepareMatrix(t, { from });
}

/** The longest the preparation waits for an idle moment. */
const PREPARE_WAIT_MS = 2000;
