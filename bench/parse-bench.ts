/**
 * Parse benchmark: a synthetic 20 MB dump (300 endpoints, 5,000 load balancers) laid out as
 * Windows PowerShell 5.1 `ConvertTo-Json -Depth 10` writes it (see `ps51Json`), imported as
 * bytes with `parseInputs` (decode + parse + model building; VFP derivation is skipped for a
 * node this size, as on every import) and compared with `TextDecoder` + `JSON.parse` of the
 * same bytes. Medians of interleaved runs after warm-up; peak memory from V8's GC profiler.
 * bench/run.ts calls `runParseBench()`.
 */

import { performance } from 'node:perf_hooks';
import { GCProfiler, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseInputs } from '../src/parsers/index';

export interface ParseBenchResult {
  /**
   * parseInputs time over a bare JSON.parse of the same bytes (both decode the UTF-8 bytes
   * first): median wall time of the runs over the median of the baselines; budget < 2.
   */
  readonly parseRatio: number;
  /** The same ratio when both start from an already decoded string (stricter). */
  readonly parseRatioText: number;
  /** The bytes ratio by process CPU time (user + system, medians): less sensitive to load. */
  readonly parseRatioCpu: number;
  /** Dump size in MiB. */
  readonly parseMiB: number;
  /** Peak heap growth while parsing (garbage included), in MiB; budget < 10 × parseMiB. */
  readonly parsePeakMiB: number;
  /** Medians, ms. */
  readonly parseMs: number;
  readonly jsonParseMs: number;
  /** Wall time of the first parse in the process, before any warm-up (cold JIT), ms. */
  readonly parseFirstMs: number;
  readonly parseRuns: number;
  /** Whether parseInputs derived VFP rules for this dump (it does not above 200k rules). */
  readonly parseVfpDerived: boolean;
  /** What the timed parse includes. */
  readonly parseIncludes: string;
  readonly endpoints: number;
  readonly loadBalancers: number;
}

const guid = (kind: number, n: number): string =>
  `${kind.toString(16).padStart(8, '0')}-${(n >>> 16).toString(16).padStart(4, '0')}-4${(n & 0xfff).toString(16).padStart(3, '0')}-8000-${n.toString(16).padStart(12, '0')}`.toUpperCase();

function allocators(n: number): unknown[] {
  return Array.from({ length: n }, (_, k) => ({
    AdditionalParams: {},
    AllocationOrder: k,
    Health: { LastErrorCode: 0, LastUpdateTime: 132749223763450144 },
    ID: guid(0xa110c, k),
    IsPolicy: k > 0,
    State: 3,
    Tag: k === 0 ? 'Host Vnic' : 'VNET Policy',
    Type: k === 0 ? 0 : 3,
  }));
}

/**
 * Windows PowerShell 5.1 `ConvertTo-Json` layout: `"Key":  value` (two spaces after the colon),
 * a nested container's lines indented to line up under its opening bracket (4 deeper), empty
 * arrays and objects printed as the bracket, a blank line and the closing bracket, CRLF line
 * ends, keys in HNS's (ordinal) order. `col` is the column of the opening bracket.
 */
export function ps51Json(v: unknown, col = 0, nl = '\r\n'): string {
  const close = ' '.repeat(col);
  const pad = ' '.repeat(col + 4);
  if (Array.isArray(v)) {
    if (v.length === 0) return `[${nl}${nl}${close}]`;
    return `[${nl}${v.map((x) => pad + ps51Json(x, col + 4, nl)).join(`,${nl}`)}${nl}${close}]`;
  }
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).sort();
    if (keys.length === 0) return `{${nl}${nl}${close}}`;
    const lines = keys.map((k) => {
      const head = `${pad}${JSON.stringify(k)}:  `;
      return head + ps51Json(o[k], head.length, nl);
    });
    return `{${nl}${lines.join(`,${nl}`)}${nl}${close}}`;
  }
  return JSON.stringify(v);
}

/**
 * The dump: `Get-HnsNetwork`, `Get-HnsEndpoint` and `Get-HnsPolicyList` piped together through
 * Windows PowerShell 5.1 `ConvertTo-Json -Depth 10` (one top-level array, layout of
 * `ps51Json`), padded with the allocator trees real dumps carry to about `targetMiB`.
 */
export function syntheticDump(targetMiB = 20, endpoints = 300, lbs = 5000, nl = '\r\n'): string {
  const net = guid(0x1e7, 1);
  const objects: unknown[] = [
    {
      ActivityId: guid(0xac7, 0),
      ID: net,
      Name: 'vxlan0',
      Type: 'Overlay',
      ManagementIP: '10.0.0.4',
      DrMacAddress: '00-15-5D-7B-82-55',
      Subnets: [
        {
          AddressPrefix: '10.244.1.0/24',
          GatewayAddress: '10.244.1.1',
          Policies: [{ Type: 'VSID', VSID: 4096 }],
        },
      ],
      Policies: Array.from({ length: 50 }, (_, k) => ({
        Type: 'RemoteSubnetRoute',
        DestinationPrefix: `10.244.${k + 2}.0/24`,
        ProviderAddress: `10.0.0.${k + 5}`,
        DistributedRouterMacAddress: '66-a5-cc-c1-86-97',
        IsolationId: 4096,
      })),
      Resources: { AllocationOrder: 1, Allocators: allocators(4), ID: guid(0xac7, 0), State: 1 },
    },
  ];
  for (let e = 0; e < endpoints; e++) {
    const ip = `10.244.${1 + (e >> 8)}.${e & 255}`;
    objects.push({
      ActivityId: guid(0xac7, e + 10),
      AdditionalParams: {},
      EncapOverhead: 50,
      ID: guid(0xe9, e),
      Name: `${e.toString(16).padStart(64, 'a')}_vxlan0`,
      IPAddress: ip,
      MacAddress: '0E-2A-0A-F4-01-' + (e & 255).toString(16).padStart(2, '0').toUpperCase(),
      PrefixLength: 24,
      GatewayAddress: '10.244.1.1',
      IsRemoteEndpoint: e >= 200,
      State: e >= 200 ? 1 : 3,
      VirtualNetwork: net,
      VirtualNetworkName: 'vxlan0',
      SharedContainers: e >= 200 ? [] : [e.toString(16).padStart(64, 'c')],
      DNSServerList: '10.96.0.10',
      DNSSuffix: 'default.svc.cluster.local,svc.cluster.local,cluster.local',
      Policies:
        e >= 200
          ? [{ Type: 'PA', PA: `10.0.0.${5 + (e % 50)}` }]
          : [
              {
                Type: 'OutBoundNAT',
                ExceptionList: ['10.244.0.0/16', '10.96.0.0/12', '10.0.0.0/24'],
              },
              { Type: 'ROUTE', DestinationPrefix: '10.96.0.0/12', NeedEncap: true },
              { Type: 'PA', PA: '10.0.0.4' },
              ...Array.from({ length: 4 }, (_, k) => ({
                Type: 'ACL',
                Id: `acl-${k}`,
                Action: 'Allow',
                Direction: k % 2 ? 'Out' : 'In',
                Protocols: '6',
                RemoteAddresses: '10.0.0.0/24',
                LocalPorts: '80',
                Priority: 1000 + k,
                RuleType: 'Switch',
              })),
            ],
      Resources: {
        AllocationOrder: 2,
        Allocators: allocators(6),
        ID: guid(0xac7, e + 10),
        State: 1,
      },
      Version: 38654705664,
    });
  }
  const policyList = (l: number, pad: number): unknown => ({
    ActivityId: guid(0xac7, 100000 + l),
    HostComputeNetwork: net.toLowerCase(),
    ID: guid(0x1b, l),
    IsApplied: true,
    Policies: [
      {
        ExternalPort: 80 + (l % 1000),
        ILB: false,
        InternalPort: 8080,
        IsDSR: l % 7 === 0,
        LocalRoutedVip: false,
        Protocol: l % 2 ? 17 : 6,
        SourceVIP: '10.244.1.2',
        Type: 'ELB',
        VIPs: [`10.96.${(l >> 8) & 255}.${l & 255}`],
      },
    ],
    References: Array.from(
      { length: 3 },
      (_, k) => `/endpoints/${guid(0xe9, (l * 3 + k) % endpoints).toLowerCase()}`,
    ),
    Resources: {
      AllocationOrder: 1,
      Allocators: allocators(pad),
      ID: guid(0xac7, 100000 + l),
      State: 1,
    },
    State: 2,
    Version: 64424509440,
  });
  const pieces = objects.map((o) => '    ' + ps51Json(o, 4, nl));
  let size = pieces.reduce((n, p) => n + p.length + 3, 4);
  // Bytes one more allocator adds to a policy list, to pad evenly up to the target.
  const base = ps51Json(policyList(0, 1), 4, nl).length;
  const perAllocator = ps51Json(policyList(0, 2), 4, nl).length - base;
  const target = targetMiB * 1048576;
  for (let l = 0; l < lbs; l++) {
    const perLb = (target - size) / (lbs - l);
    const pad = Math.max(1, Math.round((perLb - base) / perAllocator) + 1);
    const piece = '    ' + ps51Json(policyList(l, pad), 4, nl);
    size += piece.length + nl.length + 1;
    pieces.push(piece);
  }
  return `[${nl}${pieces.join(`,${nl}`)}${nl}]${nl}`;
}

function gcFn(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Process CPU time in ms (user + system, all threads: includes V8's concurrent GC work). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

interface Timed {
  wall: number;
  cpu: number;
}

function timed(f: () => unknown): Timed {
  const c0 = cpuMs();
  const t0 = performance.now();
  f();
  const wall = performance.now() - t0;
  return { wall, cpu: cpuMs() - c0 };
}

const r2 = (x: number): number => Math.round(x * 100) / 100;
const mib = (x: number): number => Math.round((x / 1048576) * 10) / 10;

/**
 * Peak heap growth while `f` runs: V8's GC profiler records the heap before every collection
 * (the high-water marks, garbage included), plus the heap at the end, minus the heap before
 * (after a full GC), plus any growth of external/ArrayBuffer memory. Garbage not yet collected
 * counts, so this is an upper bound of what the parse needs, not a lower one.
 */
function peakGrowth(f: () => unknown, gc: (() => void) | null): number {
  gc?.();
  const m0 = process.memoryUsage();
  const base = getHeapStatistics().used_heap_size;
  const profiler = new GCProfiler();
  profiler.start();
  const result = f();
  const end = getHeapStatistics().used_heap_size;
  const m1 = process.memoryUsage();
  const stats = profiler.stop()?.statistics ?? [];
  let peak = end;
  for (const s of stats) peak = Math.max(peak, s.beforeGC.heapStatistics.usedHeapSize);
  const external = Math.max(0, m1.external + m1.arrayBuffers - (m0.external + m0.arrayBuffers));
  // `result` (the topology) is still alive at `end`, as it is in the app.
  return result === undefined ? 0 : peak - base + external;
}

/** What the timed parse includes (printed with the figures). */
export const PARSE_BENCH_INCLUDES =
  'parseInputs(bytes): UTF-8 decode, newlines (CRLF JSON read as is), JSON parse, normalise, ' +
  'merge, topology build; ' +
  'VFP derivation not included (skipped with I_VFP_DEFERRED above 200k rules, as every import ' +
  'of a dump this size is); baseline: TextDecoder + JSON.parse of the same bytes; ' +
  'ratios: medians of wall times after warm-up';

const WARMUP = 10;

export async function runParseBench(runs = 9): Promise<ParseBenchResult> {
  const bytes = new TextEncoder().encode(syntheticDump());
  // A flat string, as a paste arrives (the generator's result is a rope of joined pieces).
  const text = new TextDecoder().decode(bytes);
  const gc = gcFn();
  const json: Timed[] = [];
  const parse: Timed[] = [];
  const jsonText: Timed[] = [];
  const parseText: Timed[] = [];
  const bare = (): unknown => JSON.parse(new TextDecoder().decode(bytes));
  const full = () => parseInputs([{ name: 'synthetic.json', bytes }]);
  // The first parse of the process (cold JIT: what a fresh worker's first import costs).
  gc?.();
  const first = timed(full);
  // Warm-up: the parser's JIT needs about ten parses to settle (bare JSON.parse is native), so
  // the timed runs compare steady states.
  for (let i = 0; i < WARMUP; i++) {
    bare();
    full();
  }
  const r = full();
  const endpoints = Object.keys(r.topology.endpoints).length;
  const loadBalancers = Object.keys(r.topology.loadBalancers).length;
  const vfpDerived = !r.diagnostics.some((d) => d.code === 'I_VFP_DEFERRED');
  // Interleaved, each after a full GC, so load on a shared machine hits both sides alike.
  for (let i = 0; i < runs; i++) {
    gc?.();
    json.push(timed(bare));
    gc?.();
    parse.push(timed(full));
    gc?.();
    jsonText.push(timed(() => JSON.parse(text)));
    gc?.();
    parseText.push(timed(() => parseInputs([{ name: 'synthetic.json', text }])));
    await Promise.resolve();
  }
  const peak = peakGrowth(full, gc);
  const wall = (xs: Timed[]): number => median(xs.map((x) => x.wall));
  const cpu = (xs: Timed[]): number => median(xs.map((x) => x.cpu));
  return {
    parseRatio: r2(wall(parse) / wall(json)),
    parseRatioText: r2(wall(parseText) / wall(jsonText)),
    parseRatioCpu: r2(cpu(parse) / cpu(json)),
    parseMiB: mib(bytes.length),
    parsePeakMiB: mib(peak),
    parseMs: Math.round(wall(parse)),
    parseFirstMs: Math.round(first.wall),
    jsonParseMs: Math.round(wall(json)),
    parseRuns: runs,
    parseVfpDerived: vfpDerived,
    parseIncludes: PARSE_BENCH_INCLUDES,
    endpoints,
    loadBalancers,
  };
}
