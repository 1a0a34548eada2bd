/**
 * One timed pass of full traces on the synthetic node (`bench/synthetic.ts`): what `run.ts`
 * measures (`traceMicros`, `traceP95Micros`) and `trace-tails.ts` looks into.
 */
import { performance } from 'node:perf_hooks';
import { traceFlow } from '../src/engine/index';
import type { Topology } from '../src/model/types';

/** Traces in one pass. */
export const TRACES = 2000;

/**
 * Request `i` of a pass: pod `i mod endpoints` to load balancer `i mod lbs`, from `srcPort`.
 * Each service lists its source pod among its two backends, so half of a pass is delivered to
 * the other backend and half is dropped as a hairpin (1,000 each).
 */
export const traceRequest = (i: number, endpoints: number, lbs: number, srcPort = 40000 + i) => ({
  from: `p${i % endpoints}`,
  to: `10.96.${(i % lbs) >> 8}.${(i % lbs) & 255}:80`,
  srcPort,
});

/**
 * Each trace of one pass timed alone, in µs, by request. Pass 0 is the measured one; a pass
 * > 0 sends the same requests (same object shape) from other source ports.
 */
export function tracePass(t: Topology, endpoints: number, lbs: number, pass: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < TRACES; i++) {
    const req = traceRequest(i, endpoints, lbs, 40000 + i - pass * TRACES);
    const s = performance.now();
    traceFlow(t, req);
    samples.push((performance.now() - s) * 1000);
  }
  return samples;
}
