/**
 * `compileTopology`: build, once per topology, the indexes the engine traces against —
 * addresses as numbers, rules bucketed by exact destination (hash map) or by prefix length
 * (LPM), endpoints/nodes/externals by IP. Cached per topology object (WeakMap).
 */
import { parseCidr, parseIpv4, type Cidr } from '../shared/ip';
import type {
  Endpoint,
  External,
  LoadBalancer,
  Node,
  Pod,
  Port,
  PortRange,
  Service,
  Topology,
  VfpGroup,
  VfpLayer,
  VfpRule,
} from '../model/types';

export interface CRule {
  readonly rule: VfpRule;
  readonly src: readonly Cidr[] | null;
  readonly dst: readonly Cidr[] | null;
  readonly sports: readonly PortRange[] | null;
  readonly dports: readonly PortRange[] | null;
  readonly protos: readonly number[] | null;
  /** Longest destination prefix (LPM ordering). */
  readonly dstBits: number;
}

export interface CGroup {
  readonly group: VfpGroup;
  readonly lpm: boolean;
  /** Priority groups: rules whose destinations are all /32, by destination. */
  readonly exact: Map<number, CRule[]>;
  /** Everything else, by priority. */
  readonly wild: readonly CRule[];
  /** LPM groups: prefix length → network → rules (by priority). */
  readonly lpmBuckets: ReadonlyArray<readonly [number, Map<number, CRule[]>]>;
  readonly size: number;
}

export interface CLayer {
  readonly layer: VfpLayer;
  readonly inGroups: readonly CGroup[];
  readonly outGroups: readonly CGroup[];
}

export interface CPort {
  readonly port: Port;
  readonly layers: readonly CLayer[];
}

export interface CNode {
  readonly node: Node;
  readonly ip: number | null;
  /** Host addresses (all interface IPs) → interface name. */
  readonly hostIps: Map<number, string>;
  readonly routes: ReadonlyArray<{
    readonly cidr: Cidr;
    readonly nextHop: number | null;
    readonly iface: string;
    readonly prefix: string;
  }>;
  /** Local endpoints with an address, by IP. */
  readonly endpointsByIp: Map<number, Endpoint>;
  readonly externalPortByVswitch: Map<string, string>;
  readonly mgmtPortId: string | null;
  /** VIPs handled on the host port (NodePort slots, externalIPs). */
  readonly hostVips: Set<number>;
  readonly lbs: readonly LoadBalancer[];
}

export interface CompiledTopology {
  readonly t: Topology;
  readonly ports: Map<string, CPort>;
  readonly nodes: Map<string, CNode>;
  readonly nodeByIp: Map<number, CNode>;
  readonly nodeByName: Map<string, CNode>;
  readonly podByName: Map<string, Pod>;
  readonly podByIp: Map<number, Pod>;
  readonly externalByIp: Map<number, External>;
  readonly externalByName: Map<string, External>;
  readonly serviceByName: Map<string, Service>;
  readonly serviceByVip: Map<number, Service>;
  /** Underlay routes, longest prefix first. */
  readonly underlay: ReadonlyArray<{
    readonly cidr: Cidr;
    readonly via: number | null;
    readonly prefix: string;
  }>;
}

const cache = new WeakMap<Topology, CompiledTopology>();

function cidrs(xs: readonly string[] | null): Cidr[] | null {
  if (xs === null) return null;
  const out: Cidr[] = [];
  for (const x of xs) {
    const c = parseCidr(x);
    if (c) out.push(c);
  }
  return out;
}

function compileRule(rule: VfpRule): CRule {
  const dst = cidrs(rule.conditions.dstPrefixes);
  return {
    rule,
    src: cidrs(rule.conditions.srcPrefixes),
    dst,
    sports: rule.conditions.srcPorts,
    dports: rule.conditions.dstPorts,
    protos: rule.conditions.protocols,
    dstBits: dst && dst.length > 0 ? Math.max(...dst.map((c) => c.bits)) : 0,
  };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function compileGroup(t: Topology, group: VfpGroup): CGroup {
  const rules = group.ruleIds.flatMap((id) => (t.rules[id] ? [compileRule(t.rules[id])] : []));
  rules.sort((a, b) => a.rule.priority - b.rule.priority);
  const exact = new Map<number, CRule[]>();
  const wild: CRule[] = [];
  const byBits = new Map<number, Map<number, CRule[]>>();
  const lpm = group.matchType === 'lpm';
  for (const r of rules) {
    if (lpm) {
      for (const c of r.dst ?? [{ base: 0, bits: 0, mask: 0 }]) {
        const m = byBits.get(c.bits) ?? new Map<number, CRule[]>();
        byBits.set(c.bits, m);
        push(m, c.base, r);
      }
    } else if (r.dst && r.dst.length > 0 && r.dst.every((c) => c.bits === 32)) {
      for (const c of r.dst) push(exact, c.base, r);
    } else wild.push(r);
  }
  const lpmBuckets = [...byBits.entries()].sort((a, b) => b[0] - a[0]);
  return { group, lpm, exact, wild, lpmBuckets, size: rules.length };
}

function compilePort(t: Topology, port: Port): CPort {
  const layers: CLayer[] = [];
  for (const lid of port.layerIds) {
    const layer = t.layers[lid];
    if (!layer) continue;
    const groups = layer.groupIds.flatMap((gid) =>
      t.groups[gid] && t.groups[gid].family === 'ipv4' ? [compileGroup(t, t.groups[gid])] : [],
    );
    groups.sort((a, b) => a.group.priority - b.group.priority);
    layers.push({
      layer,
      inGroups: groups.filter((g) => g.group.direction === 'in'),
      outGroups: groups.filter((g) => g.group.direction === 'out'),
    });
  }
  return { port, layers };
}

function compileNode(t: Topology, node: Node): CNode {
  const hostIps = new Map<number, string>();
  for (const i of node.hostStack.interfaces)
    for (const ip of i.ips) {
      const n = parseIpv4(ip);
      if (n !== null) hostIps.set(n, i.name);
    }
  const routes = node.hostStack.routes.flatMap((r) => {
    const cidr = parseCidr(r.prefix);
    return cidr
      ? [
          {
            cidr,
            nextHop: r.nextHop ? parseIpv4(r.nextHop) : null,
            iface: r.interface,
            prefix: r.prefix,
          },
        ]
      : [];
  });
  routes.sort((a, b) => b.cidr.bits - a.cidr.bits);
  const endpointsByIp = new Map<number, Endpoint>();
  for (const ep of Object.values(t.endpoints)) {
    if (ep.nodeId !== node.id || ep.isRemote || !ep.ipAddress) continue;
    const n = parseIpv4(ep.ipAddress);
    if (n !== null && !endpointsByIp.has(n)) endpointsByIp.set(n, ep);
  }
  const externalPortByVswitch = new Map<string, string>();
  for (const p of Object.values(t.ports))
    if (p.nodeId === node.id && p.kind === 'external') externalPortByVswitch.set(p.vswitchId, p.id);
  const mgmt = node.hostStack.interfaces.find((i) => i.kind === 'management-vnic');
  const mgmtPortId =
    mgmt?.portId ??
    Object.values(t.ports).find(
      (p) => p.nodeId === node.id && p.kind === 'host-vnic' && p.endpointId === null,
    )?.id ??
    null;
  const lbs = Object.values(t.loadBalancers).filter((lb) => lb.nodeId === node.id);
  const hostVips = new Set<number>();
  for (const lb of lbs) {
    if (lb.kind === 'externalip' || lb.flags.localRoutedVip)
      for (const v of lb.frontendVips) {
        const n = parseIpv4(v);
        if (n !== null) hostVips.add(n);
      }
  }
  return {
    node,
    ip: node.managementIp ? parseIpv4(node.managementIp) : null,
    hostIps,
    routes,
    endpointsByIp,
    externalPortByVswitch,
    mgmtPortId,
    hostVips,
    lbs,
  };
}

/** Compile (or fetch from cache) the indexes for `t`. */
export function compileTopology(t: Topology): CompiledTopology {
  const hit = cache.get(t);
  if (hit) return hit;
  const ports = new Map<string, CPort>();
  for (const p of Object.values(t.ports)) ports.set(p.id, compilePort(t, p));
  const nodes = new Map<string, CNode>();
  const nodeByIp = new Map<number, CNode>();
  const nodeByName = new Map<string, CNode>();
  for (const id of t.nodeIds.length > 0 ? t.nodeIds : Object.keys(t.nodes)) {
    const node = t.nodes[id];
    if (!node) continue;
    const cn = compileNode(t, node);
    nodes.set(id, cn);
    nodeByName.set(node.name, cn);
    if (cn.ip !== null) nodeByIp.set(cn.ip, cn);
  }
  const byIp = <T>(xs: readonly T[], ip: (x: T) => string): Map<number, T> => {
    const m = new Map<number, T>();
    for (const x of xs) {
      const n = parseIpv4(ip(x));
      if (n !== null && !m.has(n)) m.set(n, x);
    }
    return m;
  };
  const pods = Object.values(t.pods);
  const externals = Object.values(t.externals);
  const services = Object.values(t.services);
  const underlay = (t.underlay?.routes ?? []).flatMap((r) => {
    const cidr = parseCidr(r.prefix);
    return cidr ? [{ cidr, via: parseIpv4(r.via), prefix: r.prefix }] : [];
  });
  underlay.sort((a, b) => b.cidr.bits - a.cidr.bits);
  const compiled: CompiledTopology = {
    t,
    ports,
    nodes,
    nodeByIp,
    nodeByName,
    podByName: new Map(pods.map((p) => [p.name, p])),
    podByIp: byIp(pods, (p) => p.ip),
    externalByIp: byIp(externals, (e) => e.ip),
    externalByName: new Map(externals.map((e) => [e.name, e])),
    serviceByName: new Map(services.map((s) => [s.name, s])),
    serviceByVip: byIp(services, (s) => s.clusterIp),
    underlay,
  };
  cache.set(t, compiled);
  return compiled;
}
