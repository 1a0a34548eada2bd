/**
 * Spawn one matrix worker (src/worker/matrix.worker.ts) as a module Web Worker, named apart
 * from the engine worker so a profiler or the task manager tells them apart. The element
 * build aliases this file to src/embed/spawn-matrix-inline.ts. The `new URL()` must stay
 * inline in `new Worker()` for Vite to detect and bundle it.
 */
export function spawnMatrixWorker(): Worker {
  return new Worker(new URL('./matrix.worker.ts', import.meta.url), {
    type: 'module',
    name: 'hnsviz-matrix',
  });
}
