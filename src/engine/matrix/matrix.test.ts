import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../scenarios/index';
import { REFERENCE_CLUSTER } from '../../scenarios/reference';
import { scaledCluster } from '../../scenarios/scaled';
import type { ClusterSpec } from '../../scenarios/spec';
import { DESIGNS, PROTO, type Design, type Topology } from '../../model/types';
import { syntheticTopology } from '../../../bench/synthetic';
import { syntheticDump } from '../../../bench/parse-bench';
import { traceFlow } from '../trace';
import { parseInputs } from '../../parsers/index';
import {
  bruteForceMatrix,
  cellAt,
  CellTable,
  computeClass,
  computeMatrix,
  planMatrix,
  type Matrix,
} from './index';
import { differences } from './matrix-diff.test-helper';

function cell(m: Matrix, from: string, to: string) {
  const s = m.sources.findIndex((x) => x.from === from || x.label === from);
  const d = m.destinations.findIndex((x) => x.to === to || x.label === to);
  expect(s, from).toBeGreaterThanOrEqual(0);
  expect(d, to).toBeGreaterThanOrEqual(0);
  return cellAt(m, s, d)!;
}

describe('reachability matrix', () => {
  for (const design of DESIGNS) {
    it(`equals brute force on the reference cluster (${design})`, () => {
      const t = buildScenario(design);
      expect(differences(computeMatrix(t), bruteForceMatrix(t))).toEqual([]);
    });
    it(`equals brute force on the scaled cluster, where classes collapse (${design})`, () => {
      const t = buildScenario(design, scaledCluster(4));
      const m = computeMatrix(t);
      expect(m.stats.sourceClasses).toBeLessThan(m.sources.length);
      expect(m.stats.traces).toBeLessThan(m.stats.cells);
      expect(differences(m, bruteForceMatrix(t))).toEqual([]);
    });
  }

  it('shows the done-when drops: b2 policy, ICMP to the internet, NodePort from its own node', () => {
    for (const design of ['new-l2bridge', 'new-overlay'] as const) {
      const m = computeMatrix(buildScenario(design));
      // b2's NetworkPolicy: of the pods only a2 reaches it (its node's host always may).
      const b2 = m.destinations.find((d) => d.label === 'default/b2:8080/tcp')!;
      const reach = m.sources.filter(
        (s, i) =>
          s.kind === 'pod' && cellAt(m, i, m.destinations.indexOf(b2))!.verdict === 'delivered',
      );
      expect(reach.map((s) => s.label)).toEqual(['default/a2']);
      const blocked = cell(m, 'a1', '10.244.2.11:8080');
      expect(blocked.verdict).toBe('dropped');
      expect(blocked.layer).toBe('ACL_ENDPOINT_LAYER');
      expect(blocked.priority).not.toBeNull();
      // ICMP to the internet is dropped for pods (OutBoundNAT does not transpose ICMP).
      for (const pod of ['a1', 'b1'])
        expect(cell(m, pod, '203.0.113.10').verdict, pod).toBe('dropped');
      // NodePort from its own node is refused; from the other node it works.
      expect(cell(m, 'win-a', 'web NodePort 30080/tcp on win-a').verdict).toBe('dropped');
      expect(cell(m, 'win-b', 'web NodePort 30080/tcp on win-a').verdict).toBe('delivered');
    }
  });

  it('matches each cell to its own trace', () => {
    const t = buildScenario('new-l2bridge');
    const m = computeMatrix(t);
    m.sources.forEach((s, i) =>
      m.destinations.forEach((d, j) => {
        const tr = traceFlow(t, { from: s.from, to: d.to, proto: d.proto, reply: true });
        const c = cellAt(m, i, j)!;
        expect(c.verdict === 'dropped', `${s.label} -> ${d.label}`).toBe(tr.verdict === 'dropped');
        expect(c.reason).toBe(tr.reason);
      }),
    );
  });

  it('the comparison can fail: forcing every pod into one class breaks b2 and hairpins', () => {
    const t = buildScenario('new-l2bridge');
    const plan = planMatrix(t);
    const pods = plan.sources.flatMap((s, i) => (s.kind === 'pod' ? [i] : []));
    const forced = { ...plan, classes: [pods], programs: plan.programs.map(() => 0) };
    const table = new CellTable();
    const rows = computeClass(t, forced, 0, table)!.rows;
    const brute = bruteForceMatrix(t);
    let diff = 0;
    for (const [s, row] of rows)
      row.forEach((ci, d) => {
        if (JSON.stringify(table.cells[ci]) !== JSON.stringify(cellAt(brute, s, d))) diff++;
      });
    expect(diff).toBeGreaterThan(0);
  });

  it('equals brute force on single-node dumps (and marks what left the dump as assumed)', () => {
    const dir = new URL('../../parsers/__fixtures__/corpus/', import.meta.url);
    const dumps = [
      ...readdirSync(dir).map((f) => ({ name: f, text: readFileSync(new URL(f, dir), 'utf8') })),
      {
        name: 'l2bridge-single-node.txt',
        text: readFileSync(
          new URL('../__fixtures__/l2bridge-single-node.txt', import.meta.url),
          'utf8',
        ),
      },
    ];
    let assumed = 0;
    for (const d of dumps) {
      const t = parseInputs([d]).topology;
      const m = computeMatrix(t);
      expect(differences(m, bruteForceMatrix(t)), d.name).toEqual([]);
      for (const row of m.rows)
        row?.forEach((ci) => (assumed += m.cells[ci]!.verdict === 'assumed' ? 1 : 0));
    }
    expect(assumed).toBeGreaterThan(0);
  });

  it('collapses the synthetic node to one pod class and equals brute force', () => {
    const t = syntheticTopology(12, 40);
    const m = computeMatrix(t);
    expect(m.stats.sourceClasses).toBe(2); // the pods, and the host
    expect(differences(m, bruteForceMatrix(t))).toEqual([]);
  });

  it('reads rules from their fields as their texts would be read, and equals brute force', () => {
    // The scan finds a source's tokens in conditions without writing them as JSON: pods named
    // like a piece of that JSON (a protocol, a port, a key) are still found where it holds
    // them, so each is a class of its own, as when the JSON was split.
    const t = syntheticTopology(12, 40);
    const names: Record<string, string> = { p3: '6', p4: 'srcPorts', p5: '8080', p6: 'from' };
    for (const [p, name] of Object.entries(names)) t.pods[p] = { ...t.pods[p]!, name };
    const classOf = (plan: ReturnType<typeof planMatrix>, name: string) =>
      plan.classes.find((c) => c.some((s) => plan.sources[s]!.label === `default/${name}`))!;
    const plan = planMatrix(t);
    for (const name of Object.values(names)) expect(classOf(plan, name), name).toHaveLength(1);
    expect(classOf(plan, 'p0')).toHaveLength(8);
    expect(differences(computeMatrix(t), bruteForceMatrix(t))).toEqual([]);
    // Rules whose conditions hold a key the scan does not know are read as text: ports 7 and
    // 8, alike up to their owners, are one class, apart from the others'.
    const u = syntheticTopology(12, 40);
    for (const [id, r] of Object.entries(u.rules))
      if (r.portId === 'port7' || r.portId === 'port8')
        u.rules[id] = { ...r, conditions: { ...r.conditions, note: 'x' } as typeof r.conditions };
    const other = planMatrix(u);
    expect(classOf(other, 'p7')).toEqual(classOf(other, 'p8'));
    expect(classOf(other, 'p7')).toHaveLength(2);
    expect(classOf(other, 'p0')).toHaveLength(10);
    expect(differences(computeMatrix(u), bruteForceMatrix(u))).toEqual([]);
  });

  it('collapses a dump whose pods back different load balancers (SNAT to a SourceVIP)', () => {
    // 24 local pods, 40 load balancers (most non-DSR, SNAT to the SourceVIP 10.244.1.2), each
    // with three backends: every pod's port holds the NAT_/ALLOW_NAT_ rules of its own load
    // balancers. The SNAT never writes a pod's own address, so those rules stay out of the
    // key: one class for the ordinary pods, apart stay the subnet's first address, the
    // gateway, the SourceVIP pod (whose SNAT does write its own address), and the host.
    const t = parseInputs([{ name: 'lbs.json', text: syntheticDump(0.05, 24, 40) }]).topology;
    const m = computeMatrix(t);
    expect(m.stats.sourceClasses).toBe(5);
    const plan = planMatrix(t);
    const big = plan.classes.find((c) => c.length > 1)!;
    expect(big.map((s) => plan.sources[s]!.ip)).toEqual(
      Array.from({ length: 21 }, (_, i) => `10.244.1.${i + 3}`),
    );
    expect(differences(m, bruteForceMatrix(t))).toEqual([]);
  });

  it('equals brute force on random clusters (pods, services, policies, designs)', () => {
    const podName = (n: number, i: number) => `r${n}-${i}`;
    const arb = fc.record({
      design: fc.constantFrom<Design>(...DESIGNS),
      pods: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
      services: fc.array(
        fc.record({
          port: fc.constantFrom(80, 443, 8080),
          target: fc.constantFrom(8080, 9000),
          udp: fc.boolean(),
          nodePort: fc.boolean(),
          backends: fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.nat(3)), {
            minLength: 0,
            maxLength: 3,
          }),
          affinity: fc.boolean(),
        }),
        { maxLength: 3 },
      ),
      policies: fc.array(
        fc.record({
          node: fc.integer({ min: 0, max: 1 }),
          pod: fc.nat(3),
          from: fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.nat(3)), { maxLength: 2 }),
          port: fc.constantFrom(8080, 9000),
        }),
        { maxLength: 2 },
      ),
      seed: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(arb, (r) => {
        const nodes = REFERENCE_CLUSTER.nodes.map((node, k) => ({
          ...node,
          pods: [
            ...node.pods,
            ...Array.from({ length: r.pods[k]! }, (_, i) => ({
              name: podName(k, i),
              ip: `10.244.${k + 1}.${60 + i}`,
              natIp: `172.20.${k + 1}.${60 + i}`,
              labels: { app: 'random' },
            })),
          ],
        }));
        const existing = (k: number, i: number) =>
          r.pods[k]! > 0 ? podName(k, i % r.pods[k]!) : nodes[k]!.pods[i % 2]!.name;
        const spec: ClusterSpec = {
          ...REFERENCE_CLUSTER,
          nodes,
          services: [
            ...REFERENCE_CLUSTER.services,
            ...r.services.map((s, i) => ({
              name: `svc${i}`,
              namespace: 'default',
              clusterIp: `10.96.20.${i + 1}`,
              ports: [
                {
                  name: 'p',
                  port: s.port,
                  targetPort: s.target,
                  protocol: s.udp ? PROTO.udp : PROTO.tcp,
                  ...(s.nodePort ? { nodePort: 31000 + i } : {}),
                },
              ],
              backends: [...new Set(s.backends.map(([k, j]) => existing(k, j)))],
            })),
          ],
          networkPolicies: [
            ...REFERENCE_CLUSTER.networkPolicies,
            ...r.policies.map((p, i) => ({
              name: `rp${i}`,
              pod: existing(p.node, p.pod),
              ingress: [
                {
                  fromPods: [...new Set(p.from.map(([k, j]) => existing(k, j)))],
                  port: p.port,
                  protocol: PROTO.tcp,
                },
              ],
            })),
          ],
        };
        let t: Topology;
        try {
          t = buildScenario(r.design, spec);
        } catch {
          return; // a spec the builder rejects (e.g. two policies on one pod) is no topology
        }
        const diff = differences(computeMatrix(t, r.seed), bruteForceMatrix(t, r.seed));
        expect(diff).toEqual([]);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
