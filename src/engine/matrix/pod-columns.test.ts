/**
 * Pod columns as destination classes (`pod-columns.ts`): a source's cell at one pod's column
 * written from its cell at another pod's column of the same class, equal to tracing each.
 */
import { describe, expect, it } from 'vitest';
import { syntheticDraft, syntheticTopology } from '../../../bench/synthetic';
import { programVfp } from '../../model/program-vfp';
import { buildScenario } from '../../scenarios/index';
import { REFERENCE_CLUSTER } from '../../scenarios/reference';
import type { ClusterSpec } from '../../scenarios/spec';
import { DESIGNS, PROTO } from '../../model/types';
import { parseIpv4 } from '../../shared/ip';
import type { EndpointPolicy, Topology } from '../../model/types';
import {
  bruteForceMatrix,
  cellAt,
  CellTable,
  computeClass,
  computeMatrix,
  planMatrix,
  type MatrixPlan,
} from './index';
import { differences } from './matrix-diff.test-helper';
import { podColumns } from './pod-columns';

const keysOf = (plan: MatrixPlan) =>
  podColumns(
    plan,
    Int32Array.from(plan.destinations, (x) => parseIpv4(x.ip) ?? -1),
  );

/** Cells of the first `classes` source classes of `plan` that differ from brute force. */
function wrongCells(t: Topology, plan: MatrixPlan, classes: number): number {
  const brute = bruteForceMatrix(t);
  const table = new CellTable();
  const rows: (Uint32Array | null)[] = plan.sources.map(() => null);
  for (let k = 0; k < classes; k++)
    for (const [s, row] of computeClass(t, plan, k, table)!.rows) rows[s] = row;
  const m = { ...brute, cells: table.cells, templated: table.templated, tokens: plan.tokens, rows };
  let wrong = 0;
  rows.forEach((row, s) =>
    row?.forEach((_, d) => {
      if (JSON.stringify(cellAt(m, s, d)) !== JSON.stringify(cellAt(brute, s, d))) wrong++;
    }),
  );
  return wrong;
}

describe('pod columns as destination classes', () => {
  it('costs a few traces for all the pod columns of a class, and equals brute force', () => {
    const t = syntheticTopology(12, 40);
    const plan = planMatrix(t);
    const { key } = keysOf(plan);
    const pods = plan.destinations.flatMap((d, i) => (d.kind === 'pod' ? [i] : []));
    expect(pods.length).toBe(12);
    // The pods' columns are one class.
    expect(new Set(pods.map((d) => key[d])).size).toBe(1);
    expect(key[pods[0]!]).toBeGreaterThanOrEqual(0);
    const table = new CellTable();
    let traces = 0;
    for (let k = 0; k < plan.classes.length; k++)
      for (const d of pods) traces += computeClass(t, plan, k, table, undefined, d, d + 1)!.traces;
    // The pod class: its representative and the first column's pod, and the pods traced to
    // themselves once; the host: its first column. Not one per column and class.
    expect(traces).toBe(4);
    const m = computeMatrix(t);
    expect(differences(m, bruteForceMatrix(t))).toEqual([]);
    // The host's cells name each column's own pod.
    const host = m.sources.findIndex((s) => s.kind === 'host');
    const texts = new Set(pods.map((d) => JSON.stringify(cellAt(m, host, d))));
    expect(texts.size).toBe(12);
  });

  it("writes a backend pod's cells from another backend pod's, so traces do not grow with pods", () => {
    // Service columns: a cell reaching backend b is the one reaching b0 with b0's tokens as b's
    // (dest-expand.ts `missing`); pod columns as above. Before: 47 and 102 traces.
    const traces = [
      [12, 40],
      [30, 120],
    ].map(([pods, lbs]) => {
      const t = syntheticTopology(pods!, lbs!);
      const m = computeMatrix(t);
      expect(differences(m, bruteForceMatrix(t)), `${pods} pods`).toEqual([]);
      return m.stats.traces;
    });
    expect(traces[0]).toBeLessThanOrEqual(20);
    expect(traces[1]).toBeLessThanOrEqual(20);
  });

  it('equals brute force with plain pods beside the reference pods, one under a policy', () => {
    const nodes = REFERENCE_CLUSTER.nodes.map((node, k) => ({
      ...node,
      pods: [
        ...node.pods,
        ...[0, 1, 2].map((i) => ({
          name: `plain${k}-${i}`,
          ip: `10.244.${k + 1}.${70 + i}`,
          natIp: `172.20.${k + 1}.${70 + i}`,
          labels: { app: 'plain' },
        })),
      ],
    }));
    const spec: ClusterSpec = {
      ...REFERENCE_CLUSTER,
      nodes,
      services: [
        ...REFERENCE_CLUSTER.services,
        {
          name: 'plain',
          namespace: 'default',
          clusterIp: '10.96.30.1',
          ports: [{ name: 'p', port: 80, targetPort: 9000, protocol: PROTO.tcp }],
          backends: nodes.flatMap((_, k) => [0, 1, 2].map((i) => `plain${k}-${i}`)),
        },
      ],
      networkPolicies: [
        ...REFERENCE_CLUSTER.networkPolicies,
        {
          name: 'plain-only',
          pod: 'plain0-2',
          ingress: [{ fromPods: ['plain1-0'], port: 8080, protocol: PROTO.tcp }],
        },
      ],
    };
    const shared: string[] = [];
    for (const design of DESIGNS) {
      const t = buildScenario(design, spec);
      const plan = planMatrix(t);
      const { key } = keysOf(plan);
      const counts = new Map<number, number>();
      key.forEach((q) => q >= 0 && counts.set(q, (counts.get(q) ?? 0) + 1));
      if (Math.max(0, ...counts.values()) > 1) shared.push(design);
      expect(differences(computeMatrix(t), bruteForceMatrix(t)), design).toEqual([]);
    }
    expect(shared.length).toBeGreaterThan(0);
  });

  it('keeps placeholders whole where a pod is named like a role (endpoint ep0, role ep0.friendly)', () => {
    // p1 may send only to the VIP: its requests to the pods' columns are blocked on its own port,
    // a cell templated as `⟨ep0.friendly⟩`; p0 and p2 (endpoints ep0 and ep2) back the VIP.
    const draft = syntheticDraft(4, 0);
    const lb = {
      id: 'lb0',
      nodeId: 'n',
      networkId: 'net',
      kind: 'clusterip' as const,
      frontendVips: ['10.96.1.1'],
      protocol: 6,
      internalPort: 8080,
      externalPort: 80,
      backendEndpointIds: ['ep0', 'ep2'],
      sourceVip: null,
      flags: {
        dsr: true,
        ilb: false,
        localRoutedVip: false,
        ipv6: false,
        preserveDip: false,
        useMux: false,
      },
      distribution: 'none' as const,
      serviceId: null,
      provenance: draft.endpoints.ep0!.provenance,
    };
    const acl: EndpointPolicy = {
      type: 'ACL',
      hnsType: 'ACL',
      id: 'acl0',
      action: 'allow',
      direction: 'out',
      priority: 100,
      protocols: [],
      localAddresses: [],
      remoteAddresses: ['10.96.1.1'],
      localPorts: [],
      remotePorts: [],
      ruleType: 'switch',
    };
    const ep1 = draft.endpoints.ep1!;
    const t = programVfp({
      ...draft,
      endpoints: { ...draft.endpoints, ep1: { ...ep1, policies: [...ep1.policies, acl] } },
      // A second VIP, without backends: destination classes (and `selfClean`) need two.
      loadBalancers: {
        lb0: lb,
        lb1: { ...lb, id: 'lb1', frontendVips: ['10.96.1.2'], backendEndpointIds: [] },
      },
    });
    const plan = planMatrix(t);
    const { key } = keysOf(plan);
    const cols = ['ep0', 'ep2'].map((e) =>
      plan.destinations.findIndex(
        (d) => d.kind === 'pod' && d.ip === draft.endpoints[e]!.ipAddress,
      ),
    );
    expect(key[cols[0]!]).toBeGreaterThanOrEqual(0);
    expect(key[cols[1]!]).toBe(key[cols[0]!]);
    const m = computeMatrix(t);
    const p1 = m.sources.findIndex((x) => x.ip === ep1.ipAddress);
    expect(m.templated[m.rows[p1]![cols[1]!]!]).toBe(true);
    expect(differences(m, bruteForceMatrix(t))).toEqual([]);
  });

  it('the comparison can fail: pods of a node forced into one pod-column class break b2', () => {
    // Without the remote endpoints: a pod's stand-in on the other node is its own (its tokens),
    // so b1's, which b2 lacks, would keep the two from ever lining up.
    const ref = buildScenario('new-l2bridge');
    const t: Topology = {
      ...ref,
      endpoints: Object.fromEntries(Object.entries(ref.endpoints).filter(([, e]) => !e.isRemote)),
    };
    const plan = planMatrix(t);
    // b2's NetworkPolicy puts it in a class of its own, so its columns are apart.
    const b2 = plan.sources.findIndex((s) => s.label === 'default/b2');
    const b1 = plan.sources.findIndex((s) => s.label === 'default/b1');
    expect(plan.classes.some((c) => c.includes(b1) && c.includes(b2))).toBe(false);
    expect(wrongCells(t, plan, plan.classes.length)).toBe(0);
    // Later classes override earlier ones in the pod-column key: the source classes stay.
    const byNode = new Map<string, number[]>();
    plan.sources.forEach((s, i) => {
      if (s.kind !== 'pod') return;
      const l = byNode.get(s.node!) ?? [];
      byNode.set(s.node!, [...l, i]);
    });
    // Every pod taken as clean (b1 is not: it serves a load balancer) changes nothing here …
    const clean: MatrixPlan = {
      ...plan,
      dests: { ...plan.dests, selfClean: plan.dests.selfClean.map(() => true) },
    };
    expect(wrongCells(t, clean, plan.classes.length)).toBe(0);
    // … but with each node's pods in one pod-column class, b2's column is written from b1's.
    const forced: MatrixPlan = { ...clean, classes: [...plan.classes, ...byNode.values()] };
    expect(wrongCells(t, forced, plan.classes.length)).toBeGreaterThan(0);
  });
});
