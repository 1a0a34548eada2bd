/**
 * The drawing's share of a search pick on the 20-node cluster (`HNSVIZ_CLUSTER_LBS` load
 * balancers a node, 200 by default, as in bench/browser/cluster.bench.ts), in node: the
 * cluster laid out and fitted as the page fits it (a 1000 × 700 canvas), then a selection that
 * is an outline in that view (the first pod of node 7). `pickCullMs` is a cut of the whole view
 * for the new selection (what a pick cost before `cut(…).with(keep)`: every outline and
 * connector path made again), `pickWithMs` the selection taken from the view's cut, made once
 * (what a pick costs now; the id index is built once per layout, in a task of its own, before
 * it). CPU time of 15 interleaved rounds each after a forced GC, medians; outputs checked equal.
 * `node --expose-gc --import tsx bench/pick-bench.ts`. Printed, never asserted.
 */
import { parseCluster } from '../src/cluster/index';
import { layoutTopology } from '../src/layout/layout-topology';
import { cull, cut, viewWindow } from '../src/render/cull';
import { nodeDump } from './cluster-bench';
import { gcFn, median, round } from './measure';
import { syntheticDump } from './parse-bench';
import { isDeepStrictEqual } from 'node:util';
import { loadavg } from 'node:os';

const LBS = Number(process.env.HNSVIZ_CLUSTER_LBS ?? 200);
const base = syntheticDump(2, 300, LBS);
const t = parseCluster(
  Array.from({ length: 20 }, (_, k) => ({ name: `node${k}.json`, bytes: nodeDump(base, k) })),
).topology;
const layout = layoutTopology(t);
// Fitted as `fitBox` fits a drawing: the whole layout, centred, with a margin.
const size = { w: 1000, h: 700 };
const k = Math.min(size.w / layout.width, size.h / layout.height) / 1.04;
const win = viewWindow({ x: layout.width / 2, y: layout.height / 2, k }, size);
const pod = Object.values(t.endpoints).find((e) => e.ipAddress === '10.107.1.10');
if (!pod) throw new Error('no pod 10.107.1.10 in the cluster');
const keep = new Set([pod.id]);
const shape = cut(layout.items, layout.links, win, k);
shape.prepare();
if (!isDeepStrictEqual(shape.with(keep), cull(layout.items, layout.links, win, k, keep)))
  throw new Error('the cut with the selection differs from a cut made for it');

const gc = gcFn();
const cpuMs = (f: () => unknown): number => {
  gc();
  const u0 = process.cpuUsage();
  f();
  const u = process.cpuUsage(u0);
  return (u.user + u.system) / 1000;
};
const whole: number[] = [];
const taken: number[] = [];
for (let r = 0; r < 15; r++) {
  whole.push(cpuMs(() => cull(layout.items, layout.links, win, k, keep)));
  taken.push(cpuMs(() => shape.with(keep)));
}
const out = {
  pickItems: layout.items.length,
  pickLinks: layout.links.length,
  pickCullMs: round(median(whole), 2),
  pickWithMs: round(median(taken), 2),
  loadAverage: round(loadavg()[0]!, 1),
};
console.log(JSON.stringify(out));
