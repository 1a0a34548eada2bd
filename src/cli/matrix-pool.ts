/**
 * The matrix across `worker_threads`: work units (a source class over a range of destination
 * columns, see `workUnits`) handed out one at a time to as many workers as asked (default: the
 * machine's available parallelism), rows merged as they come back. A worker is this very
 * module loaded again (the built `dist/cli.mjs`), told by its `workerData` to serve units; run
 * from TypeScript sources (tests, tsx) there is no loadable module for a worker, so the units
 * run on this thread instead.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  ClassRunner,
  MatrixAssembler,
  workUnits,
  type ClassBatch,
  type Matrix,
  type MatrixPlan,
  type WorkUnit,
} from '../engine/matrix/index';
import type { Topology } from '../model/types';

const ROLE = 'hnsviz-matrix-worker';

interface WorkerInit {
  readonly role: typeof ROLE;
  readonly topology: Topology;
  readonly plan: MatrixPlan;
}

function serve(init: WorkerInit): void {
  const runner = new ClassRunner(init.topology, init.plan);
  parentPort!.on('message', (u: WorkUnit) => {
    parentPort!.postMessage(runner.run(u));
  });
}

if (!isMainThread && (workerData as Partial<WorkerInit> | null)?.role === ROLE)
  serve(workerData as WorkerInit);

export const defaultWorkers = () => Math.max(1, availableParallelism());

/** Can this module be started as a worker (it is plain JavaScript)? */
function selfUrl(): URL | null {
  const url = new URL(import.meta.url);
  return url.protocol === 'file:' && /\.m?js$/.test(url.pathname) ? url : null;
}

/** Compute `plan` on `t` with `workers` threads; `onRows` hears each finished class. */
export async function computeMatrixPool(
  t: Topology,
  plan: MatrixPlan,
  workers: number,
  onRows?: (sources: readonly number[], m: MatrixAssembler) => void,
): Promise<Matrix> {
  const asm = new MatrixAssembler(t.id, plan);
  const order = workUnits(plan);
  const url = selfUrl();
  const n = Math.min(workers, order.length);
  if (n <= 1 || !url) {
    const runner = new ClassRunner(t, plan);
    for (const u of order) {
      const done = asm.add(0, runner.run(u)!);
      onRows?.(done, asm);
    }
    return asm.matrix();
  }
  const init: WorkerInit = { role: ROLE, topology: t, plan };
  const pool = Array.from({ length: n }, () => new Worker(url, { workerData: init }));
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let busy = 0;
      const feed = (w: Worker) => {
        if (next < order.length) {
          busy++;
          w.postMessage(order[next++]);
        } else if (busy === 0) resolve();
      };
      pool.forEach((w, i) => {
        w.on('message', (b: ClassBatch) => {
          busy--;
          const done = asm.add(i, b);
          onRows?.(done, asm);
          feed(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (code !== 0) reject(new Error(`matrix worker exited with code ${code}`));
        });
      });
      pool.forEach(feed);
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return asm.matrix();
}
