/**
 * `matrixDestinations` lists the same columns, in the same order, as the straightforward way it
 * was written first (every column drafted with its label, then deduplicated): on the designs,
 * scaled clusters, the synthetic node, synthetic and corpus dumps, and a topology whose services
 * repeat addresses and name one that is not IPv4; so does `destinationsOf` when the first
 * columns are taken, then the rest (as the matrix worker takes them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIpv4 } from '../../shared/ip';
import { DESIGNS, type Topology } from '../../model/types';
import { buildScenario } from '../../scenarios/index';
import { scaledCluster } from '../../scenarios/scaled';
import { parseInputs } from '../../parsers/index';
import { syntheticTopology } from '../../../bench/synthetic';
import { syntheticDump } from '../../../bench/parse-bench';
import { compileTopology, portInRules } from '../compile';
import { PREVIEW_COLUMNS } from './assemble';
import { destinationsOf, firstColumns, INTERNET_IP, matrixDestinations } from './enumerate';
import type { DestinationKind, MatrixDestination, MatrixProto } from './types';

const PROTO_NAME: Readonly<Record<number, MatrixProto>> = { 6: 'tcp', 17: 'udp', 1: 'icmp' };

interface Draft {
  readonly kind: DestinationKind;
  readonly label: string;
  readonly ip: string;
  readonly port: number;
  readonly proto: MatrixProto;
  readonly namespace: string | null;
  readonly node: string | null;
}

/** Every column drafted with its label, then deduplicated (the first kind found names it). */
function reference(t: Topology): MatrixDestination[] {
  const drafts: Draft[] = [];
  const add = (d: Draft) => drafts.push(d);
  const dns = t.cluster?.dnsServer ?? null;
  const nodes = t.nodeIds.flatMap((id) => (t.nodes[id] ? [t.nodes[id]] : []));
  const covered = new Set<string>();
  for (const s of Object.values(t.services)) {
    for (const sp of s.ports) {
      const proto = PROTO_NAME[sp.protocol];
      if (!proto) continue;
      const name = `${s.name}:${sp.name || sp.port}/${proto}`;
      covered.add(`${s.clusterIp}:${sp.port}/${proto}`);
      add({
        kind: s.clusterIp === dns ? 'dns' : 'service',
        label: `${s.namespace}/${name}`,
        ip: s.clusterIp,
        port: sp.port,
        proto,
        namespace: s.namespace,
        node: null,
      });
      if (sp.nodePort !== null)
        for (const n of nodes)
          if (n.managementIp)
            add({
              kind: 'nodeport',
              label: `${s.name} NodePort ${sp.nodePort}/${proto} on ${n.name}`,
              ip: n.managementIp,
              port: sp.nodePort,
              proto,
              namespace: s.namespace,
              node: n.name,
            });
      for (const ip of s.externalIps)
        add({
          kind: 'externalip',
          label: `${s.name} externalIP ${ip}:${sp.port}/${proto}`,
          ip,
          port: sp.port,
          proto,
          namespace: s.namespace,
          node: null,
        });
      for (const podId of s.backendPodIds) {
        const pod = t.pods[podId];
        if (pod)
          add({
            kind: 'pod',
            label: `${pod.namespace ? `${pod.namespace}/` : ''}${pod.name}:${sp.targetPort}/${proto}`,
            ip: pod.ip,
            port: sp.targetPort,
            proto,
            namespace: pod.namespace || null,
            node: t.nodes[pod.nodeId]?.name ?? null,
          });
      }
    }
  }
  // A dump has load balancers but no services: their frontends and backends are the columns.
  for (const lb of Object.values(t.loadBalancers)) {
    const proto = PROTO_NAME[lb.protocol];
    if (!proto) continue;
    const vips =
      lb.kind === 'nodeport' || lb.frontendVips.length === 0
        ? nodes.flatMap((n) => (n.managementIp ? [n.managementIp] : []))
        : lb.frontendVips;
    for (const vip of vips) {
      if (covered.has(`${vip}:${lb.externalPort}/${proto}`)) continue;
      const kind: DestinationKind =
        vip === dns
          ? 'dns'
          : lb.kind === 'nodeport' || lb.frontendVips.length === 0
            ? 'nodeport'
            : lb.kind === 'externalip'
              ? 'externalip'
              : 'service';
      add({
        kind,
        label: `${kind === 'nodeport' ? 'NodePort' : kind === 'externalip' ? 'externalIP' : 'VIP'} ${vip}:${lb.externalPort}/${proto}`,
        ip: vip,
        port: lb.externalPort,
        proto,
        namespace: null,
        node:
          kind === 'nodeport' ? (nodes.find((n) => n.managementIp === vip)?.name ?? null) : null,
      });
    }
    for (const id of lb.backendEndpointIds) {
      const ep = t.endpoints[id];
      if (!ep?.ipAddress) continue;
      const pod = ep.podId ? t.pods[ep.podId] : undefined;
      add({
        kind: 'pod',
        label: `${pod ? pod.name : ep.name || ep.ipAddress}:${lb.internalPort}/${proto}`,
        ip: ep.ipAddress,
        port: lb.internalPort,
        proto,
        namespace: pod?.namespace || null,
        node: t.nodes[ep.nodeId]?.name ?? null,
      });
    }
  }
  // Ports a pod's own inbound rules open (a NetworkPolicy on a pod no service targets).
  const c = compileTopology(t);
  for (const ep of Object.values(t.endpoints)) {
    if (!ep.portId || ep.isRemote || !ep.ipAddress || ep.role !== 'pod') continue;
    const pod = ep.podId ? t.pods[ep.podId] : undefined;
    // Old design: a pod's NAT endpoint is not where its services point.
    if (pod && pod.ip !== ep.ipAddress) continue;
    // The rule lists without their matchers: a big dump's ports need not all compile here.
    for (const rules of portInRules(c, ep.portId))
      for (const r of rules) {
        if (r.type !== 'allow' || rules.length > 64) continue;
        const ports = r.conditions.dstPorts;
        const protos = r.conditions.protocols;
        if (!ports || ports.length !== 1 || ports[0]!.from !== ports[0]!.to) continue;
        for (const pn of protos ?? [6]) {
          const proto = PROTO_NAME[pn];
          if (proto && proto !== 'icmp')
            add({
              kind: 'pod',
              label: `${pod ? `${pod.namespace ? `${pod.namespace}/` : ''}${pod.name}` : ep.name || ep.ipAddress}:${ports[0]!.from}/${proto}`,
              ip: ep.ipAddress,
              port: ports[0]!.from,
              proto,
              namespace: pod?.namespace || null,
              node: t.nodes[ep.nodeId]?.name ?? null,
            });
        }
      }
  }
  const internet = Object.values(t.externals).filter((e) => e.kind === 'internet-server');
  for (const e of internet) {
    for (const l of e.listens) {
      const proto = PROTO_NAME[l.protocol];
      if (proto)
        add({
          kind: 'internet',
          label: `${e.name} ${e.ip}:${l.port}/${proto}`,
          ip: e.ip,
          port: l.port,
          proto,
          namespace: null,
          node: null,
        });
    }
    add({
      kind: 'internet',
      label: `${e.name} ${e.ip} ICMP`,
      ip: e.ip,
      port: 0,
      proto: 'icmp',
      namespace: null,
      node: null,
    });
  }
  if (internet.length === 0) {
    add({
      kind: 'internet',
      label: `internet ${INTERNET_IP}:443/tcp`,
      ip: INTERNET_IP,
      port: 443,
      proto: 'tcp',
      namespace: null,
      node: null,
    });
    add({
      kind: 'internet',
      label: `internet ${INTERNET_IP} ICMP`,
      ip: INTERNET_IP,
      port: 0,
      proto: 'icmp',
      namespace: null,
      node: null,
    });
  }
  const seen = new Set<string>();
  const out: MatrixDestination[] = [];
  for (const d of drafts) {
    const key = `${d.ip}:${d.port}/${d.proto}`;
    if (seen.has(key) || parseIpv4(d.ip) === null) continue;
    seen.add(key);
    out.push({
      ...d,
      id: `${d.kind}:${key}`,
      to: d.proto === 'icmp' ? d.ip : `${d.ip}:${d.port}`,
    });
  }
  return out;
}

/** Services that repeat one another's addresses and ports, one headless, one on a NodePort. */
function repeating(t: Topology): Topology {
  const [a, b] = Object.values(t.services);
  if (!a || !b) throw new Error('two services expected');
  const port = a.ports[0]!;
  return {
    ...t,
    services: {
      ...t.services,
      headless: { ...b, id: 'headless', name: 'headless', clusterIp: 'None' },
      twin: {
        ...b,
        id: 'twin',
        name: 'twin',
        clusterIp: a.clusterIp,
        externalIps: [a.clusterIp, '203.0.113.7', '203.0.113.7'],
        ports: [{ ...port, nodePort: 30_007 }, port, { ...port, protocol: 17 }],
      },
    },
  };
}

describe('matrixDestinations', () => {
  const corpus = new URL('../../parsers/__fixtures__/corpus/', import.meta.url);
  const cases: [string, () => Topology][] = [
    ...DESIGNS.map((d) => [d, () => buildScenario(d)] as [string, () => Topology]),
    ...DESIGNS.map(
      (d) => [`${d}, scaled`, () => buildScenario(d, scaledCluster(3))] as [string, () => Topology],
    ),
    ['new-l2bridge, services repeating', () => repeating(buildScenario('new-l2bridge'))],
    ['synthetic node', () => syntheticTopology(40, 300)],
    [
      'synthetic dump',
      () => parseInputs([{ name: 'lbs.json', text: syntheticDump(0.2, 60, 200) }]).topology,
    ],
    ...readdirSync(corpus).map(
      (f) =>
        [
          f,
          () => parseInputs([{ name: f, text: readFileSync(new URL(f, corpus), 'utf8') }]).topology,
        ] as [string, () => Topology],
    ),
  ];
  for (const [name, make] of cases)
    it(`lists the columns of the first way, in its order: ${name}`, () => {
      const t = make();
      const want = reference(t);
      const got = matrixDestinations(t);
      expect(JSON.stringify(got)).toBe(JSON.stringify(want));
    });

  for (const [name, make] of cases)
    it(`yields the same columns a preview's worth first, then the rest: ${name}`, () => {
      const t = make();
      const columns = destinationsOf(t);
      const first = firstColumns(columns, PREVIEW_COLUMNS);
      expect(first.length).toBeLessThanOrEqual(PREVIEW_COLUMNS);
      const rest = [...columns];
      expect(JSON.stringify([...first, ...rest])).toBe(JSON.stringify(reference(t)));
    });

  it('keeps the first kind found for an address, and skips what is not IPv4', () => {
    const got = matrixDestinations(repeating(buildScenario('new-l2bridge')));
    expect(got.some((d) => d.ip === 'None')).toBe(false);
    const ids = got.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(got.filter((d) => d.ip === '203.0.113.7')).toHaveLength(2); // tcp and udp
  });
});
