/**
 * Cluster benchmark: 20 nodes, each the parse bench's synthetic node (300 endpoints of which
 * 100 remote, 5,000 load balancers) with its own node IP, pod addresses and GUIDs, imported
 * together with `parseCluster` (attribution, per-node parse, assembly, stitching), then traced.
 * Figures are printed, never asserted. `npm run bench -- --cluster` (or run this file alone).
 *
 * - clusterImportMs: wall time of parseCluster over the 20 inputs (bytes).
 * - clusterHeapMiB: heap held after the import, the engine's index and one trace per node
 *   (topology alive, after a forced GC) — the part of the tab's heap the cluster costs.
 * - stitchRatio: stitch time for 20 nodes over 1 node (medians; the 1-node stitch timed in batches
 *   of 20); stitchPerEndpointRatio divides by the endpoint counts (1 = linear).
 * - clusterTraceMicros / nodeTraceMicros: median full trace on the cluster (a pod to a pod on
 *   another node) vs on one node (a pod to a Service port; many are answered in two hops).
 * - nodePodTraceMicros: the like-for-like single-node figure, a pod to a pod on the same node;
 *   clusterTraceHops / nodePodTraceHops: the mean hops of those traces, so the cost per hop of
 *   the two can be compared (`clusterOverNodePerHop`).
 * - clusterLintMs / nodeLintMs: median `lintCluster` (what an import runs before it shows the
 *   dump, and `hnsviz lint`) on the 20 nodes and on one; lintPerEndpointRatio divides by the
 *   endpoint counts (about 1 when the cluster checks are linear; ~400× before their scans of
 *   every load balancer per remote endpoint were made one index).
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseCluster, stitch } from '../src/cluster/index';
import { compileTopology, traceFlow } from '../src/engine/index';
import { lintCluster } from '../src/lint/index';
import type { Topology } from '../src/model/types';
import { syntheticDump } from './parse-bench';

const NODES = 20;

function gcFn(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/**
 * Node k's dump: the synthetic node with its own IP, PA, pod prefix and GUIDs. Its 100 remote
 * endpoints stand for real pods of the other nodes (remote r: pod 10.<100+j>.1.r on node j, PA
 * j's node IP), and its first RemoteSubnetRoutes point at the other nodes' pod subnets, so
 * stitching links them and cross-node traces arrive, as on a real cluster. The pods' ACLs are
 * made those of a cluster (tcp/80 in and out between pods of any node, the whole pod range
 * exempt from OutBoundNAT): the single-node synthetic ACLs only allow the node's /24, which
 * would drop every cross-node packet at its source port. Every endpoint's MAC is made from its
 * address, as HNS does (the synthetic node's repeat every 256 endpoints, so every node's pods
 * shared MACs with each other and with remote endpoints standing for other pods: lint found
 * 200 duplicate MACs no real cluster has, and no two pods with stand-ins were ever alike).
 */
export function nodeDump(base: string, k: number): Uint8Array {
  const ip = `10.0.0.${4 + k}`;
  const other = (m: number): number => (k + 1 + (m % (NODES - 1))) % NODES;
  const text = base
    .replace(/"10\.0\.0\.4"/g, `"${ip}"`)
    .replace(/10\.244\.0\.0\/16/g, '10.64.0.0/10')
    .replace(/10\.244\./g, `10.${100 + k}.`)
    // Out: to port 80 of any pod or node; In: port 80 from any of them.
    .replace(
      /"Direction": {2}"Out",(\s*)"Id": {2}"(acl-\d+)",(\s*)"LocalPorts"/g,
      '"Direction":  "Out",$1"Id":  "$2",$3"RemotePorts"',
    )
    .replace(/"RemoteAddresses": {2}"10\.0\.0\.0\/24"/g, '"RemoteAddresses":  "10.0.0.0/8"')
    .replace(/-8000-/g, `-8${k.toString(16).padStart(3, '0')}-`)
    .replace(
      /"IPAddress": {2}"10\.\d+\.(\d+)\.(\d+)",(\s*)"IsRemoteEndpoint": {2}true,([\s\S]*?)"PA": {2}"10\.0\.0\.\d+"/g,
      (_, c: string, d: string, sp: string, mid: string) => {
        const r = (Number(c) - 1) * 256 + Number(d) - 200;
        const j = other(r);
        return `"IPAddress":  "10.${100 + j}.1.${r}",${sp}"IsRemoteEndpoint":  true,${mid}"PA":  "10.0.0.${4 + j}"`;
      },
    )
    .replace(
      /"DestinationPrefix": {2}"10\.\d+\.(\d+)\.0\/24",([\s\S]*?)"ProviderAddress": {2}"10\.0\.0\.\d+"/g,
      (all, c: string, mid: string) => {
        const m = Number(c) - 2;
        if (m >= NODES - 1) return all;
        const j = other(m);
        return `"DestinationPrefix":  "10.${100 + j}.1.0/24",${mid}"ProviderAddress":  "10.0.0.${4 + j}"`;
      },
    );
  return new TextEncoder().encode(macsFromAddresses(text));
}

const hex2 = (n: string): string => Number(n).toString(16).padStart(2, '0').toUpperCase();

/** Each endpoint's `MacAddress` made from its `IPAddress` (`0E-2A-` and the address's bytes). */
function macsFromAddresses(text: string): string {
  return text.replace(
    /("IPAddress": {2}"(\d+)\.(\d+)\.(\d+)\.(\d+)",[^{}]*?"MacAddress": {2}")[0-9A-F-]{17}"/g,
    (_, head: string, a: string, b: string, c: string, d: string) =>
      `${head}0E-2A-${hex2(a)}-${hex2(b)}-${hex2(c)}-${hex2(d)}"`,
  );
}

/** Median of `runs` timings of `f`, each after a forced GC (so no run pays for another's garbage). */
function time(f: () => unknown, runs: number, gc: () => void): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = performance.now();
    f();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

function traceMicros(t: Topology, reqs: { from: string; to: string }[]): number {
  // Warm-up: the first trace through a port compiles it (VFP derived per port, 5,000 LBs).
  for (const r of reqs) traceFlow(t, r);
  const xs = reqs.map((r) => {
    const t0 = performance.now();
    traceFlow(t, r);
    return (performance.now() - t0) * 1000;
  });
  return median(xs);
}

export function runClusterBench(): Record<string, number> {
  const gc = gcFn();
  // Little padding: the object counts matter here, not the allocator trees parsers drop.
  const base = syntheticDump(2);
  const inputs = Array.from({ length: NODES }, (_, k) => ({
    name: `node${k}/hns.json`,
    bytes: nodeDump(base, k),
  }));
  const dumpMiB = inputs.reduce((n, i) => n + i.bytes.length, 0) / 1048576;
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const r = parseCluster(inputs);
  const importMs = performance.now() - t0;
  const t = r.topology;
  compileTopology(t);
  // One cross-node trace per node: a pod on node k to a pod on node k+1 (remote on k).
  // (Remote 19 of node k stands for pod 10.<100+k+1>.1.19.)
  const cross = Array.from({ length: NODES }, (_, k) => ({
    from: `10.${100 + k}.1.10`,
    to: `10.${100 + ((k + 1) % NODES)}.1.19:80`,
  }));
  const crossTraces = cross.map((q) => traceFlow(t, q));
  const crossVerdicts = crossTraces.map((x) => x.verdict);
  if (process.env.HNSVIZ_BENCH_DEBUG) console.error(crossTraces[0]?.reason);
  gc();
  const heapMiB = (process.memoryUsage().heapUsed - heap0) / 1048576;

  const oneResult = parseCluster([inputs[0]!]);
  const one = oneResult.topology;
  gc();
  const lint20 = time(() => lintCluster(r), 3, gc);
  const lint1 = time(() => lintCluster(oneResult), 5, gc);
  const e1 = Object.keys(one.endpoints).length;
  const e20 = Object.keys(t.endpoints).length;
  // Both after a forced GC and a warm-up: the import leaves hundreds of MiB to collect, and a
  // collection during the timed loop would be charged to stitching.
  const warm = (x: Topology): void => {
    for (let i = 0; i < 3; i++) stitch(x);
    gc();
  };
  // One stitch of one node takes well under a millisecond: each timing is of a batch big
  // enough (about as many endpoints as one 20-node stitch) to rise above timer and JIT noise.
  const batch = (x: Topology, reps: number, runs: number): number =>
    time(
      () => {
        for (let i = 0; i < reps; i++) stitch(x);
      },
      runs,
      gc,
    ) / reps;
  warm(one);
  const s1 = batch(one, NODES, 9);
  warm(t);
  const s20 = batch(t, 1, 9);
  const reqs = (tt: Topology, nodes: number) =>
    Array.from({ length: 200 }, (_, i) => ({
      from: `10.100.1.${i % 200}`,
      to:
        nodes > 1
          ? `10.${101 + (i % (nodes - 1))}.1.${(i * 7) % 200}:80`
          : `10.96.${(i >> 8) & 255}.${i & 255}:${80 + (i % 1000)}`,
    })).filter((q) => {
      try {
        traceFlow(tt, q);
        return true;
      } catch {
        return false;
      }
    });
  gc();
  const clusterTrace = traceMicros(t, reqs(t, NODES));
  gc();
  const nodeTrace = traceMicros(one, reqs(one, 1));
  // Like for like: a pod to another pod of the same node walks both ports, as a cross-node
  // trace walks both nodes' ports and the wire between them.
  const samePod = Array.from({ length: 200 }, (_, i) => ({
    from: `10.100.1.${i % 200}`,
    to: `10.100.1.${(i * 7) % 200}:80`,
  })).filter((q) => {
    try {
      traceFlow(one, q);
      return true;
    } catch {
      return false;
    }
  });
  gc();
  const nodePodTrace = traceMicros(one, samePod);
  const hopsOf = (tt: Topology, qs: readonly { from: string; to: string }[]): number =>
    qs.reduce((n, q) => n + traceFlow(tt, q).hops.length, 0) / Math.max(1, qs.length);
  const clusterHops = hopsOf(t, reqs(t, NODES));
  const nodePodHops = hopsOf(one, samePod);
  const linked = r.stitches.filter((s) => s.status === 'linked').length;
  return {
    clusterNodes: r.nodes.length,
    clusterEndpoints: e20,
    clusterLoadBalancers: Object.keys(t.loadBalancers).length,
    clusterDumpMiB: Math.round(dumpMiB),
    clusterImportMs: Math.round(importMs),
    clusterHeapMiB: Math.round(heapMiB),
    clusterStitched: linked,
    clusterCrossDelivered: crossVerdicts.filter((v) => v === 'delivered').length,
    stitchMs1: Number(s1.toFixed(2)),
    stitchMs20: Number(s20.toFixed(2)),
    stitchRatio: Number((s20 / s1).toFixed(1)),
    stitchPerEndpointRatio: Number((s20 / e20 / (s1 / e1)).toFixed(2)),
    clusterTraceMicros: Math.round(clusterTrace),
    nodeTraceMicros: Math.round(nodeTrace),
    nodePodTraceMicros: Math.round(nodePodTrace),
    clusterTraceHops: Number(clusterHops.toFixed(1)),
    nodePodTraceHops: Number(nodePodHops.toFixed(1)),
    clusterOverNodePerHop: Number(
      (clusterTrace / clusterHops / (nodePodTrace / nodePodHops)).toFixed(2),
    ),
    clusterLintMs: Math.round(lint20),
    nodeLintMs: Math.round(lint1),
    lintPerEndpointRatio: Number((lint20 / e20 / (lint1 / e1)).toFixed(2)),
  };
}

if (process.argv[1]?.endsWith('cluster-bench.ts')) {
  const out = runClusterBench();
  if (process.argv.includes('--json')) console.log(JSON.stringify(out));
  else for (const [k, v] of Object.entries(out)) console.log(`${k.padEnd(26)} ${v}`);
}
