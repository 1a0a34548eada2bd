/**
 * The element build's engine spawner (vite.element.config.ts aliases `worker/spawn-engine` to
 * this file). IMPORTANT: the worker is inlined into hns-viz.js and started from a blob URL, so
 * the element works when its script comes from another origin (a worker script URL must be
 * same-origin) and ships as one file. Host pages need `worker-src blob:` in their CSP.
 */
import {
  createEngineClient,
  type EngineClient,
  type EngineClientOptions,
  type EnginePort,
} from '../worker/engine-client';
import EngineWorker from '../worker/engine.worker.ts?worker&inline';

/** A client for a fresh, inlined engine worker, or null where Worker does not exist. */
export function spawnEngineClient(opts: EngineClientOptions = {}): EngineClient | null {
  if (typeof Worker === 'undefined') return null;
  return createEngineClient((): EnginePort => new EngineWorker({ name: 'hnsviz-engine' }), opts);
}
