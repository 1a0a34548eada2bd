/**
 * The matrix across a pool of Web Workers (`navigator.hardwareConcurrency`). The first worker
 * gets the topology, sends a preview of the first rows (traced cell by cell), then computes the
 * plan (so the main thread never does) and hands topology and plan to the other workers itself
 * (started once the first rows are out, so they compete with neither the page nor the first
 * worker before then); every worker then takes work units (a source class over a range of
 * destination columns, see `workUnits`) one at a time; the matrix so far goes to `onRows` as
 * units finish (the preview with 0 units done). `cancel()` terminates the workers and keeps
 * what was computed.
 *
 * `prepareMatrix(t)` starts that first worker ahead of time (the viewer calls it when a
 * topology is shown: at once when a worker can send it, else once the page is idle): it
 * receives the topology and computes the columns and the preview, then waits. Opening the
 * matrix then shows the preview at once, and the page never clones a big topology while the
 * user waits.
 *
 * With `from` (the worker that holds the topology: a dump shown), the first worker reads the
 * topology there (`init-from`), prepared or cold alike, and the page makes none of its pieces.
 */
import {
  MatrixAssembler,
  workUnits,
  type AssemblyPlan,
  type ClassBatch,
  type Matrix,
} from '../engine/matrix/index';
import type { Topology } from '../model/types';
import type { MatrixWorkerIn, MatrixWorkerOut } from './matrix.worker';
import { nextTask } from './next-task';
import { BatchMerger } from './split-batch';
import { spawnMatrixWorker } from './spawn-matrix';
import { topologyPieces } from './topology-pieces';

export interface MatrixPoolOptions {
  readonly workers?: number;
  readonly seed?: number;
  readonly onPlan?: (plan: AssemblyPlan) => void;
  /** A unit finished: the matrix so far (see `MatrixAssembler.matrix`), units done and all. */
  readonly onRows?: (m: Matrix, done: number, total: number) => void;
  readonly onDone?: (m: Matrix) => void;
  readonly onError?: (message: string) => void;
  /** Tests inject their own; default: `spawnMatrixWorker` (inlined in the element build). */
  readonly spawn?: () => Worker;
  /**
   * The worker that holds `t` writes it to the first matrix worker (`init-from`, as a prepared
   * matrix reads it), when no prepared worker is taken over: the page makes none of its pieces.
   * A sender that fails before the first rows came leaves the run to start again from the page.
   */
  readonly from?: TopologySender;
}

export interface MatrixRun {
  cancel(): void;
}

type PreviewMsg = Extract<MatrixWorkerOut, { type: 'preview' }>;

/** Before the plan: every row its own class, no source tokens (as `unplanned`). */
const rowByRow = (
  sources: PreviewMsg['sources'],
  destinations: PreviewMsg['destinations'],
): AssemblyPlan => ({
  sources,
  destinations,
  classes: sources.map((_, i) => [i]),
  tokens: sources.map(() => null),
});

/** A first worker started ahead of time for one topology: its messages so far are kept. */
interface Prepared {
  readonly t: Topology;
  readonly seed: number;
  readonly worker: Worker;
  /** What it sent before a run took it over, in order (`preview`, `preview-more`, `columns`). */
  readonly early: MatrixWorkerOut[];
  error: string | null;
  /** Set once a run takes the worker over: its messages go there from then on. */
  listener: ((m: MatrixWorkerOut) => void) | null;
  /** Terminated: stop sending it pieces. */
  closed: boolean;
  /** It reads the topology from a sender (`init-from`), not from the page. */
  readonly sent: boolean;
  /** Called once when the preview is in. */
  onReady?: () => void;
}

/** At most one prepared worker (the topology on screen); a newer topology replaces it. */
let prepared: Prepared | null = null;
/** Topologies a run has started for: preparing them again would only duplicate work. */
const started = new WeakSet<Topology>();
/**
 * A matrix worker started before any topology (`warmMatrixWorker`): its script is loaded and
 * run by the time a matrix is wanted, so a matrix opened the moment a big import shows does
 * not wait for a worker to start.
 */
let spare: Worker | null = null;

/** Start the spare worker, if none is waiting (and Worker exists). */
export function warmMatrixWorker(): void {
  if (!spare && typeof Worker !== 'undefined') spare = spawnMatrixWorker();
}

/** The spare worker if there is one, else a new one. */
function spawnDefault(): Worker {
  const w = spare ?? spawnMatrixWorker();
  spare = null;
  return w;
}

const send = (w: Worker, m: MatrixWorkerIn, transfer: Transferable[] = []) =>
  w.postMessage(m, transfer);

/**
 * Writes a topology to a port from the worker that holds it (`Importer.sendIn`): the matrix
 * worker reads it there (`init-from`), and the page makes no piece of it.
 */
export type TopologySender = (port: MessagePort) => Promise<void>;

function startFirst(
  t: Topology,
  seed: number,
  spawn: () => Worker,
  wait: boolean,
  from?: TopologySender,
): Prepared {
  const worker = spawn();
  const p: Prepared = {
    t,
    seed,
    worker,
    early: [],
    error: null,
    listener: null,
    closed: false,
    sent: !!from,
  };
  worker.onmessage = (e: MessageEvent<MatrixWorkerOut>) => {
    if (p.listener) return p.listener(e.data);
    if (e.data.type === 'error') p.error = e.data.message;
    else p.early.push(e.data);
    if (e.data.type === 'preview') p.onReady?.();
  };
  worker.onerror = (e) => {
    const message = e.message || 'the matrix worker failed';
    if (p.listener) p.listener({ type: 'error', message });
    else p.error = message;
  };
  if (from) {
    const { port1, port2 } = new MessageChannel();
    send(worker, { type: 'init-from', port: port2, seed, wait }, [port2]);
    // A sender that fails (or whose worker died with the port) leaves this worker without a
    // topology: the failure is this worker's, and a run starts a fresh one from the page.
    from(port1).catch((e: unknown) => {
      const message = `the matrix could not get the topology: ${e instanceof Error ? e.message : String(e)}`;
      if (p.listener) p.listener({ type: 'error', message });
      else p.error ??= message;
    });
    return p;
  }
  // The topology goes in pieces, one task each: the page never clones it in one long task.
  const { head, pieces } = topologyPieces(t);
  const it = pieces[Symbol.iterator]();
  const step = () => {
    if (p.closed) return;
    const r = it.next();
    if (r.done)
      return send(worker, { type: 'init', topology: head, seed, plan: null, wait, pieces: true });
    send(worker, { type: 'piece', piece: r.value });
    // A task of its own, without the 4 ms clamp of nested timeouts.
    void nextTask().then(step);
  };
  step();
  return p;
}

function terminate(p: Prepared): void {
  p.closed = true;
  p.worker.terminate();
}

/**
 * Start `t`'s first matrix worker now (topology sent, columns and preview computed, then it
 * waits), so that opening the matrix later is quick. Replaces (terminates) the one prepared for
 * another topology; does nothing where Worker does not exist.
 */
export function prepareMatrix(
  t: Topology,
  o: { seed?: number; spawn?: () => Worker; onReady?: () => void; from?: TopologySender } = {},
): void {
  if (typeof Worker === 'undefined' && !o.spawn) return;
  const seed = o.seed ?? 1;
  if (started.has(t)) return;
  if (prepared?.t === t && prepared.seed === seed) {
    // Prepared already (as the dump was read): tell this caller too when the preview is in.
    if (o.onReady && prepared.early.some((m) => m.type === 'preview')) o.onReady();
    else if (o.onReady) prepared.onReady = o.onReady;
    return;
  }
  dropPrepared();
  prepared = startFirst(t, seed, o.spawn ?? spawnDefault, true, o.from);
  if (o.onReady) prepared.onReady = o.onReady;
}

/** Terminate the prepared worker, if no run took it over, and the spare one. */
export function releasePrepared(): void {
  dropPrepared();
  spare?.terminate();
  spare = null;
}

/** Terminate the prepared worker, if no run took it over (the spare one stays). */
function dropPrepared(): void {
  if (prepared && !prepared.listener) terminate(prepared);
  prepared = null;
}

/** Start computing `t`'s matrix; null where Worker does not exist (jsdom, SSR). */
export function runMatrixPool(t: Topology, o: MatrixPoolOptions = {}): MatrixRun | null {
  if (typeof Worker === 'undefined' && !o.spawn) return null;
  // A first worker that reads the topology from a sender and fails before its first rows (the
  // sender's worker died, or holds another model): start again, the topology from the page.
  let again: MatrixRun | null = null;
  let cancelled = false;
  const run = startRun(t, o, o.from, () => {
    if (!cancelled) again = startRun(t, o, undefined, null);
  });
  return {
    cancel: () => {
      cancelled = true;
      run.cancel();
      again?.cancel();
    },
  };
}

/** One run of the pool; `lost` (if any) replaces `onError` when a sent topology never came. */
function startRun(
  t: Topology,
  o: MatrixPoolOptions,
  from: TopologySender | undefined,
  lost: (() => void) | null,
): MatrixRun {
  const spawn = o.spawn ?? spawnDefault;
  const wanted = Math.max(1, o.workers ?? globalThis.navigator?.hardwareConcurrency ?? 2);
  const seed = o.seed ?? 1;
  started.add(t);
  // The worker prepared for this topology, else a new one.
  const first =
    prepared?.t === t && prepared.seed === seed && !prepared.listener && !prepared.error
      ? prepared
      : startFirst(t, seed, spawn, true, from);
  if (first === prepared) prepared = null;
  const pool: Worker[] = [first.worker];
  let stopped = false;
  const stop = () => {
    stopped = true;
    first.closed = true;
    for (const w of pool) w.terminate();
  };
  /** The first rows came: the topology is in the first worker. */
  let shown = false;
  const fail = (message: string) => {
    if (stopped) return;
    stop();
    if (lost && first.sent && !shown) lost();
    else o.onError?.(message);
  };
  let asm: MatrixAssembler | null = null;
  let merger: BatchMerger | null = null;
  /** The preview's batches so far, and the matrix of one-source classes that shows them. */
  const previews: ClassBatch[] = [];
  let pre: MatrixAssembler | null = null;
  /** The preview's rows and the columns so far (the preview's first, then the others). */
  let sources: PreviewMsg['sources'] = [];
  let columns: PreviewMsg['destinations'] = [];
  /** The other columns' pieces so far (see the worker's `columns`). */
  let more: PreviewMsg['destinations'][] = [];
  let order: readonly { k: number; from: number; to: number }[] = [];
  let next = 0;
  let finished = 0;
  /**
   * Start the other workers (once): they get the topology and the plan from the first worker,
   * not from the page, and take units from the plan on.
   */
  let spreadOut = false;
  const spread = () => {
    if (stopped || spreadOut) return;
    spreadOut = true;
    for (let i = 1; i < wanted; i++) {
      const w = spawn();
      pool.push(w);
      const listener = listen(i);
      w.onmessage = (e: MessageEvent<MatrixWorkerOut>) => listener(e.data);
      w.onerror = (ev) => fail(ev.message || 'a matrix worker failed');
      const { port1, port2 } = new MessageChannel();
      send(first.worker, { type: 'peer', port: port1 }, [port1]);
      send(w, { type: 'upstream', port: port2 }, [port2]);
    }
  };
  const feed = (i: number) => {
    if (next < order.length) send(pool[i]!, { type: 'unit', unit: order[next++]! });
  };
  const showPreview = (msg: PreviewMsg) => {
    shown = true;
    // The other workers start once the first rows are out, in a task of their own: starting
    // one costs the page tens of milliseconds on a loaded machine, and its script competes
    // with the first worker's corner for the CPU. They are wanted only for the plan's units.
    void nextTask().then(spread);
    // The first rows, before the plan: a matrix of one-source classes, 0 units done.
    sources = msg.sources;
    columns = msg.destinations;
    pre = new MatrixAssembler(t.id, rowByRow(sources, columns));
    showMore(msg.batch);
  };
  /** The other columns, once all came: the preview's rows again, as wide as the whole matrix. */
  const showColumns = (piece: PreviewMsg['destinations'], last: boolean) => {
    more.push(piece);
    if (!last) return;
    columns = columns.concat(more.flat());
    more = [];
    if (asm || !pre || columns.length === pre.plan.destinations.length) return;
    pre = new MatrixAssembler(t.id, rowByRow(sources, columns));
    for (const b of previews) pre.preview(b);
    o.onRows?.(pre.matrix(), 0, 0);
  };
  const showMore = (batch: ClassBatch) => {
    previews.push(batch);
    if (asm) return asm.preview(batch);
    if (!pre) return;
    pre.preview(batch);
    o.onRows?.(pre.matrix(), 0, 0);
  };
  const onPlan = (m: Extract<MatrixWorkerOut, { type: 'plan' }>) => {
    // The plan's rows and columns are the preview's and the columns sent before it.
    const plan: AssemblyPlan = {
      sources,
      destinations: columns,
      classes: m.classes,
      tokens: m.tokens,
    };
    o.onPlan?.(plan);
    const all = new MatrixAssembler(t.id, plan);
    for (const b of previews) all.preview(b);
    asm = all;
    merger = new BatchMerger(
      all,
      () => {
        finished++;
        const mx = all.matrix();
        o.onRows?.(mx, finished, order.length);
        if (finished === order.length) {
          stop();
          o.onDone?.(mx);
        }
      },
      () => stopped,
    );
    pre = null;
    order = workUnits(plan);
    spread();
    if (order.length === 0) {
      stop();
      o.onDone?.(asm.matrix());
      return;
    }
    pool.forEach((_, i) => feed(i));
  };
  const onBatch = (i: number, batch: ClassBatch) => {
    if (!merger) return;
    // The worker's next unit goes out now: merging (over several tasks) does not hold it up.
    feed(i);
    merger.push(i, batch);
  };
  const listen =
    (i: number) =>
    (m: MatrixWorkerOut): void => {
      if (stopped) return;
      if (m.type === 'error') return fail(m.message);
      if (m.type === 'preview') return showPreview(m);
      if (m.type === 'preview-more') return showMore(m.batch);
      if (m.type === 'columns') return showColumns(m.destinations, m.last);
      if (m.type === 'plan') return onPlan(m);
      onBatch(i, m.batch);
    };
  const fromFirst = listen(0);
  // What the prepared worker already sent: the first rows are shown now, in the task that
  // opens the view; the rest (such as thousands of columns) in the next task, and what comes
  // meanwhile after it.
  let backlog: MatrixWorkerOut[] | null = first.early.splice(0);
  first.listener = (m) => (backlog ? backlog.push(m) : fromFirst(m));
  if (first.error) {
    fail(first.error);
    return { cancel: stop };
  }
  if (backlog[0]?.type === 'preview') fromFirst(backlog.shift()!);
  void nextTask().then(() => {
    const rest = backlog ?? [];
    backlog = null;
    for (const m of rest) fromFirst(m);
  });
  send(first.worker, { type: 'plan' });
  return { cancel: stop };
}
