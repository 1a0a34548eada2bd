/**
 * A matrix worker: computes the plan when asked (the first worker: first a preview of the
 * first rows, traced cell by cell, since planning a big dump takes seconds), then one work
 * unit (a source class over a range of destinations) per message (see
 * src/engine/matrix/assemble.ts). Plain data in, plain data out.
 */
import {
  ClassRunner,
  matrixDestinations,
  matrixSources,
  planMatrix,
  previewBatch,
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
  | {
      readonly type: 'preview';
      readonly sources: MatrixPlan['sources'];
      readonly destinations: MatrixPlan['destinations'];
      readonly batch: ClassBatch;
    }
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
      let plan = msg.plan;
      if (!plan) {
        const t = msg.topology;
        const given = { sources: matrixSources(t), destinations: matrixDestinations(t) };
        const batch = previewBatch(t, { ...given, seed: msg.seed });
        scope.postMessage({ type: 'preview', ...given, batch });
        plan = planMatrix(t, msg.seed, given);
      }
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
