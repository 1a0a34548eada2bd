/**
 * The verdict-only sweep of `run.ts` on the synthetic node (`bench/synthetic.ts`): pods ×
 * service ports, a bounded slice of all 1.5M pairs. Several topologies (VFP deferred and
 * programmed) are swept row by row in turn, so that they compare under the same machine.
 */
import { performance } from 'node:perf_hooks';
import { traceVerdict } from '../src/engine/index';
import type { Topology } from '../src/model/types';
import { cpuSec } from './measure';

/** Source pods per round: a row is one pod to every service (5,000 traces, ≈25 ms). */
export const SWEEP_PODS = 20;
/** Measured rounds; the figures are over all of them. */
export const SWEEP_ROUNDS = 5;

const sweepTo = (j: number) => `10.96.${j >> 8}.${j & 255}:80`;

interface Row {
  readonly delivered: number;
  readonly sec: number;
  readonly cpu: number;
}

/** Pod `p` to every service port, verdict only, timed as a whole. */
function sweepRow(t: Topology, p: number, lbs: number): Row {
  let delivered = 0;
  const cpu0 = cpuSec();
  const t0 = performance.now();
  for (let j = 0; j < lbs; j++)
    if (traceVerdict(t, { from: `p${p}`, to: sweepTo(j) }) === 'delivered') delivered++;
  return { delivered, sec: (performance.now() - t0) / 1000, cpu: cpuSec() - cpu0 };
}

export interface SweepFigures {
  sweepTraces: number;
  sweepDelivered: number;
  sweepTracesPerSecond: number;
  sweepTracesPerCpuSecond: number;
}

/**
 * Sweep each of `ts` `SWEEP_ROUNDS` times, one row at a time in turn, alternating which goes
 * first (ABBA), so a topology is never timed a whole sweep away from the other: this host's
 * speed drifts by 2× within a minute, and whole sweeps in turn (≈0.5 s each) put that drift
 * into their ratio (bench/README.md, "Engine: the sweeps compared row by row").
 *
 * A full sweep resolves each service once and reuses it for 300 pods; the rows have 20, so
 * the last 20 pods' rows go first, unmeasured, through the same loop: they fill those
 * per-service caches as a full sweep would and warm the JIT, the timing loop included.
 */
export function sweeps(ts: readonly Topology[], endpoints: number, lbs: number): SweepFigures[] {
  for (let p = endpoints - SWEEP_PODS; p < endpoints; p++) for (const t of ts) sweepRow(t, p, lbs);
  const sum = ts.map(() => ({ delivered: 0, sec: 0, cpu: 0 }));
  for (let r = 0; r < SWEEP_ROUNDS; r++)
    for (let p = 0; p < SWEEP_PODS; p++)
      for (let i = 0; i < ts.length; i++) {
        const k = (p + r) % 2 === 0 ? i : ts.length - 1 - i;
        const row = sweepRow(ts[k]!, p, lbs);
        sum[k]!.delivered += row.delivered;
        sum[k]!.sec += row.sec;
        sum[k]!.cpu += row.cpu;
      }
  const n = SWEEP_PODS * lbs;
  return sum.map((s) => ({
    sweepTraces: n,
    sweepDelivered: s.delivered / SWEEP_ROUNDS,
    sweepTracesPerSecond: Math.round((n * SWEEP_ROUNDS) / s.sec),
    // Wall time counts the time a busy machine gives to other processes; CPU time does not.
    sweepTracesPerCpuSecond: Math.round((n * SWEEP_ROUNDS) / s.cpu),
  }));
}
