/**
 * A matrix worker: computes the plan when asked (the first worker), then one work unit (a
 * source class over a range of destinations) per message (see src/engine/matrix/assemble.ts). Plain data in, plain data out.
 */
import {
  ClassRunner,
  planMatrix,
  type ClassBatch,
  type MatrixPlan,
  type WorkUnit,
} from '../engine/matrix/index';
import type { Topology } from '../model/types';

export type MatrixWorkerIn =
  | {
      readonly type: 'init';
      readonly topology: Topology;
      readonly seed: number;
      /** Null: compute the plan here and post it back. */
      readonly plan: MatrixPlan | null;
    }
  | { readonly type: 'unit'; readonly unit: WorkUnit };

export type MatrixWorkerOut =
  | { readonly type: 'plan'; readonly plan: MatrixPlan }
  | { readonly type: 'batch'; readonly batch: ClassBatch }
  | { readonly type: 'error'; readonly message: string };

interface Scope {
  onmessage: ((e: MessageEvent<MatrixWorkerIn>) => void) | null;
  postMessage(m: MatrixWorkerOut): void;
}
const scope = self as unknown as Scope;
let runner: ClassRunner | null = null;

scope.onmessage = (e) => {
  const msg = e.data;
  try {
    if (msg.type === 'init') {
      const plan = msg.plan ?? planMatrix(msg.topology, msg.seed);
      runner = new ClassRunner(msg.topology, plan);
      if (!msg.plan) scope.postMessage({ type: 'plan', plan });
      return;
    }
    if (!runner) throw new Error('matrix worker: class before init');
    const batch = runner.run(msg.unit);
    if (batch) scope.postMessage({ type: 'batch', batch });
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
