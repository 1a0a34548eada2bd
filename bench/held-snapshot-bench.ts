/**
 * What the page reads when "What changed" picks a snapshot of the 20-node cluster less its
 * last node (as bench/browser/cluster.bench.ts does; `HNSVIZ_CLUSTER_LBS` load balancers a
 * node, 200 by default). Before: the snapshot's whole parsed dump came to the page as
 * `dump/part` pieces, each read (`JSON.parse`, put back into tables) in a task of its own, and
 * the page then held a second cluster. After (`dump/load` `hold`): the worker keeps the model
 * and sends the head alone; the model comes to the page only when the compare view opens.
 * Prints the pieces and JSON characters of each, and the CPU time of reading them as the page
 * does (`DumpAssembler`), medians of 7 rounds after a forced GC; the assembled dump is checked
 * equal (as JSON) to the parsed one. Then the same for the matrix worker prepared while the page
 * is idle: the pieces of the shown cluster (all 20 nodes) the page made for it (`topologyPieces`,
 * `JSON.stringify` a piece a task), which now go from the importer's worker (`init-from`).
 * `node --expose-gc --import tsx bench/held-snapshot-bench.ts`.
 * Printed, never asserted.
 */
import { loadavg } from 'node:os';
import { cpuUsage } from 'node:process';
import { loadDump } from '../src/worker/load-dump';
import { DumpAssembler, splitDump } from '../src/worker/dump-pieces';
import { topologyPieces } from '../src/worker/topology-pieces';
import type { DumpPiece } from '../src/worker/protocol';
import { nodeDump } from './cluster-bench';
import { gcFn, median, round } from './measure';
import { syntheticDump } from './parse-bench';

const LBS = Number(process.env.HNSVIZ_CLUSTER_LBS ?? 200);
const base = syntheticDump(2, 300, LBS);
const nodeInputs = (n: number) =>
  Array.from({ length: n }, (_, k) => {
    const b = nodeDump(base, k);
    return {
      name: `node${k}.json`,
      bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength),
    };
  });
const dump = loadDump(nodeInputs(19) as never, undefined, () => undefined);
const { head, pieces } = splitDump(dump);
const all: DumpPiece[] = [...pieces];
const chars = all.reduce((n, p) => n + p.json.length, 0);
const headChars = JSON.stringify(head).length;

const gc = gcFn();
const cpuMs = (f: () => void): number => {
  gc();
  const t0 = cpuUsage();
  f();
  const d = cpuUsage(t0);
  return (d.user + d.system) / 1000;
};
let read = dump;
const times: number[] = [];
const pieceTimes: number[] = [];
for (let r = 0; r < 7; r++)
  times.push(
    cpuMs(() => {
      const a = new DumpAssembler();
      for (const p of all) {
        const t0 = cpuUsage();
        a.add(p);
        const d = cpuUsage(t0);
        if (r === 0) pieceTimes.push((d.user + d.system) / 1000);
      }
      read = a.finish(head);
    }),
  );
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(
  `snapshot: 19 nodes, ${Object.keys(dump.topology.endpoints).length} endpoints, ${Object.keys(dump.topology.loadBalancers).length} load balancers`,
);
console.log(
  `before (dump/part to the page): ${all.length} pieces, ${round(chars / 1048576, 1)} MiB of JSON, read in ${round(median(times), 1)} ms CPU (median of 7), longest piece ${round(Math.max(...pieceTimes), 1)} ms`,
);
console.log(`after (held): 0 pieces, head ${round(headChars / 1024, 1)} KiB of JSON`);
// Equal as JSON: the page's tables are prototype-free, the parser's plain objects.
console.log(`assembled equal to parsed: ${JSON.stringify(read) === JSON.stringify(dump)}`);

// The matrix worker's topology, made on the page before: the shown cluster, all 20 nodes.
const shown = loadDump(nodeInputs(20) as never, undefined, () => undefined).topology;
const made: number[] = [];
const makeTimes: number[] = [];
let made0 = { pieces: 0, chars: 0 };
for (let r = 0; r < 7; r++)
  made.push(
    cpuMs(() => {
      let pieces = 0;
      let chars = 0;
      const t0 = cpuUsage();
      let last = t0;
      for (const p of topologyPieces(shown).pieces) {
        pieces++;
        chars += p.json.length;
        const d = cpuUsage(last);
        last = cpuUsage();
        if (r === 0) makeTimes.push((d.user + d.system) / 1000);
      }
      made0 = { pieces, chars };
    }),
  );
console.log(
  `matrix preparation, before (pieces made on the page): ${made0.pieces} pieces, ${round(made0.chars / 1048576, 1)} MiB of JSON, made in ${round(median(made), 1)} ms CPU (median of 7), longest piece ${round(Math.max(...makeTimes), 1)} ms; after (init-from): 0`,
);
