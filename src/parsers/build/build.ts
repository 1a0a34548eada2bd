/**
 * Merged HNS records → a `Topology` for the dumped node: networks (stubs for networks only
 * referenced by endpoints), endpoints with roles, load balancers with flags and kinds, pods
 * from pod metadata, and one VFP port per local endpoint unless vfpctrl output gave ports.
 */

import type {
  Endpoint,
  EndpointRole,
  HostInterface,
  HostRoute,
  LoadBalancer,
  Network,
  Node,
  Pod,
  Port,
  Provenance,
  Topology,
  VSwitch,
} from '../../model/types';
import { inPrefix } from '../../shared/ip';
import { buildLoadBalancers, type LbSummary } from './build-lb';
import type { Merged, MergedSet } from '../normalise/merge';
import type { NEndpoint, NNetwork, Origin } from '../normalise/normalise';
import { buildVfp, type VfpInput } from './build-vfp';
import { NODE_ID, VSWITCH_ID, provenance } from './ids';
import { emptyHostInput, type HostInput } from '../formats/host-text';
import { emptyTable } from '../../shared/table';

/** Insertion order (the dump's order); serialisers sort by id themselves. */
const sorted = <T>(m: Map<string, T>): Iterable<T> => m.values();

function stubNetwork(id: string, e: NEndpoint, o: Origin | undefined): Network {
  return {
    id,
    nodeId: NODE_ID,
    vswitchId: VSWITCH_ID,
    name: e.networkName ?? (id === 'network:unknown' ? '(unknown network)' : id),
    type: e.networkType ?? (e.encapOverhead === 50 ? 'overlay' : 'unknown'),
    subnets: [],
    managementIp: null,
    networkAdapterName: null,
    drMac: null,
    dnsSuffix: null,
    policies: [],
    provenance: provenance(o, true),
  };
}

function toNetwork(m: Merged<NNetwork>): Network {
  const d = m.data;
  return {
    id: m.id,
    nodeId: NODE_ID,
    vswitchId: VSWITCH_ID,
    name: d.name ?? m.id,
    type: d.type ?? (d.name?.toLowerCase() === 'nat' ? 'nat' : 'unknown'),
    subnets: (d.subnets ?? []).filter((s) => s.addressPrefix !== ''),
    managementIp: d.managementIp ?? null,
    networkAdapterName: d.adapter ?? null,
    drMac: d.drMac ?? null,
    dnsSuffix: d.dnsSuffix ?? null,
    policies: d.policies ?? [],
    provenance: provenance(m.origins[0]),
  };
}

function roleOf(e: NEndpoint, networks: Record<string, Network>, networkId: string): EndpointRole {
  if (e.isRemote === true) return 'remote';
  const name = e.name ?? '';
  if (/source.?vip/i.test(name)) return 'source-vip';
  const net = networks[networkId];
  if (/_ep$/i.test(name) || (e.ipAddress !== undefined && net?.managementIp === e.ipAddress))
    return 'host';
  if (
    e.podName !== undefined ||
    e.sandbox === true ||
    /^[0-9a-f]{64}_/.test(name) ||
    /^cid-/.test(name)
  )
    return 'pod';
  if (
    e.ipAddress !== undefined &&
    net?.subnets.some((s) => inPrefix(e.ipAddress!, s.addressPrefix))
  )
    return 'pod';
  return 'other';
}

/**
 * The topology of one node from the merged objects. `checked` receives the tables whose
 * strings were checked against the model limits as they were built (see `fitModelLimits`).
 */
export function buildTopology(
  merged: MergedSet,
  vfp: readonly VfpInput[],
  names: readonly string[],
  host: HostInput = emptyHostInput(),
  checked?: Set<unknown>,
): Topology {
  const networks = emptyTable<Network>();
  for (const m of sorted(merged.networks)) networks[m.id] = toNetwork(m);
  const byName = new Map<string, string>();
  for (const n of Object.values(networks)) if (!byName.has(n.name)) byName.set(n.name, n.id);

  const endpoints = emptyTable<Endpoint>();
  const pods = emptyTable<Pod>();
  const ports = emptyTable<Port>();
  for (const m of sorted(merged.endpoints)) {
    const d = m.data;
    // Docker/containerd/Calico name endpoints `<container id>_<network name>`.
    const suffix = /^[0-9a-f]{64}_(.+)$/.exec(d.name ?? '')?.[1];
    const netName = d.networkName ?? suffix;
    let networkId = d.networkId ?? (netName !== undefined ? byName.get(netName) : undefined);
    if (networkId === undefined)
      networkId = netName !== undefined ? `network:${netName}` : 'network:unknown';
    if (!(networkId in networks)) {
      const stub = stubNetwork(networkId, { ...d, networkName: netName }, m.origins[0]);
      networks[networkId] = stub;
      byName.set(stub.name, networkId);
    }
    const role = roleOf(d, networks, networkId);
    let podId: string | null = null;
    if (role === 'pod' && d.podName !== undefined) {
      podId = `pod:${d.podNamespace ?? 'default'}/${d.podName}`;
      const prev = pods[podId];
      pods[podId] = {
        id: podId,
        name: d.podName,
        namespace: d.podNamespace ?? 'default',
        nodeId: NODE_ID,
        ip: prev?.ip ?? d.ipAddress ?? '',
        endpointIds: [...(prev?.endpointIds ?? []), m.id],
        routes: [],
        labels: {},
      };
    }
    const isRemote = d.isRemote === true;
    const portId = isRemote ? null : `port:${m.id}`;
    if (portId !== null) {
      ports[portId] = {
        id: portId,
        nodeId: NODE_ID,
        vswitchId: VSWITCH_ID,
        kind: role === 'host' ? 'host-vnic' : 'container',
        name: m.id,
        friendlyName: m.id,
        mac: d.macAddress ?? null,
        endpointId: m.id,
        layerIds: [],
        provenance: provenance(m.origins[0], true),
      };
    }
    endpoints[m.id] = {
      id: m.id,
      name: d.name ?? '',
      nodeId: NODE_ID,
      networkId,
      role,
      ipAddress: d.ipAddress ?? null,
      prefixLength: d.prefixLength ?? null,
      macAddress: d.macAddress ?? null,
      gatewayAddress: d.gatewayAddress ?? null,
      isRemote,
      podId,
      portId,
      dns:
        d.dnsServers || d.dnsSearch
          ? { servers: d.dnsServers ?? [], search: d.dnsSearch ?? [] }
          : null,
      policies: d.policies ?? [],
      state: d.state ?? null,
      provenance: provenance(m.origins[0]),
    };
  }

  const draft: Topology = {
    format: 'hnsviz.model/1',
    id: `dump:${names.join('+')}`,
    title: `Dump: ${names.join(', ')}`,
    design: null,
    cluster: null,
    nodeIds: [NODE_ID],
    nodes: {},
    vswitches: {},
    networks,
    endpoints,
    pods,
    services: {},
    loadBalancers: {},
    ports,
    layers: {},
    groups: {},
    rules: {},
    externals: {},
    underlay: null,
  };
  const { loadBalancers, summary, fits } = buildLoadBalancers(merged, draft);
  // The table's strings were checked as it was built: the model-limits walk may skip it.
  if (fits) checked?.add(loadBalancers);
  const withLb = { ...draft, loadBalancers };
  const v = buildVfp(withLb, vfp);
  const extensions = new Set<string>();
  for (const m of merged.networks.values())
    for (const e of m.data.extensions ?? []) extensions.add(e);
  return finishNode(
    v,
    [...extensions].sort(),
    v.loadBalancers === loadBalancers ? summary : null,
    host,
  );
}

function summarise(lbs: Record<string, LoadBalancer>): LbSummary {
  const all = Object.values(lbs);
  return {
    count: all.length,
    anyDsr: all.some((l) => l.flags.dsr),
    sourceVip: all.find((l) => l.sourceVip !== null)?.sourceVip ?? null,
  };
}

type HostIface = HostInput['interfaces'][number];

/**
 * The node IP when no network gives a ManagementIP: the ipconfig adapter the HNS network is
 * bound to (`vEthernet (<NetworkAdapterName>)`) or one with a default gateway; else the one PA
 * every local endpoint names (the PA policy carries the node IP, domain.md §2.4).
 */
function inferNodeIp(
  t: Topology,
  nets: readonly Network[],
  host: HostInput,
): { ip: string; iface: HostIface | null } | null {
  const local = new Set<string>();
  const pas = new Set<string>();
  for (const e of Object.values(t.endpoints)) {
    if (e.isRemote) continue;
    if (e.ipAddress) local.add(e.ipAddress);
    for (const p of e.policies)
      if (p.type === 'PA' && p.providerAddress) pas.add(p.providerAddress);
  }
  const usable = host.interfaces.filter(
    (i) => i.ips.some((ip) => !local.has(ip)) && !/\(nat\)/i.test(i.name),
  );
  const adapters = new Set(nets.map((n) => `vEthernet (${n.networkAdapterName ?? ''})`));
  const iface =
    usable.find((i) => adapters.has(i.name)) ??
    usable.find((i) => i.ips.some((ip) => pas.has(ip))) ??
    usable.find((i) => /^vEthernet \(/.test(i.name) && i.gateways.length > 0) ??
    usable.find((i) => i.gateways.length > 0);
  const ip = iface?.ips.find((x) => !local.has(x));
  if (iface && ip) return { ip, iface };
  if (pas.size === 1) return { ip: [...pas][0]!, iface: null };
  return null;
}

/** Host interfaces and routes from the dump's `ipconfig /all` and `route print` sections. */
function hostStackOf(
  t: Topology,
  host: HostInput,
  managementIp: string | null,
  mgmtName: string,
  mgmtPortId: string | null,
): Pick<Node['hostStack'], 'interfaces' | 'routes'> & { mac: string | null } {
  const interfaces: HostInterface[] = [];
  const mgmtIface = host.interfaces.find(
    (i) => managementIp !== null && i.ips.includes(managementIp),
  );
  if (managementIp !== null)
    interfaces.push({
      name: mgmtIface?.name ?? mgmtName,
      kind: 'management-vnic',
      ips: [managementIp, ...(mgmtIface?.ips.filter((x) => x !== managementIp) ?? [])],
      mac: mgmtIface?.mac ?? null,
      portId: mgmtPortId,
    });
  const hostEps = Object.values(t.endpoints).filter(
    (e) => !e.isRemote && e.role === 'host' && e.ipAddress,
  );
  const natNets = Object.values(t.networks).filter((n) => n.type === 'nat' || n.type === 'ics');
  for (const i of host.interfaces) {
    if (i === mgmtIface || i.ips.length === 0 || interfaces.some((x) => x.name === i.name))
      continue;
    const ep = hostEps.find((e) => i.ips.includes(e.ipAddress!));
    const nat =
      /\(nat\)/i.test(i.name) ||
      natNets.some((n) => n.subnets.some((s) => i.ips.some((ip) => inPrefix(ip, s.addressPrefix))));
    if (!ep && !nat) continue;
    interfaces.push({
      name: i.name,
      kind: ep ? 'bridge-endpoint' : 'nat-vnic',
      ips: i.ips,
      mac: i.mac,
      portId: ep?.portId ?? null,
    });
  }
  const nameOf = (ip: string): string =>
    interfaces.find((i) => i.ips.includes(ip))?.name ??
    host.interfaces.find((i) => i.ips.includes(ip))?.name ??
    ip;
  const seen = new Set<string>();
  const routes: HostRoute[] = [];
  for (const r of [...host.routes].sort((a, b) => a.metric - b.metric)) {
    const iface = nameOf(r.interfaceIp);
    const key = `${r.prefix}|${r.nextHop ?? ''}|${iface}`;
    if (seen.has(key)) continue;
    seen.add(key);
    routes.push({
      prefix: r.prefix,
      nextHop: r.nextHop,
      interface: iface,
      provenance: {
        by: 'dump',
        id: `${r.input}:${r.line}`,
        detail: `route print (metric ${r.metric})`,
        confidence: 'observed',
        ref: null,
        derived: false,
      },
    });
  }
  return { interfaces, routes, mac: mgmtIface?.mac ?? null };
}

/**
 * The vSwitch port of the host's management vNIC: the host-vNIC port whose endpoint holds the
 * node IP, else the one host-vNIC port vfpctrl listed without an endpoint. A dump without
 * vfpctrl output has neither, yet on an external vSwitch the management vNIC is always a port
 * (domain.md §0 fact 2): it is added, marked derived, so the host's traffic reaches the switch.
 */
function managementPort(
  t: Topology,
  managementIp: string | null,
  external: boolean,
  name: string,
  mac: string | null,
): { id: string | null; added: Port | null } {
  const hostPorts = Object.values(t.ports).filter((p) => p.kind === 'host-vnic');
  const byIp = hostPorts.find(
    (p) => managementIp !== null && t.endpoints[p.endpointId ?? '']?.ipAddress === managementIp,
  );
  if (byIp) return { id: byIp.id, added: null };
  const bare = hostPorts.filter((p) => p.endpointId === null);
  if (bare.length === 1) return { id: bare[0]!.id, added: null };
  if (managementIp === null || !external || bare.length > 0) return { id: null, added: null };
  const id = 'port:host-vnic';
  const added: Port = {
    id,
    nodeId: NODE_ID,
    vswitchId: VSWITCH_ID,
    kind: 'host-vnic',
    name,
    friendlyName: name,
    mac,
    endpointId: null,
    layerIds: [],
    provenance: {
      by: 'dump',
      id: null,
      detail: `the management vNIC ${name} (${managementIp}); no vfpctrl port list in the dump`,
      confidence: 'inferred',
      ref: 'domain.md §0 fact 2',
      derived: true,
    },
  };
  return { id, added };
}

/** The node and its vSwitch, from what the networks, ports and host sections tell. */
function finishNode(
  t: Topology,
  extensions: readonly string[],
  summary: LbSummary | null,
  host: HostInput,
): Topology {
  const nets = Object.values(t.networks);
  const mgmtNet =
    nets.find((n) => n.managementIp !== null && n.type !== 'nat' && n.type !== 'ics') ??
    nets.find((n) => n.managementIp !== null);
  const managementIp = mgmtNet?.managementIp ?? inferNodeIp(t, nets, host)?.ip ?? null;
  const podNet = nets.find(
    (n) =>
      (n.type === 'l2bridge' || n.type === 'overlay' || n.type === 'transparent') &&
      n.subnets.length > 0,
  );
  const external = nets.some(
    (n) =>
      n.type === 'l2bridge' ||
      n.type === 'overlay' ||
      n.type === 'transparent' ||
      n.type === 'l2tunnel',
  );
  const lbs = summary ?? summarise(t.loadBalancers);
  const origin = nets[0]?.provenance ?? Object.values(t.endpoints)[0]?.provenance;
  const prov: Provenance = origin ?? provenance(undefined, true);
  const mgmtName = `vEthernet (${mgmtNet?.networkAdapterName ?? 'Ethernet'})`;
  const mgmtMac =
    host.interfaces.find((i) => managementIp !== null && i.ips.includes(managementIp))?.mac ?? null;
  const mgmt = managementPort(t, managementIp, external, mgmtName, mgmtMac);
  if (mgmt.added) t = { ...t, ports: { ...t.ports, [mgmt.added.id]: mgmt.added } };
  const stack = hostStackOf(t, host, managementIp, mgmtName, mgmt.id);
  const node: Node = {
    id: NODE_ID,
    name: host.hostName ?? (managementIp !== null ? `node ${managementIp}` : 'dumped node'),
    os: 'windows',
    managementIp,
    mac: stack.mac,
    podCidr: podNet?.subnets[0]?.addressPrefix ?? null,
    vswitchIds: [VSWITCH_ID],
    networkIds: Object.keys(t.networks).sort(),
    hostStack: { interfaces: stack.interfaces, routes: stack.routes, ipForwarding: true },
    winnat: null,
    kubeProxy:
      lbs.count > 0
        ? {
            mode: 'kernelspace',
            enableDsr: lbs.anyDsr,
            // On L2Bridge kube-proxy writes the node IP into every load balancer's SourceVIP;
            // only another address (overlay's --source-vip endpoint) is a source VIP.
            sourceVip: lbs.sourceVip !== managementIp ? lbs.sourceVip : null,
            proxies: [],
            provenance: { ...prov, derived: true, confidence: 'inferred' },
          }
        : null,
    provenance: { ...prov, derived: true, confidence: 'inferred' },
  };
  const vswitch: VSwitch = {
    id: VSWITCH_ID,
    nodeId: NODE_ID,
    name: nets.find((n) => n.networkAdapterName !== null)?.name ?? 'vSwitch',
    kind: external ? 'external' : 'internal',
    externalAdapter: nets.find((n) => n.networkAdapterName !== null)?.networkAdapterName ?? null,
    portIds: Object.keys(t.ports).sort(),
    networkIds: Object.keys(t.networks).sort(),
    extensions,
    provenance: { ...prov, derived: true, confidence: 'inferred' },
  };
  return { ...t, nodes: { [NODE_ID]: node }, vswitches: { [VSWITCH_ID]: vswitch } };
}
