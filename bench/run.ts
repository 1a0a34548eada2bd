// `npm run bench [-- --json]`: trace latency and sweep throughput on a synthetic node
// (300 endpoints, 5,000 load balancers, VFP programmed through programVfp).
import { performance } from 'node:perf_hooks';
import { compileTopology, traceFlow, traceVerdict } from '../src/engine/index';
import { syntheticTopology } from './synthetic';

const ENDPOINTS = 300;
const LBS = 5000;
const json = process.argv.includes('--json');

let t0 = performance.now();
const t = syntheticTopology(ENDPOINTS, LBS);
const buildMs = performance.now() - t0;
t0 = performance.now();
compileTopology(t);
const compileMs = performance.now() - t0;
const rules = Object.keys(t.rules).length;

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
const traceMicros = samples[samples.length >> 1]!;

// Sweep: pods × service ports (a bounded slice of all 1.5M pairs), verdict only.
const PODS = 20;
let n = 0;
let delivered = 0;
t0 = performance.now();
for (let p = 0; p < PODS; p++)
  for (let j = 0; j < LBS; j++) {
    if (traceVerdict(t, { from: `p${p}`, to: `10.96.${j >> 8}.${j & 255}:80` }) === 'delivered')
      delivered++;
    n++;
  }
const sweepSec = (performance.now() - t0) / 1000;
const result = {
  endpoints: ENDPOINTS,
  loadBalancers: LBS,
  vfpRules: rules,
  buildMs: Math.round(buildMs),
  compileMs: Math.round(compileMs),
  traceMicros: Number(traceMicros.toFixed(1)),
  traceP95Micros: Number(samples[Math.floor(samples.length * 0.95)]!.toFixed(1)),
  sweepTraces: n,
  sweepDelivered: delivered,
  sweepTracesPerSecond: Math.round(n / sweepSec),
  budgets: { traceMicros: 200, sweepTracesPerSecond: 200000 },
};
if (json) console.log(JSON.stringify(result));
else
  for (const [k, v] of Object.entries(result))
    console.log(`${k.padEnd(22)} ${typeof v === 'object' ? JSON.stringify(v) : v}`);
