// `npm run bench [-- --json] [-- --no-parse] [-- --cluster] [-- --matrix]`: the parser bench (bench/parse-bench.ts), then on a
// synthetic node (300 endpoints, 5,000 DSR load balancers → ~1.5M VFP rules) compile, trace
// latency, sweep throughput and heap, twice: VFP deferred (`deferred*` keys: derived per port by
// the engine, what a big dump gets) and VFP derived eagerly by programVfp (the unprefixed keys;
// `bytesPerVfpRule` is its heap growth over the rule count). Ratios (`…Over…`) compare figures
// of this one run, so a busy machine skews them less than the absolute figures. `--matrix`: only
// the programmed node's sweep and its reachability matrix (the `matrix*` keys and their ratios).
import { performance } from 'node:perf_hooks';
import { compileTopology } from '../src/engine/index';
import { compiledPort } from '../src/engine/compile';
import { computeClass, CellTable, planMatrix } from '../src/engine/matrix/index';
import { programVfp } from '../src/model/program-vfp';
import { vfpRuleCount } from '../src/model/vfp-rules';
import { measureCliStart } from './cli-start';
import { runClusterBench } from './cluster-bench';
import { runParseBench } from './parse-bench';
import { runHostileBench } from './hostile-bench';
import { runReaderDoubling } from './reader-doubling';
import { realRecall } from './real-recall';
import type { Topology } from '../src/model/types';
import { syntheticDraft } from './synthetic';
import { tracePass } from './trace-pass';
import { sweeps, type SweepFigures } from './sweep';
import { cpuSec, gcFn, heapAfterGcMiB, round } from './measure';

const ENDPOINTS = 300;
const LBS = 5000;
const json = process.argv.includes('--json');
const matrixOnly = process.argv.includes('--matrix');
const withParse = !matrixOnly && !process.argv.includes('--no-parse');

const gc = gcFn();
const heapMiB = () => heapAfterGcMiB(gc);

// The parser bench first, while the heap is still small (it measures its own peak).
const parse = withParse ? await runParseBench() : null;

interface EngineFigures {
  compileMs: number;
  compileIndexMs: number;
  heapCompiledMiB: number;
  traceMicros: number;
  traceP95Micros: number;
}

/** Timed passes before the measured one (see `measure`). */
const WARM_PASSES = 4;

/** Compile every port of `t`, then time full traces (median, p95) once the JIT is warm. */
function measure(t: Topology): EngineFigures {
  const heap = heapMiB();
  // compileTopology builds the indexes; ports compile lazily on first use, so force them all
  // here to report the full cost (a sweep touches every port anyway).
  const t0 = performance.now();
  const c = compileTopology(t);
  const compileIndexMs = performance.now() - t0;
  for (const id of Object.keys(t.ports)) compiledPort(c, id);
  const compileMs = performance.now() - t0;
  const heapCompiledMiB = heapMiB() - heap;
  // The first traces of a process run while V8 still compiles the walk (a 100× slower tail
  // that says nothing about a trace). V8 marks a function for optimisation after enough calls
  // and compiles it on another thread, so one pass of 2,000 traces was not enough: functions
  // of the walk were still marked, compiled and swapped in during the measured pass (9–14 of
  // them), and the warm-up's requests had another shape (`{ ...req, srcPort }`) than the
  // measured ones, which deoptimised `begin` and `traceLogged` on the first measured trace.
  // So the same timed loop runs WARM_PASSES times first, on other source ports, with the
  // same request objects (bench/README.md, "Trace tails").
  for (let pass = WARM_PASSES; pass > 0; pass--) tracePass(t, ENDPOINTS, LBS, pass);
  const samples = tracePass(t, ENDPOINTS, LBS, 0);
  samples.sort((a, b) => a - b);
  return {
    compileMs: Math.round(compileMs),
    compileIndexMs: round(compileIndexMs, 1),
    heapCompiledMiB: Math.round(heapCompiledMiB),
    traceMicros: round(samples[samples.length >> 1]!, 1),
    traceP95Micros: round(samples[Math.floor(samples.length * 0.95)]!, 1),
  };
}

/**
 * The reachability matrix of the programmed node (every pod and the host × every service,
 * pod port and internet address), on this thread, after the sweeps on the same compiled
 * topology: the first run (cold JIT); the median of the next 3 (`matrixEarlyMs`: V8 still
 * compiles the matrix code during them, each ~2× a steady run's CPU); then, after as many
 * unmeasured runs as the sweep's warm passes, the median of 5 (`matrixMs` and the cells per
 * second: the steady state, measured as the sweep that is the ratio's denominator is).
 */
function matrixFigures(t: Topology) {
  const once = () => {
    const cpu0 = cpuSec();
    const t0 = performance.now();
    const plan = planMatrix(t);
    const planMs = performance.now() - t0;
    const table = new CellTable();
    let traces = 0;
    for (let k = 0; k < plan.classes.length; k++) traces += computeClass(t, plan, k, table)!.traces;
    const ms = performance.now() - t0;
    const cells = plan.sources.length * plan.destinations.length;
    return { cells, traces, classes: plan.classes.length, planMs, ms, cpu: cpuSec() - cpu0 };
  };
  const median = (runs: ReturnType<typeof once>[]) =>
    runs.sort((a, b) => a.ms - b.ms)[runs.length >> 1]!;
  const cold = once();
  const early = median([once(), once(), once()]);
  for (let pass = WARM_PASSES; pass > 0; pass--) once();
  const warm = median(Array.from({ length: 5 }, once));
  return {
    matrixCells: warm.cells,
    matrixSourceClasses: warm.classes,
    matrixTraces: warm.traces,
    matrixColdMs: Math.round(cold.ms),
    matrixEarlyMs: Math.round(early.ms),
    matrixMs: Math.round(warm.ms),
    matrixPlanMs: Math.round(warm.planMs),
    matrixCellsPerSecond: Math.round(warm.cells / (warm.ms / 1000)),
    matrixCellsPerCpuSecond: Math.round(warm.cells / warm.cpu),
  };
}
const print = (result: Record<string, number | Record<string, number>>) => {
  if (json) console.log(JSON.stringify(result));
  else
    for (const [k, v] of Object.entries(result))
      console.log(`${k.padEnd(30)} ${typeof v === 'object' ? JSON.stringify(v) : v}`);
};

/** Matrix cells per second over verdict-only traces per second, both on the programmed node. */
const matrixRatios = (m: ReturnType<typeof matrixFigures>, sweep: SweepFigures) => ({
  matrixSpeedup: ratio(m.matrixCellsPerSecond, sweep.sweepTracesPerSecond),
  matrixSpeedupCpu: ratio(m.matrixCellsPerCpuSecond, sweep.sweepTracesPerCpuSecond),
});
const ratio = (a: number, b: number) => round(a / b, 2);
const MATRIX_BUDGETS = { matrixSpeedup: 50, matrixMs: 2000 };

if (matrixOnly) {
  // The programmed node alone: its sweep (the ratio's denominator), then its matrix.
  const t = programVfp(syntheticDraft(ENDPOINTS, LBS));
  const c = compileTopology(t);
  for (const id of Object.keys(t.ports)) compiledPort(c, id);
  const [sweep] = sweeps([t], ENDPOINTS, LBS);
  const m = matrixFigures(t);
  print({ ...sweep!, ...m, ...matrixRatios(m, sweep!), budgets: MATRIX_BUDGETS });
  process.exit(0);
}

let t0 = performance.now();
const draft = syntheticDraft(ENDPOINTS, LBS);
const draftMs = performance.now() - t0;

// Deferred: the node as a big dump leaves the parser (it skips programVfp above 200k rules);
// the engine derives each port's VFP on demand from the same specs, sharing what pods share.
const deferredTraces = measure(draft);

// Programmed: VFP derived eagerly into the model (1.5M rules; shared lists stored once as rule
// sets), as for a small dump or a scenario.
const heap0 = heapMiB();
t0 = performance.now();
const t = programVfp(draft);
const programVfpMs = performance.now() - t0;
const heapModel = heapMiB() - heap0;
const programmedTraces = measure(t);
// Both sweeps row by row in turn (bench/sweep.ts), each first in every other row.
const [deferredSweep, programmedSweep] = sweeps([draft, t], ENDPOINTS, LBS);
// The same traces: a sweep that reached other verdicts would compare other work.
if (deferredSweep!.sweepDelivered !== programmedSweep!.sweepDelivered)
  throw new Error(
    `sweeps disagree: ${deferredSweep!.sweepDelivered} delivered deferred, ${programmedSweep!.sweepDelivered} eager`,
  );
const deferred = { ...deferredTraces, ...deferredSweep! };
const programmed = { ...programmedTraces, ...programmedSweep! };

const matrix = matrixFigures(t);

const vfpRules = vfpRuleCount(t);
const result: Record<string, number | Record<string, number>> = {
  endpoints: ENDPOINTS,
  loadBalancers: LBS,
  vfpRules,
  // What holds them: per-port rule entries plus the bodies of shared rule sets.
  vfpRulesStored:
    Object.keys(t.rules).length +
    Object.values(t.ruleSets ?? {}).reduce((n, s) => n + s.rules.length, 0),
  buildMs: Math.round(draftMs + programVfpMs),
  programVfpMs: Math.round(programVfpMs),
  programVfpMsPer100kRules: round((programVfpMs * 100000) / vfpRules, 1),
  heapModelMiB: Math.round(heapModel),
  bytesPerVfpRule: round((heapModel * 1048576) / vfpRules, 1),
  ...programmed,
  ...Object.fromEntries(
    Object.entries(deferred).map(([k, v]) => [`deferred${k[0]!.toUpperCase()}${k.slice(1)}`, v]),
  ),
  // Eager over deferred sweep throughput (CPU time: less sensitive to load; both swept row by
  // row in turn, so on the same machine), and each trace latency tail over its median.
  sweepEagerOverDeferred: ratio(
    programmed.sweepTracesPerCpuSecond,
    deferred.sweepTracesPerCpuSecond,
  ),
  traceP95OverMedian: ratio(programmed.traceP95Micros, programmed.traceMicros),
  ...matrix,
  ...matrixRatios(matrix, programmed),
  deferredTraceP95OverMedian: ratio(deferred.traceP95Micros, deferred.traceMicros),
  budgets: {
    traceMicros: 200,
    sweepTracesPerSecond: 200000,
    bytesPerVfpRule: 64,
    programVfpMsPer100kRules: 70,
    traceP95OverMedian: 2,
    ...MATRIX_BUDGETS,
    parseRatio: 1.5,
    parseRatioText: 2,
    cliStartMs: 200,
    cliStartRatio: 5,
  },
};
if (parse) {
  const { endpoints, loadBalancers, ...rest } = parse;
  Object.assign(result, rest, { parseEndpoints: endpoints, parseLoadBalancers: loadBalancers });
}
if (withParse) Object.assign(result, realRecall());
// Minified vs pretty parse time, and 200k endpoints after a prompt line (bench/hostile-bench.ts).
if (withParse) Object.assign(result, runHostileBench());
// Each reader's time for 2N endpoints over N (bench/reader-doubling.ts): ~2 is linear.
if (withParse) Object.assign(result, runReaderDoubling());
// `hnsviz --version` against a bare node (bench/cli-start.ts).
Object.assign(result, measureCliStart());
// 20 synthetic nodes imported together (bench/cluster-bench.ts); heavy, so only when asked.
if (process.argv.includes('--cluster')) Object.assign(result, runClusterBench());
print(result);
