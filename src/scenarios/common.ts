/**
 * Pieces every design shares: ids, provenance, pods/services/externals, the underlay,
 * and the draft that collects entities before they become a `Topology`.
 */
import { guidFromKey } from '../shared/guid';
import { hostInPrefix, parseIpv4 } from '../shared/ip';
import type {
  Confidence,
  Design,
  Endpoint,
  External,
  HostRoute,
  LoadBalancer,
  Network,
  Node,
  Pod,
  Port,
  Provenance,
  Service,
  Table,
  Topology,
  Underlay,
  VSwitch,
} from '../model/types';
import type { ClusterSpec, NodeSpec } from './spec';

export const ids = {
  node: (node: string) => `node:${node}`,
  pod: (pod: string) => `pod:${pod}`,
  service: (svc: string) => `svc:${svc}`,
  external: (name: string) => `ext:${name}`,
  vswitch: (node: string, name: string) => `vswitch:${node}:${name}`,
  port: (node: string, name: string) => `port:${node}:${name}`,
  /** HNS objects get GUIDs, as on a real node, derived from a readable key. */
  network: (node: string, name: string) => guidFromKey(`network:${node}:${name}`),
  endpoint: (node: string, name: string) => guidFromKey(`endpoint:${node}:${name}`),
  loadBalancer: (node: string, key: string) => guidFromKey(`lb:${node}:${key}`),
};

/** Provenance of an object the scenario states (not derived from anything else). */
export function given(
  confidence: Confidence,
  ref: string | null,
  detail: string | null = null,
): Provenance {
  return { by: 'scenario', id: null, detail, confidence, ref, derived: false };
}

export function hostRoute(
  prefix: string,
  nextHop: string | null,
  iface: string,
  confidence: Confidence,
  ref: string,
): HostRoute {
  return { prefix, nextHop, interface: iface, provenance: given(confidence, ref) };
}

/** Hyper-V style MAC (`00-15-5D` pool) whose last three bytes follow the IP. */
export function hypervMac(ip: string): string {
  const n = parseIpv4(ip);
  if (n === null) throw new Error(`not an IPv4 address: ${ip}`);
  const tail = [(n >>> 16) & 255, (n >>> 8) & 255, n & 255].map((b) =>
    b.toString(16).padStart(2, '0'),
  );
  return ['00', '15', '5d', ...tail].join(':');
}

/**
 * The VFP friendly name of the management host vNIC's port (domain.md §1.5: "Container NIC …"),
 * the same in every design; the host stack calls the vNIC `vEthernet (<adapter>)`.
 */
export function hostVnicPortName(mac: string): string {
  return `Container NIC ${mac.replace(/[:-]/g, '').slice(-8)}`;
}

export function normalisedSpecMac(mac: string): string {
  return mac.toLowerCase().replace(/-/g, ':');
}

/** The fields that differ from one vSwitch port to the next. */
export interface PortSpec {
  readonly key: string;
  readonly vswitchId: string;
  readonly kind: Port['kind'];
  readonly friendlyName: string;
  readonly mac: string | null;
  readonly endpointId: string | null;
}

/**
 * A port maker for one node: collects the ports in `into` and returns each new port's id.
 * A pod port's VFP name is its endpoint id (as on a real node); others get a stable GUID.
 */
export function portMaker(node: string, into: Port[]): (spec: PortSpec) => string {
  return ({ key, vswitchId, kind, friendlyName, mac, endpointId }) => {
    const p: Port = {
      id: ids.port(node, key),
      nodeId: ids.node(node),
      vswitchId,
      kind,
      name: endpointId ?? ids.endpoint(node, `port:${key}`),
      friendlyName,
      mac,
      endpointId,
      layerIds: [],
      provenance: given('documented', 'domain.md §0 fact 2 [S26][S17][S36]'),
    };
    into.push(p);
    return p.id;
  };
}

/** Mutable collection of entities while a design is being built. */
export interface Draft {
  readonly nodes: Node[];
  readonly vswitches: VSwitch[];
  readonly networks: Network[];
  readonly endpoints: Endpoint[];
  readonly pods: Pod[];
  readonly loadBalancers: LoadBalancer[];
  readonly ports: Port[];
}

export function emptyDraft(): Draft {
  return {
    nodes: [],
    vswitches: [],
    networks: [],
    endpoints: [],
    pods: [],
    loadBalancers: [],
    ports: [],
  };
}

function table<T extends { readonly id: string }>(items: readonly T[]): Table<T> {
  const out: Table<T> = {};
  for (const item of items) {
    if (out[item.id]) throw new Error(`duplicate id ${item.id}`);
    out[item.id] = item;
  }
  return out;
}

export function services(spec: ClusterSpec): Service[] {
  return spec.services.map((s) => ({
    id: ids.service(s.name),
    name: s.name,
    namespace: s.namespace,
    clusterIp: s.clusterIp,
    ports: s.ports.map((p) => ({ ...p, nodePort: p.nodePort ?? null })),
    externalIps: s.externalIps ?? [],
    backendPodIds: s.backends.map(ids.pod),
    externalTrafficPolicy: 'Cluster',
    sessionAffinity: 'None',
  }));
}

export function externals(spec: ClusterSpec): External[] {
  return spec.externals.map((e) => ({ id: ids.external(e.name), ...e }));
}

/** The physical network: node subnet, default gateway, and the routes the design needs. */
export function underlay(spec: ClusterSpec, routePodCidrs: boolean): Underlay {
  const routes: Underlay['routes'][number][] = [];
  if (routePodCidrs) {
    for (const n of spec.nodes) {
      routes.push({
        prefix: n.podCidr,
        via: n.ip,
        note: `pod CIDR of ${n.name} (host-gw route / UDR)`,
      });
    }
  }
  for (const [ip, nodeName] of Object.entries(spec.externalIpRoutes)) {
    const node = spec.nodes.find((n) => n.name === nodeName);
    if (node)
      routes.push({ prefix: `${ip}/32`, via: node.ip, note: `externalIP routed to ${nodeName}` });
  }
  return {
    subnet: spec.nodeSubnet,
    gatewayIp: spec.gatewayIp,
    ...(spec.gatewayMac ? { gatewayMac: normalisedSpecMac(spec.gatewayMac) } : {}),
    routes,
  };
}

/** Where a pod lives, by name. */
export function nodeOfPod(spec: ClusterSpec, pod: string): NodeSpec {
  const node = spec.nodes.find((n) => n.pods.some((p) => p.name === pod));
  if (!node) throw new Error(`unknown pod ${pod}`);
  return node;
}

export function podIp(spec: ClusterSpec, pod: string): string {
  const p = nodeOfPod(spec, pod).pods.find((x) => x.name === pod);
  if (!p) throw new Error(`unknown pod ${pod}`);
  return p.ip;
}

/** `.1` of a prefix (the gateway HNS reserves). */
export const gatewayOf = (prefix: string) => hostInPrefix(prefix, 1);

export function finishTopology(
  spec: ClusterSpec,
  design: Design,
  title: string,
  draft: Draft,
  routePodCidrs: boolean,
): Topology {
  return {
    format: 'hnsviz.model/1',
    id: design,
    title,
    design,
    cluster: {
      clusterCidr: spec.clusterCidr,
      serviceCidr: spec.serviceCidr,
      dnsServer: spec.dnsServer,
      dnsSearch: spec.dnsSearch,
    },
    nodeIds: draft.nodes.map((n) => n.id),
    nodes: table(draft.nodes),
    vswitches: table(draft.vswitches),
    networks: table(draft.networks),
    endpoints: table(draft.endpoints),
    pods: table(draft.pods),
    services: table(services(spec)),
    loadBalancers: table(draft.loadBalancers),
    ports: table(draft.ports),
    layers: {},
    groups: {},
    rules: {},
    externals: table(externals(spec)),
    underlay: underlay(spec, routePodCidrs),
  };
}
