/**
 * Input shapes that used to be slow or to fail (issue: hostile and huge input), measured in one
 * process so the ratios hold on a busy machine:
 * - `parseMinifiedRatio`: `parseInputs` of a dump minified (`ConvertTo-Json -Compress`: one
 *   line) over the same dump pretty-printed (Windows PowerShell 5.1 layout); medians of
 *   interleaved runs. Linear readers keep it near or below 1 (the minified text is shorter).
 * - `import200kEndpointsMs` / `import200kEndpointsHeapMiB`: 200,000 endpoints after a
 *   PowerShell prompt line, one `-Compress` array, through `parseInputs` (time, and heap held by
 *   the result after a full GC).
 * bench/run.ts calls `runHostileBench()`.
 */
import { ObjectBudget, parseInputs } from '../src/parsers/index';
import { MAX_REQUEST_OBJECTS } from '../src/worker/protocol';
import { gcFn, median, round as r, timeMs as time } from './measure';
import { syntheticDump } from './parse-bench';

export interface HostileBenchResult {
  readonly parseMinifiedRatio: number;
  readonly parsePrettyMs: number;
  readonly parseMinifiedMs: number;
  readonly parseMinifiedMiB: number;
  readonly import200kEndpointsMs: number;
  readonly import200kEndpointsHeapMiB: number;
  readonly import200kEndpointsMiB: number;
  readonly import200kEndpointsParsed: number;
  /** Objects the 200k import counted against the worker's cap, and the cap. */
  readonly import200kEndpointsObjects: number;
  readonly maxRequestObjects: number;
}

const MiB = 1048576;

/** `n` endpoints on one network, minified, after a prompt line (as pasted from a console). */
export function endpointsPaste(n: number): string {
  const net = '1e700000-0000-4000-8000-000000000001';
  const parts: string[] = [
    JSON.stringify({
      ID: net,
      Name: 'cbr0',
      Type: 'L2Bridge',
      Subnets: [{ AddressPrefix: '10.128.0.0/14', GatewayAddress: '10.128.0.1' }],
    }),
  ];
  for (let i = 0; i < n; i++) {
    const hex = i.toString(16).padStart(12, '0');
    parts.push(
      JSON.stringify({
        ID: `e9000000-0000-4000-8000-${hex}`,
        Name: `ep-${i}`,
        VirtualNetwork: net,
        IPAddress: `10.${128 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`,
        PrefixLength: 14,
        MacAddress: `00-15-5D-${hex.slice(6, 8)}-${hex.slice(8, 10)}-${hex.slice(10, 12)}`,
        IsRemoteEndpoint: i % 4 !== 0,
        Policies: i % 4 === 0 ? [{ Type: 'OutBoundNAT', ExceptionList: ['10.128.0.0/14'] }] : [],
      }),
    );
  }
  return `PS C:\\> Get-HnsEndpoint | ConvertTo-Json -Compress\r\n[${parts.join(',')}]\r\n`;
}

export function runHostileBench(): HostileBenchResult {
  const gc = gcFn();
  // Minified vs pretty: the same objects, 8 MiB pretty.
  const pretty = syntheticDump(8, 300, 2000);
  const minified = JSON.stringify(JSON.parse(pretty));
  const parse = (text: string) => parseInputs([{ name: 'b.json', text }]);
  parse(pretty); // warm-up, both paths
  parse(minified);
  const tp: number[] = [];
  const tm: number[] = [];
  for (let i = 0; i < 5; i++) {
    gc();
    tp.push(time(() => parse(pretty)));
    gc();
    tm.push(time(() => parse(minified)));
  }
  const parsePrettyMs = median(tp);
  const parseMinifiedMs = median(tm);

  // 200k endpoints after a prompt line.
  const paste = endpointsPaste(200_000);
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  let parsed: ReturnType<typeof parse> | null = null;
  // Read as the worker reads it: under its object cap (it would throw past it).
  const budget = new ObjectBudget(MAX_REQUEST_OBJECTS);
  const importMs = time(() => {
    parsed = parseInputs([{ name: 'b.json', text: paste }], { objectBudget: budget });
  });
  gc();
  const heap = process.memoryUsage().heapUsed - heap0;
  const endpoints = parsed
    ? Object.keys((parsed as ReturnType<typeof parse>).topology.endpoints).length
    : 0;
  return {
    parseMinifiedRatio: r(parseMinifiedMs / parsePrettyMs, 2),
    parsePrettyMs: r(parsePrettyMs),
    parseMinifiedMs: r(parseMinifiedMs),
    parseMinifiedMiB: r(minified.length / MiB, 1),
    import200kEndpointsMs: r(importMs),
    import200kEndpointsHeapMiB: r(heap / MiB),
    import200kEndpointsMiB: r(paste.length / MiB, 1),
    import200kEndpointsParsed: endpoints,
    import200kEndpointsObjects: budget.count,
    maxRequestObjects: MAX_REQUEST_OBJECTS,
  };
}

// `node --import tsx bench/hostile-bench.ts` runs it alone.
if (process.argv[1]?.endsWith('hostile-bench.ts')) console.log(JSON.stringify(runHostileBench()));
