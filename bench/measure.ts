/**
 * What every bench script measures with: a forced GC (when V8 lets us expose it), the heap
 * after it, wall and CPU time, medians and rounding. One copy, so the figures of different
 * scripts are taken the same way.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** `gc()` from a fresh context after `--expose-gc`; a no-op where V8 refuses the flag. */
export function gcFn(): () => void {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return () => undefined;
  }
}

/** The heap in use after a full GC, in MiB. */
export function heapAfterGcMiB(gc: () => void): number {
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

/** The median of `xs` (the upper one of an even count); `xs` is not changed. */
export const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** `x` with `d` decimals, as a number (for JSON figures). */
export const round = (x: number, d = 0): number => Number(x.toFixed(d));

/** Wall time of one call of `f`, in ms. */
export function timeMs(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/** Process CPU seconds (all threads, so GC helpers count too: a conservative figure). */
export function cpuSec(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
