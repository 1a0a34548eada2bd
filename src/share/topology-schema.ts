/**
 * Runtime schema of `hnsviz.model/1` (src/model/types.ts), for topologies that arrive from a
 * link or a dropped file. Typed `Schema<Topology>`, so the compiler proves it accepts only
 * real topologies; `checkInvariants` then catches dangling ids (see view-state.ts).
 */
import type { EndpointPolicy, NetworkPolicy, Topology } from '../model/types';
import {
  direction,
  lbDistribution,
  ns,
  port,
  portRange,
  prio,
  proto,
  provenance,
  s,
  strs,
} from './model-schema-common';
import { vfpTables } from './model-schema-vfp';
import {
  arr,
  bool,
  int,
  json,
  lit,
  nullable,
  num,
  obj,
  optional,
  rec,
  tagged,
  type Schema,
} from './schema';

const node = obj({
  id: s,
  name: s,
  os: s,
  managementIp: ns,
  mac: ns,
  podCidr: ns,
  vswitchIds: strs,
  networkIds: strs,
  hostStack: obj({
    interfaces: arr(
      obj({
        name: s,
        kind: lit('management-vnic', 'nat-vnic', 'bridge-endpoint', 'source-vip'),
        ips: strs,
        mac: ns,
        portId: ns,
      }),
    ),
    routes: arr(obj({ prefix: s, nextHop: ns, interface: s, provenance })),
    ipForwarding: bool,
  }),
  winnat: nullable(
    obj({
      name: s,
      internalPrefix: s,
      externalIp: s,
      portPool: portRange,
      networkId: s,
      provenance,
    }),
  ),
  kubeProxy: nullable(
    obj({
      mode: lit('userspace', 'kernelspace'),
      enableDsr: bool,
      sourceVip: ns,
      proxies: arr(
        obj({
          serviceId: s,
          portName: s,
          listenIp: s,
          listenPort: port,
          protocol: proto,
          backends: arr(obj({ ip: s, port, podId: ns })),
          dnsSuffixes: nullable(strs),
        }),
      ),
      provenance,
    }),
  ),
  provenance,
});

const networkPolicy: Schema<NetworkPolicy> = tagged('type', {
  RemoteSubnetRoute: obj({
    type: lit('RemoteSubnetRoute'),
    destinationPrefix: s,
    isolationId: num(),
    providerAddress: s,
    drMac: ns,
  }),
  HostRoute: obj({ type: lit('HostRoute') }),
  VxlanPort: obj({ type: lit('VxlanPort'), port }),
  Other: obj({ type: lit('Other'), name: s, raw: json() }),
});

const endpointPolicy: Schema<EndpointPolicy> = tagged('type', {
  OutBoundNAT: obj({
    type: lit('OutBoundNAT'),
    hnsType: s,
    vip: ns,
    exceptions: strs,
    destinations: strs,
  }),
  ROUTE: obj({
    type: lit('ROUTE'),
    hnsType: s,
    destinationPrefix: s,
    nextHop: ns,
    needEncap: bool,
  }),
  PA: obj({ type: lit('PA'), hnsType: s, providerAddress: s }),
  ACL: obj({
    type: lit('ACL'),
    hnsType: s,
    id: s,
    action: lit('allow', 'block', 'pass'),
    direction,
    priority: prio,
    protocols: arr(proto),
    localAddresses: strs,
    remoteAddresses: strs,
    localPorts: arr(portRange),
    remotePorts: arr(portRange),
    ruleType: lit('switch', 'host'),
  }),
  PortMapping: obj({
    type: lit('PortMapping'),
    hnsType: s,
    protocol: proto,
    internalPort: port,
    externalPort: port,
    vip: ns,
  }),
  L2Driver: obj({ type: lit('L2Driver'), hnsType: s }),
  EncapOverhead: obj({ type: lit('EncapOverhead'), hnsType: s, overhead: num() }),
  Other: obj({ type: lit('Other'), hnsType: s, raw: json() }),
});

/** The schema of a whole topology. */
export const topologySchema: Schema<Topology> = obj({
  format: lit('hnsviz.model/1'),
  id: s,
  title: s,
  design: nullable(
    lit('new-l2bridge', 'new-overlay', 'old-winnat', 'new-2017', 'new-overlay-nodsr'),
  ),
  cluster: nullable(obj({ clusterCidr: s, serviceCidr: s, dnsServer: s, dnsSearch: strs })),
  nodeIds: strs,
  nodes: rec(node),
  vswitches: rec(
    obj({
      id: s,
      nodeId: s,
      name: s,
      kind: lit('internal', 'external', 'private'),
      externalAdapter: ns,
      portIds: strs,
      networkIds: strs,
      extensions: strs,
      provenance,
    }),
  ),
  networks: rec(
    obj({
      id: s,
      nodeId: s,
      vswitchId: ns,
      name: s,
      type: lit(
        'nat',
        'ics',
        'transparent',
        'l2bridge',
        'l2tunnel',
        'overlay',
        'private',
        'internal',
        'unknown',
      ),
      subnets: arr(obj({ addressPrefix: s, gatewayAddress: ns, vsid: nullable(num()) })),
      managementIp: ns,
      networkAdapterName: ns,
      drMac: ns,
      dnsSuffix: ns,
      policies: arr(networkPolicy),
      provenance,
    }),
  ),
  endpoints: rec(
    obj({
      id: s,
      name: s,
      nodeId: s,
      networkId: s,
      role: lit('pod', 'host', 'remote', 'source-vip', 'other'),
      ipAddress: ns,
      prefixLength: nullable(int(0, 128)),
      macAddress: ns,
      gatewayAddress: ns,
      isRemote: bool,
      podId: ns,
      portId: ns,
      dns: nullable(obj({ servers: strs, search: strs })),
      policies: arr(endpointPolicy),
      state: ns,
      provenance,
    }),
  ),
  pods: rec(
    obj({
      id: s,
      name: s,
      namespace: s,
      nodeId: s,
      ip: s,
      endpointIds: strs,
      routes: arr(obj({ prefix: s, endpointId: s, nextHop: ns })),
      labels: rec(s, 1000),
      containers: optional(arr(obj({ name: s, role: lit('infra', 'app') }), 1000)),
      compartmentId: optional(nullable(int(0, 1_000_000))),
    }),
  ),
  services: rec(
    obj({
      id: s,
      name: s,
      namespace: s,
      clusterIp: s,
      ports: arr(
        obj({ name: s, port, targetPort: port, protocol: proto, nodePort: nullable(port) }),
      ),
      externalIps: strs,
      backendPodIds: strs,
      externalTrafficPolicy: lit('Cluster', 'Local'),
      sessionAffinity: lit('None', 'ClientIP'),
    }),
  ),
  loadBalancers: rec(
    obj({
      id: s,
      nodeId: s,
      networkId: ns,
      kind: lit('clusterip', 'nodeport', 'externalip', 'unknown'),
      frontendVips: strs,
      protocol: proto,
      internalPort: port,
      externalPort: port,
      backendEndpointIds: strs,
      sourceVip: ns,
      flags: obj({
        dsr: bool,
        ilb: bool,
        localRoutedVip: bool,
        ipv6: bool,
        preserveDip: bool,
        useMux: bool,
      }),
      distribution: lbDistribution,
      serviceId: ns,
      provenance,
    }),
  ),
  ...vfpTables,
  externals: rec(
    obj({
      id: s,
      name: s,
      kind: lit('internet-server', 'external-client'),
      ip: s,
      listens: arr(obj({ protocol: proto, port })),
    }),
  ),
  underlay: nullable(
    obj({
      subnet: s,
      gatewayIp: s,
      gatewayMac: optional(ns),
      routes: arr(obj({ prefix: s, via: s, note: s })),
    }),
  ),
});
