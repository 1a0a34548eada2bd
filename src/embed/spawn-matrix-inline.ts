/**
 * The element build's matrix worker (vite.element.config.ts aliases `./spawn-matrix` to this
 * file): inlined into hns-viz.js and started from a blob URL, like the engine worker
 * (spawn-engine-inline.ts), so the matrix works when the element's script comes from another
 * origin and the element stays one file.
 */
import MatrixWorker from '../worker/matrix.worker.ts?worker&inline';

export function spawnMatrixWorker(): Worker {
  return new MatrixWorker({ name: 'hnsviz-matrix' });
}
