// `npm run bench [-- --json] [-- --no-parse]`: the parser bench (bench/parse-bench.ts), then on a
// synthetic node (300 endpoints, 5,000 DSR load balancers → ~1.5M VFP rules) compile, trace
// latency, sweep throughput and heap, twice: VFP deferred (`deferred*` keys: derived per port by
// the engine, what a big dump gets) and VFP materialised by programVfp (the unprefixed keys).
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { compileTopology, traceFlow, traceVerdict } from '../src/engine/index';
import { compiledPort } from '../src/engine/compile';
import { programVfp } from '../src/model/program-vfp';
import { runParseBench } from './parse-bench';
import { realRecall } from './real-recall';
import type { Topology } from '../src/model/types';
import { syntheticDraft } from './synthetic';

const ENDPOINTS = 300;
const LBS = 5000;
const json = process.argv.includes('--json');
const withParse = !process.argv.includes('--no-parse');

function gcFn(): () => void {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return () => undefined;
  }
}
const gc = gcFn();
const heapMiB = () => {
  gc();
  return process.memoryUsage().heapUsed / 1048576;
};
const round = (x: number, d = 0) => Number(x.toFixed(d));

// The parser bench first, while the heap is still small (it measures its own peak).
const parse = withParse ? await runParseBench() : null;

interface EngineFigures {
  compileMs: number;
  compileIndexMs: number;
  heapCompiledMiB: number;
  traceMicros: number;
  traceP95Micros: number;
  sweepTraces: number;
  sweepDelivered: number;
  sweepTracesPerSecond: number;
  sweepTracesPerCpuSecond: number;
}

/** Process CPU seconds (all threads, so GC helpers count too: a conservative figure). */
const cpuSec = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Compile every port, then time traces (median, p95) and a verdict-only sweep on `t`. */
function measure(t: Topology): EngineFigures {
  const heap = heapMiB();
  // compileTopology builds the indexes; ports compile lazily on first use, so force them all
  // here to report the full cost (a sweep touches every port anyway).
  let t0 = performance.now();
  const c = compileTopology(t);
  const compileIndexMs = performance.now() - t0;
  for (const id of Object.keys(t.ports)) compiledPort(c, id);
  const compileMs = performance.now() - t0;
  const heapCompiledMiB = heapMiB() - heap;
  const samples: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const req = {
      from: `p${i % ENDPOINTS}`,
      to: `10.96.${(i % LBS) >> 8}.${(i % LBS) & 255}:80`,
      srcPort: 40000 + i,
    };
    const s = performance.now();
    traceFlow(t, req);
    samples.push((performance.now() - s) * 1000);
  }
  samples.sort((a, b) => a - b);
  // Sweep: pods × service ports (a bounded slice of all 1.5M pairs), verdict only. A full sweep
  // resolves each service once and reuses it for 300 pods; the slice has 20, so the last 20 pods
  // go first, unmeasured, to fill those per-service caches (and warm the JIT) as a full sweep would.
  const PODS = 20;
  for (let p = ENDPOINTS - PODS; p < ENDPOINTS; p++)
    for (let j = 0; j < LBS; j++)
      traceVerdict(t, { from: `p${p}`, to: `10.96.${j >> 8}.${j & 255}:80` });
  let n = 0;
  let delivered = 0;
  const cpu0 = cpuSec();
  t0 = performance.now();
  for (let p = 0; p < PODS; p++)
    for (let j = 0; j < LBS; j++) {
      if (traceVerdict(t, { from: `p${p}`, to: `10.96.${j >> 8}.${j & 255}:80` }) === 'delivered')
        delivered++;
      n++;
    }
  const sweepSec = (performance.now() - t0) / 1000;
  const sweepCpu = cpuSec() - cpu0;
  return {
    compileMs: Math.round(compileMs),
    compileIndexMs: round(compileIndexMs, 1),
    heapCompiledMiB: Math.round(heapCompiledMiB),
    traceMicros: round(samples[samples.length >> 1]!, 1),
    traceP95Micros: round(samples[Math.floor(samples.length * 0.95)]!, 1),
    sweepTraces: n,
    sweepDelivered: delivered,
    sweepTracesPerSecond: Math.round(n / sweepSec),
    // Wall time counts the time a busy machine gives to other processes; CPU time does not.
    sweepTracesPerCpuSecond: Math.round(n / sweepCpu),
  };
}

let t0 = performance.now();
const draft = syntheticDraft(ENDPOINTS, LBS);
const draftMs = performance.now() - t0;

// Deferred: the node as a big dump leaves the parser (it skips programVfp above 200k rules);
// the engine derives each port's VFP on demand from the same specs, sharing what pods share.
const deferred = measure(draft);

// Programmed: VFP materialised in the model (~1.5M rules), as for a small dump or a scenario.
const heap0 = heapMiB();
t0 = performance.now();
const t = programVfp(draft);
const programVfpMs = performance.now() - t0;
const heapModel = heapMiB() - heap0;
const programmed = measure(t);

const result: Record<string, number | Record<string, number>> = {
  endpoints: ENDPOINTS,
  loadBalancers: LBS,
  vfpRules: Object.keys(t.rules).length,
  buildMs: Math.round(draftMs + programVfpMs),
  programVfpMs: Math.round(programVfpMs),
  heapModelMiB: Math.round(heapModel),
  ...programmed,
  ...Object.fromEntries(
    Object.entries(deferred).map(([k, v]) => [`deferred${k[0]!.toUpperCase()}${k.slice(1)}`, v]),
  ),
  budgets: { traceMicros: 200, sweepTracesPerSecond: 200000 },
};
if (parse) {
  const { endpoints, loadBalancers, ...rest } = parse;
  Object.assign(result, rest, { parseEndpoints: endpoints, parseLoadBalancers: loadBalancers });
}
if (withParse) Object.assign(result, realRecall());
if (json) console.log(JSON.stringify(result));
else
  for (const [k, v] of Object.entries(result))
    console.log(`${k.padEnd(30)} ${typeof v === 'object' ? JSON.stringify(v) : v}`);
