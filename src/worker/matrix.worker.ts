/**
 * A matrix worker. The first worker of a pool gets the topology from the page (`init`, no
 * plan): it posts a preview of the first rows at once (traced cell by cell, since planning a
 * big dump takes seconds; its first corner first, with the preview's columns only, then the
 * other columns), then plans, unless told to wait for `plan` (a matrix prepared before the
 * user opened the view). It hands the topology, then the plan, to the other workers
 * itself through a port each (`peer`), so the page clones the topology once, ahead of time.
 * Every worker then runs one work unit (a source class over a range of destinations) per
 * `unit` message (see src/engine/matrix/assemble.ts). Plain data in, plain data out.
 */
import {
  ClassRunner,
  destinationsOf,
  firstColumns,
  matrixSources,
  planMatrix,
  PREVIEW_COLUMNS,
  previewBatches,
  type ClassBatch,
  type MatrixPlan,
  type WorkUnit,
} from '../engine/matrix/index';
import type { Topology } from '../model/types';
import type { DumpPiece, ModelStream } from './protocol';
import { TopologyAssembler } from './topology-pieces';

export type MatrixWorkerIn =
  | {
      readonly type: 'init';
      readonly topology: Topology;
      readonly seed: number;
      /** Null: post a preview, then compute the plan here and post it back. */
      readonly plan: MatrixPlan | null;
      /** With no plan: post the preview, then wait for `plan` before planning. */
      readonly wait?: boolean;
      /** `topology` is a head whose tables come in the `piece` messages sent before. */
      readonly pieces?: boolean;
    }
  /**
   * `init` with the topology read from `port` (transferred), which another worker's
   * `model/send` writes (the importer's, which holds the dump shown): the page sends none of it.
   */
  | {
      readonly type: 'init-from';
      readonly port: MessagePort;
      readonly seed: number;
      readonly wait?: boolean;
    }
  /** Some entries of one table of the topology the next `init` completes (topology-pieces.ts). */
  | { readonly type: 'piece'; readonly piece: DumpPiece }
  /** Plan now (after an `init` with `wait`). */
  | { readonly type: 'plan' }
  /** (First worker) Send this peer the topology now and the plan once it is known. */
  | { readonly type: 'peer'; readonly port: MessagePort }
  /** (Other workers) The topology and the plan come from the first worker on this port. */
  | { readonly type: 'upstream'; readonly port: MessagePort }
  | { readonly type: 'unit'; readonly unit: WorkUnit };

/** What the first worker sends a peer on its port. */
type PeerIn =
  | { readonly type: 'topology'; readonly topology: Topology }
  | { readonly type: 'plan'; readonly plan: MatrixPlan };

export type MatrixWorkerOut =
  | {
      readonly type: 'preview';
      readonly sources: MatrixPlan['sources'];
      readonly destinations: MatrixPlan['destinations'];
      readonly batch: ClassBatch;
    }
  /** More of the preview (see `previewBatches`), after the first `preview`. */
  | { readonly type: 'preview-more'; readonly batch: ClassBatch }
  /**
   * The columns after the preview's (`preview` has the first `PREVIEW_COLUMNS`), once the
   * preview is out, in pieces of `COLUMNS_PER_MESSAGE` (a piece's clone is a task of the page's:
   * a big dump has thousands); `last` on the last. The preview's and these, in order, are
   * `matrixDestinations`.
   */
  | {
      readonly type: 'columns';
      readonly destinations: MatrixPlan['destinations'];
      readonly last: boolean;
    }
  /**
   * The plan's source classes, for the page: its rows and columns are the preview's and the
   * `columns` sent before; what else the workers plan with stays in them.
   */
  | {
      readonly type: 'plan';
      readonly classes: MatrixPlan['classes'];
      readonly tokens: MatrixPlan['tokens'];
    }
  | { readonly type: 'batch'; readonly batch: ClassBatch }
  | { readonly type: 'error'; readonly message: string };

/** Columns per `columns` message (the page clones each message in a task of its own). */
export const COLUMNS_PER_MESSAGE = 1024;

/** Posts a message to the page (`self.postMessage` in a real worker). */
export type MatrixPost = (m: MatrixWorkerOut, transfer?: Transferable[]) => void;

/**
 * One matrix worker's state and message handler, posting to `post`: what `self` runs, and
 * what tests run in-process behind a fake `Worker` (src/worker/matrix-pool.test.ts).
 */
export function createMatrixHandler(post: MatrixPost): (msg: MatrixWorkerIn) => void {
  let topology: Topology | null = null;
  let assembler: TopologyAssembler | null = null;
  let seed = 1;
  let given: Pick<MatrixPlan, 'sources' | 'destinations'> | null = null;
  let plan: MatrixPlan | null = null;
  let runner: ClassRunner | null = null;
  const peers: MessagePort[] = [];
  /** `plan` came before the topology: plan as soon as it is in. */
  let planWanted = false;
  /** Units that came before the plan (a peer's plan comes on another channel than its units). */
  const queued: WorkUnit[] = [];

  const fail = (err: unknown) =>
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });

  function ready(t: Topology, p: MatrixPlan): void {
    plan = p;
    runner = new ClassRunner(t, p);
    for (const u of queued.splice(0)) run(u);
  }

  function run(unit: WorkUnit): void {
    if (!runner) {
      queued.push(unit);
      return;
    }
    const batch = runner.run(unit);
    if (!batch) return;
    // The rows are new for each unit: handed over, not copied (the page allocates less).
    const buffers = new Set<ArrayBuffer>();
    for (const r of batch.rows)
      if (r.cells.buffer instanceof ArrayBuffer) buffers.add(r.cells.buffer);
    post({ type: 'batch', batch }, [...buffers]);
  }

  function makePlan(): void {
    if (plan || !topology) return;
    const t = topology;
    const p = planMatrix(t, seed, given ?? undefined);
    post({ type: 'plan', classes: p.classes, tokens: p.tokens });
    for (const port of peers) port.postMessage({ type: 'plan', plan: p } satisfies PeerIn);
    ready(t, p);
  }

  /** The topology is here: plan (or take the plan given), else post the preview, then plan. */
  function start(t: Topology, s: number, p: MatrixPlan | null, wait: boolean | undefined): void {
    topology = t;
    seed = s;
    if (p) return ready(t, p);
    const sources = matrixSources(t);
    // The preview's columns first (a big dump's columns cost more than its first rows), the
    // rest after the preview: together, `matrixDestinations`.
    const columns = destinationsOf(t);
    const destinations = firstColumns(columns, PREVIEW_COLUMNS);
    // The preview's first corner goes out at once, with the rows and those columns; then the
    // rest of the preview, then the other columns.
    let first = true;
    for (const batch of previewBatches(t, { sources, destinations, seed })) {
      if (first) post({ type: 'preview', sources, destinations, batch });
      else post({ type: 'preview-more', batch });
      first = false;
    }
    const rest = [...columns];
    for (let i = 0; i < rest.length || i === 0; i += COLUMNS_PER_MESSAGE) {
      const last = i + COLUMNS_PER_MESSAGE >= rest.length;
      post({ type: 'columns', destinations: rest.slice(i, i + COLUMNS_PER_MESSAGE), last });
    }
    given = { sources, destinations: destinations.concat(rest) };
    for (const port of peers) port.postMessage({ type: 'topology', topology: t } satisfies PeerIn);
    if (!wait || planWanted) makePlan();
  }

  return (msg) => {
    try {
      switch (msg.type) {
        case 'piece':
          (assembler ??= new TopologyAssembler()).add(msg.piece);
          return;
        case 'init': {
          const t = msg.pieces
            ? (assembler ?? new TopologyAssembler()).finish(msg.topology)
            : msg.topology;
          assembler = null;
          return start(t, msg.seed, msg.plan, msg.wait);
        }
        case 'init-from': {
          const { port } = msg;
          const asm = new TopologyAssembler();
          let count = 0;
          port.onmessage = (ev: MessageEvent<ModelStream>) => {
            try {
              const m = ev.data;
              if ('piece' in m) {
                asm.add(m.piece);
                count++;
                return;
              }
              port.close();
              if ('error' in m) throw new Error(m.error);
              if (count !== m.parts)
                throw new Error(`${count} of the model's ${m.parts} parts came`);
              start(asm.finish(m.head), msg.seed, null, msg.wait);
            } catch (err) {
              fail(err);
            }
          };
          return;
        }
        case 'plan':
          planWanted = true;
          return makePlan();
        case 'peer': {
          peers.push(msg.port);
          if (topology) msg.port.postMessage({ type: 'topology', topology } satisfies PeerIn);
          if (plan) msg.port.postMessage({ type: 'plan', plan } satisfies PeerIn);
          return;
        }
        case 'upstream': {
          msg.port.onmessage = (ev: MessageEvent<PeerIn>) => {
            try {
              const m = ev.data;
              if (m.type === 'topology') topology = m.topology;
              else if (topology) ready(topology, m.plan);
              else throw new Error('matrix worker: plan before topology');
            } catch (err) {
              fail(err);
            }
          };
          return;
        }
        case 'unit':
          return run(msg.unit);
      }
    } catch (err) {
      fail(err);
    }
  };
}

/** The worker's global scope, as much of it as is used (no WebWorker lib in every project). */
interface Scope {
  postMessage(m: MatrixWorkerOut, transfer: Transferable[]): void;
  addEventListener(type: 'message', f: (e: MessageEvent<MatrixWorkerIn>) => void): void;
}
declare const self: Scope | undefined;
// IMPORTANT: only wire up inside a real worker; tests import createMatrixHandler under Node.
if (
  typeof self !== 'undefined' &&
  typeof self.postMessage === 'function' &&
  typeof (globalThis as { document?: unknown }).document === 'undefined'
) {
  const handle = createMatrixHandler((m, transfer) => self.postMessage(m, transfer ?? []));
  self.addEventListener('message', (e: MessageEvent<MatrixWorkerIn>) => handle(e.data));
}
