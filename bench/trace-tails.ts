// `node --import tsx bench/trace-tails.ts [passes]`: where `traceP95OverMedian` comes from. The
// timed pass of `run.ts` (bench/trace-pass.ts) run several times in one process on the
// synthetic node, VFP deferred then programmed; per pass the median, p95 and their ratio, the
// same by kind of request (delivered or dropped), and how many of the 5 % slowest requests
// were among the previous pass's slowest (5 % of them by chance). Measured here: the first
// passes ran while V8 still optimised the walk (bench/README.md, "Trace tails").
import { compileTopology, traceVerdict } from '../src/engine/index';
import { compiledPort } from '../src/engine/compile';
import { programVfp } from '../src/model/program-vfp';
import type { Topology } from '../src/model/types';
import { round } from './measure';
import { syntheticDraft } from './synthetic';
import { TRACES, traceRequest, tracePass } from './trace-pass';

const ENDPOINTS = 300;
const LBS = 5000;
const PASSES = Number(process.argv[2] ?? 6);

const quantile = (xs: readonly number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)] ?? NaN;
const figures = (xs: readonly number[]) => {
  const med = quantile(xs, 0.5);
  const p95 = quantile(xs, 0.95);
  return `median ${round(med, 1)} p95 ${round(p95, 1)} (${round(p95 / med, 2)})`;
};

function passes(name: string, t: Topology): void {
  const c = compileTopology(t);
  for (const id of Object.keys(t.ports)) compiledPort(c, id);
  let slowBefore: Set<number> | null = null;
  for (let pass = PASSES - 1; pass >= 0; pass--) {
    const us = tracePass(t, ENDPOINTS, LBS, pass);
    const delivered: number[] = [];
    const dropped: number[] = [];
    for (let i = 0; i < TRACES; i++) {
      const verdict = traceVerdict(t, traceRequest(i, ENDPOINTS, LBS, 40000 + i - pass * TRACES));
      (verdict === 'delivered' ? delivered : dropped).push(us[i]!);
    }
    const cut = quantile(us, 0.95);
    const slow = new Set(us.flatMap((x, i) => (x >= cut ? [i] : [])));
    const again = slowBefore ? [...slow].filter((i) => slowBefore!.has(i)).length : NaN;
    slowBefore = slow;
    console.log(
      `${name} pass ${PASSES - pass}: ${figures(us)}; delivered ${delivered.length}: ` +
        `${figures(delivered)}; dropped ${dropped.length}: ${figures(dropped)}; ` +
        `slowest again ${again}/${slow.size}`,
    );
  }
}

const draft = syntheticDraft(ENDPOINTS, LBS);
passes('deferred', draft);
passes('eager', programVfp(draft));
