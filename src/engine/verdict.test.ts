/**
 * The verdict-only path (`traceVerdict`: nothing recorded, proto/port split of big exact
 * buckets, shared matchers, flow tables) must agree with the full `traceFlow` everywhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScenario, SCENARIO_IDS } from '../scenarios/index';
import { programVfp } from '../model/program-vfp';
import { syntheticDraft } from '../../bench/synthetic';
import type { LoadBalancer, Topology } from '../model/types';
import { compileTopology, compiledPort } from './compile';
import { ruleIdOf } from './compile-vfp';
import { traceFlow, traceVerdict } from './trace';
import type { TraceRequest } from './types';

function agree(t: Topology, r: TraceRequest): void {
  let full: string;
  try {
    full = traceFlow(t, r).verdict;
  } catch (e) {
    expect(() => traceVerdict(t, r)).toThrow((e as Error).message);
    return;
  }
  expect(traceVerdict(t, r), JSON.stringify(r)).toBe(full);
}

/** Every source × destination the reference cluster offers (pods, services, VIPs, nodes, externals). */
function walks(t: Topology): { froms: string[]; tos: string[] } {
  const froms = [
    ...Object.values(t.pods).map((p) => p.name),
    ...Object.values(t.nodes).map((n) => n.name),
    ...Object.values(t.externals).map((e) => e.name),
  ];
  const tos = new Set<string>(['8.8.8.8:53', '10.96.99.99:80']);
  for (const p of Object.values(t.pods)) tos.add(`${p.name}:8080`).add(p.ip);
  for (const s of Object.values(t.services)) {
    tos.add(s.name);
    for (const sp of s.ports) tos.add(`${s.clusterIp}:${sp.port}`);
    for (const ip of s.externalIps) tos.add(`${ip}:80`);
  }
  for (const n of Object.values(t.nodes))
    if (n.managementIp) tos.add(`${n.managementIp}:30080`).add(n.name);
  for (const e of Object.values(t.externals)) tos.add(`${e.ip}:443`).add(e.name);
  for (const lb of Object.values(t.loadBalancers))
    for (const v of lb.frontendVips) tos.add(`${v}:${lb.externalPort}`);
  return { froms, tos: [...tos] };
}

describe('traceVerdict agrees with traceFlow', () => {
  it.each(SCENARIO_IDS)('%s: every walk, both legs, all protocols', (d) => {
    const t = buildScenario(d);
    const { froms, tos } = walks(t);
    for (const from of froms)
      for (const to of tos)
        for (const proto of ['tcp', 'udp', 'icmp'] as const)
          for (const reply of [false, true]) agree(t, { from, to, proto, reply });
  });

  // A synthetic node (shared LB_DSR matchers) plus NodePorts on the node IP, so the big exact
  // bucket of the host port is split by proto/port on the verdict path.
  const draft = syntheticDraft(40, 300);
  const nodePorts: Record<string, LoadBalancer> = {};
  for (let k = 0; k < 40; k++) {
    const base = draft.loadBalancers[`lb${k}`]!;
    nodePorts[`np${k}`] = {
      ...base,
      id: `np${k}`,
      kind: 'nodeport',
      frontendVips: [],
      protocol: k % 3 === 0 ? 17 : 6,
      externalPort: 30000 + k,
      flags: { ...base.flags, dsr: k % 2 === 0 },
    };
  }
  const t = programVfp({ ...draft, loadBalancers: { ...draft.loadBalancers, ...nodePorts } });

  it('synthetic node: random pod × service pairs, ports, seeds and replies', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 39 }),
        fc.integer({ min: 0, max: 339 }),
        fc.constantFrom('tcp', 'udp', 'icmp'),
        fc.integer({ min: 1024, max: 65535 }),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        (pod, k, proto, srcPort, seed, reply) => {
          const to =
            k < 300
              ? `10.96.${k >> 8}.${k & 255}:${k % 5 === 0 ? 81 : 80}`
              : `10.0.0.4:${30000 + k - 300}`;
          agree(t, { from: `p${pod}`, to, proto, srcPort, seed, reply });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('pods that share a rule list share one compiled matcher', () => {
    const c = compileTopology(t);
    const group = (id: string) =>
      compiledPort(c, id)!.layers.find((l) => l.layer.name === 'LB_DSR')!.outGroups[0]!;
    expect(group('port1').m).toBe(group('port2').m);
    const g1 = group('port1');
    expect(g1.rules).toBe(group('port2').rules);
    expect(ruleIdOf(g1, g1.rules[0]!)).toMatch(/^port1\//);
    // The 20 DSR NodePorts share the node IP: that bucket is split by proto/port.
    expect([...group('port1').m.exactByPort.values()][0]!.byKey.size).toBe(20);
    const hit = traceFlow(t, { from: 'p3', to: '10.0.0.4:30002' });
    expect(hit.hops.some((h) => h.rule?.startsWith('LB_DSR_np2_'))).toBe(true);
  });
});
