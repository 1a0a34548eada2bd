/**
 * Spawn the engine as a module Web Worker (the UI never traces on the main thread).
 * The `new URL()` must stay inline in `new Worker()` for Vite to detect and bundle it.
 */
import { createEngineClient, type EngineClient, type EngineClientOptions } from './engine-client';

/** A client for a fresh engine worker, or null where Worker does not exist (jsdom, SSR). */
export function spawnEngineClient(opts: EngineClientOptions = {}): EngineClient | null {
  if (typeof Worker === 'undefined') return null;
  return createEngineClient(
    () =>
      new Worker(new URL('./engine.worker.ts', import.meta.url), {
        type: 'module',
        name: 'hnsviz-engine',
      }),
    opts,
  );
}
