/**
 * Parse benchmark: a synthetic 20 MB dump (300 endpoints, 5,000 load balancers) in the shape of
 * Windows PowerShell 5.1 `ConvertTo-Json -Depth 10` output, parsed with `parseInputs` (parse +
 * model building + VFP derivation) and compared with a bare `JSON.parse` of the same text.
 * bench/run.ts calls `runParseBench()`.
 */

import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseInputs } from '../src/parsers/index';

export interface ParseBenchResult {
  /**
   * parseInputs time over a bare JSON.parse of the same bytes (both decode the UTF-8 bytes
   * first; best of runs); budget < 2.
   */
  readonly parseRatio: number;
  /** The same ratio when both start from an already decoded string (stricter). */
  readonly parseRatioText: number;
  /** Dump size in MiB. */
  readonly parseMiB: number;
  /** Peak memory growth while parsing, in MiB; budget < 10 × parseMiB. */
  readonly parsePeakMiB: number;
  readonly parseMs: number;
  readonly jsonParseMs: number;
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

/** The dump text, padded with the allocator trees real dumps carry, to about `targetMiB`. */
export function syntheticDump(targetMiB = 20, endpoints = 300, lbs = 5000): string {
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
    });
  }
  const head = JSON.stringify(objects, null, 4);
  const lbObjects: unknown[] = [];
  let size = head.length;
  const target = targetMiB * 1048576;
  for (let l = 0; l < lbs; l++) {
    const vip = `10.96.${(l >> 8) & 255}.${l & 255}`;
    const remaining = target - size;
    const perLb = remaining / (lbs - l);
    const backends = Array.from(
      { length: 3 },
      (_, k) => `/endpoints/${guid(0xe9, (l * 3 + k) % endpoints).toLowerCase()}`,
    );
    const lb = {
      ActivityId: guid(0xac7, 100000 + l),
      ID: guid(0x1b, l),
      IsApplied: true,
      HostComputeNetwork: net.toLowerCase(),
      Policies: [
        {
          Type: 'ELB',
          Protocol: l % 2 ? 17 : 6,
          InternalPort: 8080,
          ExternalPort: 80 + (l % 1000),
          VIPs: [vip],
          SourceVIP: '10.244.1.2',
          ILB: false,
          IsDSR: l % 7 === 0,
          LocalRoutedVip: false,
        },
      ],
      References: backends,
      Resources: {
        AllocationOrder: 1,
        Allocators: allocators(Math.max(1, Math.round((perLb - 1400) / 420))),
        ID: guid(0xac7, 100000 + l),
        State: 1,
      },
      State: 2,
      Version: 64424509440,
    };
    size += JSON.stringify(lb, null, 4).length * 1.25 + 10;
    lbObjects.push(lb);
  }
  // Windows PowerShell 5.1 style: two spaces after the colon.
  return JSON.stringify([...objects, ...lbObjects], null, 4).replace(/": /g, '":  ');
}

function gcFn(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

/** Best of the runs: on a shared machine the minimum is the least noisy estimate of both sides. */
function best(xs: number[]): number {
  return Math.min(...xs);
}

export async function runParseBench(runs = 9): Promise<ParseBenchResult> {
  const text = syntheticDump();
  const bytes = new TextEncoder().encode(text);
  const gc = gcFn();
  const jsonTimes: number[] = [];
  const parseTimes: number[] = [];
  const jsonTextTimes: number[] = [];
  const parseTextTimes: number[] = [];
  let endpoints = 0;
  let loadBalancers = 0;
  let peak = 0;
  // Warm-up: JIT both paths so the runs compare steady states.
  for (let i = 0; i < 3; i++) {
    JSON.parse(new TextDecoder().decode(bytes));
    parseInputs([{ name: 'warmup.json', bytes }]);
  }
  for (let i = 0; i < runs; i++) {
    gc?.();
    let t0 = performance.now();
    JSON.parse(new TextDecoder().decode(bytes));
    jsonTimes.push(performance.now() - t0);
    gc?.();
    const before = process.memoryUsage();
    t0 = performance.now();
    const r = parseInputs([{ name: 'synthetic.json', bytes }]);
    parseTimes.push(performance.now() - t0);
    const after = process.memoryUsage();
    peak = Math.max(peak, after.heapUsed - before.heapUsed, after.rss - before.rss);
    endpoints = Object.keys(r.topology.endpoints).length;
    loadBalancers = Object.keys(r.topology.loadBalancers).length;
    gc?.();
    t0 = performance.now();
    JSON.parse(text);
    jsonTextTimes.push(performance.now() - t0);
    gc?.();
    t0 = performance.now();
    parseInputs([{ name: 'synthetic.json', text }]);
    parseTextTimes.push(performance.now() - t0);
    await Promise.resolve();
  }
  const jsonParseMs = best(jsonTimes);
  const parseMs = best(parseTimes);
  return {
    parseRatio: Math.round((parseMs / jsonParseMs) * 100) / 100,
    parseRatioText: Math.round((best(parseTextTimes) / best(jsonTextTimes)) * 100) / 100,
    parseMiB: Math.round((bytes.length / 1048576) * 10) / 10,
    parsePeakMiB: Math.round((peak / 1048576) * 10) / 10,
    parseMs: Math.round(parseMs),
    jsonParseMs: Math.round(jsonParseMs),
    endpoints,
    loadBalancers,
  };
}
