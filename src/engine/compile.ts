/**
 * `compileTopology`: build, once per topology, the indexes the engine traces against —
 * addresses as numbers, endpoints/nodes/externals by IP. Cached per topology object (WeakMap).
 * VFP ports are compiled lazily on first use (`compiledPort`, see compile-vfp.ts): a trace
 * touches a handful of ports, and a 1.5M-rule node should not pay for all of them up front.
 */
import { parseCidr, parseIpv4, type Cidr } from '../shared/ip';
import type {
  Endpoint,
  External,
  LoadBalancer,
  Node,
  Pod,
  Port,
  Service,
  Topology,
  VfpRule,
  VfpRuleBody,
} from '../model/types';
import { vfpDeriver } from '../model/program-vfp';
import { lbOnHostPort } from '../model/program-vfp-pod';
import { groupRules, type LayerSpec } from '../model/vfp-builder';
import { compileDerivedPort, compilePort, type CPort, type VfpCache } from './compile-vfp';

export type { CCond, CGroup, CLayer, CPort, CRule, Matcher } from './compile-vfp';

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
  /**
   * This node's provider addresses: the node IP and the PA policies of its local endpoints
   * (a dump may lack the node IP but still name the PA; domain.md §2.4).
   */
  readonly pas: Set<number>;
  /** Local endpoints with an address, by IP. */
  readonly endpointsByIp: Map<number, Endpoint>;
  readonly externalPortByVswitch: Map<string, string>;
  readonly mgmtPortId: string | null;
  /** VIPs handled on the host port (NodePort slots, externalIPs, steered ClusterIPs). */
  readonly hostVips: Set<number>;
  /** ClusterIPs load-balanced on the host port, where pods' ROUTE NeedEncap sends them (no DSR). */
  readonly steeredVips: Set<number>;
  readonly lbs: readonly LoadBalancer[];
  /** Flow-table scopes of this node's WinNAT and user-space kube-proxy. */
  readonly natScope: string;
  readonly kpScope: string;
}

export type LbnatAction = Extract<VfpRule['action'], { kind: 'lbnat' }>;

/** What an lbnat action needs per packet, computed once per action. */
export interface CLbnat {
  /** A known platform limit that drops every packet of this load balancer, or null. */
  readonly limit: { readonly drop: string; readonly ref: string } | null;
  /** The load balancer is DSR: its rewrite is modelled, not documented (domain.md §8.3). */
  readonly dsr: boolean;
  /** Per backend: its address (null: keep the destination) and MAC to set (null: keep). */
  readonly ips: readonly (number | null)[];
  readonly macs: readonly (string | null)[];
}

/** A pod route with its prefix parsed. */
export interface CPodRoute {
  readonly cidr: Cidr | null;
  readonly prefix: string;
  readonly endpointId: string;
}

export interface CompiledTopology {
  readonly t: Topology;
  /** Compiled ports, filled on first use; read through `compiledPort`. */
  readonly ports: Map<string, CPort>;
  readonly vfp: VfpCache;
  /** `programVfp`'s derivation, made on first need, for ports without layers. */
  deriver: ((port: Port) => LayerSpec[]) | null;
  /** Memoised `parseIpv4` of model strings (backends, NAT addresses), so packets never parse. */
  readonly ips: Map<string, number | null>;
  readonly podRoutes: Map<Pod, readonly CPodRoute[]>;
  /** Per lbnat action object: its platform-limit check and backend addresses, done once. */
  readonly lbnat: Map<LbnatAction, CLbnat>;
  readonly nodes: Map<string, CNode>;
  readonly nodeByIp: Map<number, CNode>;
  readonly nodeByName: Map<string, CNode>;
  readonly podByName: Map<string, Pod>;
  readonly podByIp: Map<number, Pod>;
  readonly externalByIp: Map<number, External>;
  readonly externalByName: Map<string, External>;
  readonly serviceByName: Map<string, Service>;
  readonly serviceByVip: Map<number, Service>;
  /**
   * The underlay's default gateway (the upstream router): its address, the node subnet it
   * leads out of, and its MAC when the topology knows it. Null without an underlay (a dump).
   */
  readonly gateway: {
    readonly ip: number | null;
    readonly subnet: Cidr | null;
    readonly mac: string | null;
  } | null;
  /** Underlay routes, longest prefix first. */
  readonly underlay: ReadonlyArray<{
    readonly cidr: Cidr;
    readonly via: number | null;
    readonly prefix: string;
  }>;
}

const cache = new WeakMap<Topology, CompiledTopology>();

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
  const ip = node.managementIp ? parseIpv4(node.managementIp) : null;
  const pas = new Set<number>(ip !== null ? [ip] : []);
  for (const ep of Object.values(t.endpoints)) {
    if (ep.nodeId !== node.id || ep.isRemote) continue;
    for (const pol of ep.policies) {
      const pa = pol.type === 'PA' ? parseIpv4(pol.providerAddress) : null;
      if (pa !== null) pas.add(pa);
    }
    if (!ep.ipAddress) continue;
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
  const steeredVips = new Set<number>();
  for (const lb of lbs) {
    if (lbOnHostPort(node, lb))
      for (const v of lb.frontendVips) {
        const n = parseIpv4(v);
        if (n !== null) {
          hostVips.add(n);
          steeredVips.add(n);
        }
      }
    if (lb.kind === 'externalip' || lb.flags.localRoutedVip)
      for (const v of lb.frontendVips) {
        const n = parseIpv4(v);
        if (n !== null) hostVips.add(n);
      }
  }
  return {
    node,
    ip,
    hostIps,
    pas,
    routes,
    endpointsByIp,
    externalPortByVswitch,
    mgmtPortId,
    hostVips,
    steeredVips,
    lbs,
    natScope: `winnat:${node.id}`,
    kpScope: `kp:${node.id}`,
  };
}

/** Compile (or fetch from cache) the indexes for `t`. */
export function compileTopology(t: Topology): CompiledTopology {
  const hit = cache.get(t);
  if (hit) return hit;
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
    ports: new Map(),
    vfp: { conds: new Map(), matchers: new Map(), byList: new WeakMap() },
    deriver: null,
    ips: new Map(),
    podRoutes: new Map(),
    lbnat: new Map(),
    nodes,
    nodeByIp,
    nodeByName,
    podByName: new Map(pods.map((p) => [p.name, p])),
    podByIp: byIp(pods, (p) => p.ip),
    externalByIp: byIp(externals, (e) => e.ip),
    externalByName: new Map(externals.map((e) => [e.name, e])),
    serviceByName: new Map(services.map((s) => [s.name, s])),
    serviceByVip: byIp(services, (s) => s.clusterIp),
    gateway: t.underlay
      ? {
          ip: parseIpv4(t.underlay.gatewayIp),
          subnet: parseCidr(t.underlay.subnet),
          mac: t.underlay.gatewayMac ?? null,
        }
      : null,
    underlay,
  };
  cache.set(t, compiled);
  return compiled;
}

/**
 * The compiled port `id` (compiled now if it is the first use), or undefined. A port without
 * layers is traced as `programVfp` would program it (nothing, for a topology it has already
 * programmed — it is idempotent): that is how a dump whose VFP derivation was deferred
 * (parsers, `I_VFP_DEFERRED`) gets its rules, per port, shared, never as 1.5M table entries.
 */
export function compiledPort(c: CompiledTopology, id: string): CPort | undefined {
  const hit = c.ports.get(id);
  if (hit) return hit;
  const port = c.t.ports[id];
  if (!port) return undefined;
  let cp: CPort;
  if (port.layerIds.length > 0) cp = compilePort(c.t, c.vfp, port);
  else {
    c.deriver ??= vfpDeriver(c.t);
    cp = compileDerivedPort(c.vfp, port, c.deriver(port));
  }
  c.ports.set(id, cp);
  return cp;
}

/**
 * A port's inbound IPv4 groups' rule lists, layer by layer and by group priority, as
 * `compiledPort` would hold them, but for a port whose VFP is derived read from its layer
 * specs without building matchers (compiling every port of a big dump takes seconds).
 */
export function portInRules(c: CompiledTopology, id: string): readonly (readonly VfpRuleBody[])[] {
  const port = c.t.ports[id];
  if (!port) return [];
  if (c.ports.has(id) || port.layerIds.length > 0)
    return (compiledPort(c, id)?.layers ?? []).flatMap((l) => l.inGroups.map((g) => g.rules));
  c.deriver ??= vfpDeriver(c.t);
  return c.deriver(port).flatMap((spec) =>
    spec.groups
      .filter((g) => (g.family ?? 'ipv4') === 'ipv4')
      .sort((a, b) => a.priority - b.priority)
      .filter((g) => g.direction === 'in')
      .map((g) => groupRules(g)),
  );
}

/** `parseIpv4(text)`, memoised per topology. */
export function ipOf(c: CompiledTopology, text: string): number | null {
  let n = c.ips.get(text);
  if (n === undefined) {
    n = parseIpv4(text);
    c.ips.set(text, n);
  }
  return n;
}

/** A pod's routes with parsed prefixes, memoised per topology. */
export function podRoutes(c: CompiledTopology, pod: Pod): readonly CPodRoute[] {
  let r = c.podRoutes.get(pod);
  if (!r) {
    r = pod.routes.map((x) => ({
      cidr: parseCidr(x.prefix),
      prefix: x.prefix,
      endpointId: x.endpointId,
    }));
    c.podRoutes.set(pod, r);
  }
  return r;
}

/** The compiled form of lbnat action `a` (memoised per action object). */
export function lbnatOf(c: CompiledTopology, a: LbnatAction): CLbnat {
  const hit = c.lbnat.get(a);
  if (hit) return hit;
  const t = c.t;
  const lb = t.loadBalancers[a.loadBalancerId];
  const svc = lb?.serviceId ? t.services[lb.serviceId] : undefined;
  let limit: CLbnat['limit'] = null;
  if (lb && svc?.externalTrafficPolicy === 'Local' && lb.kind !== 'clusterip' && !lb.flags.dsr)
    limit = {
      drop: 'externalTrafficPolicy=Local works only with DSR (known limit)',
      ref: 'domain.md §0 fact 10, §4.2 [S7][S4]',
    };
  else if (a.backends.length > 64 && !(lb?.flags.dsr ?? false))
    limit = {
      drop: `more than 64 backends (${a.backends.length}): "invalid number of destinations" (known limit)`,
      ref: 'domain.md §4.3 [S30][S7]',
    };
  const macs = a.backends.map((b) => {
    const ep = b.endpointId ? t.endpoints[b.endpointId] : undefined;
    return ep && !ep.isRemote && ep.macAddress ? ep.macAddress : null;
  });
  const v: CLbnat = {
    limit,
    dsr: lb?.flags.dsr ?? false,
    ips: a.backends.map((b) => ipOf(c, b.ip)),
    macs,
  };
  c.lbnat.set(a, v);
  return v;
}
