/**
 * The OLD design (Windows Server 2016, k8s 1.5–1.8): two endpoints per pod — one on a
 * host-local NAT network behind WinNAT (default route, internet), one on the cluster
 * network (pod CIDR route, the pod IP Kubernetes reports). kube-proxy runs in user space:
 * Service VIPs are secondary IPs on the host's `vEthernet (HNS Internal NIC)`, and the
 * proxy accepts each connection and opens a second one to a backend.
 * Sources: domain.md §3.1–3.2 [S1][S5][S6][S9][S37], §7 (OLD walks).
 */
import { hostInPrefix } from '../shared/ip';
import { DYNAMIC_PORTS } from '../model/port-ranges';
import type { Endpoint, HostInterface, Port, UserspaceProxy } from '../model/types';
import {
  emptyDraft,
  gatewayOf,
  given,
  hostRoute,
  hostVnicPortName,
  hypervMac,
  ids,
  normalisedSpecMac,
  podIp,
  portMaker,
  type Draft,
} from './common';
import type { ClusterSpec, NodeSpec } from './spec';
import { pushAll } from '../shared/arrays';

const REF_OLD = 'domain.md §3.2 [S1][S6][S9]';
const REF_PROXY = 'domain.md §3.2 [S5][S6]';
const REF_ACS = 'domain.md §3.1 [S37]';
const NAT_VNIC = 'vEthernet (HNS Internal NIC)';
const MGMT_VNIC = 'vEthernet (Ethernet)';

export function addOldNode(spec: ClusterSpec, node: NodeSpec, draft: Draft): void {
  const nodeId = ids.node(node.name);
  const natSwitch = ids.vswitch(node.name, 'nat');
  const extSwitch = ids.vswitch(node.name, 'Ethernet');
  const natNet = ids.network(node.name, 'nat');
  const podNet = ids.network(node.name, 'podnetwork');
  const hostMac = normalisedSpecMac(node.mac);
  const natHostIp = gatewayOf(node.natCidr);
  const ports: Port[] = [];
  const makePort = portMaker(node.name, ports);
  const port = (
    key: string,
    vswitchId: string,
    kind: Port['kind'],
    friendlyName: string,
    mac: string | null,
    endpointId: string | null,
  ) => makePort({ key, vswitchId, kind, friendlyName, mac, endpointId });

  const natHostPort = port('nat-host', natSwitch, 'host-vnic', NAT_VNIC, hostMac, null);
  const mgmtPort = port('host', extSwitch, 'host-vnic', hostVnicPortName(hostMac), hostMac, null);
  port('external', extSwitch, 'external', 'ExternalPort', hostMac, null);

  const endpoints: Endpoint[] = [];
  for (const pod of node.pods) {
    const natEp = ids.endpoint(node.name, `${pod.name}:nat`);
    const clusterEp = ids.endpoint(node.name, `${pod.name}:cluster`);
    const natMac = hypervMac(pod.natIp);
    const clusterMac = hypervMac(pod.ip);
    const common = {
      nodeId,
      prefixLength: 24,
      state: 'Attached',
      podId: ids.pod(pod.name),
      isRemote: false,
    };
    endpoints.push({
      ...common,
      id: natEp,
      name: `${pod.name}_nat`,
      networkId: natNet,
      role: 'pod',
      ipAddress: pod.natIp,
      macAddress: natMac,
      gatewayAddress: natHostIp,
      portId: port(
        `${pod.name}:nat`,
        natSwitch,
        'container',
        `Container NIC ${natEp.slice(0, 8)}`,
        natMac,
        natEp,
      ),
      // No per-container search list yet: the user-space DNS proxy appends suffixes instead.
      dns: { servers: [spec.dnsServer], search: [] },
      policies: [],
      provenance: {
        ...given('documented', REF_OLD, 'NAT endpoint: default route, internet via WinNAT'),
        creator: 'docker',
      },
    });
    endpoints.push({
      ...common,
      id: clusterEp,
      name: `${pod.name}_podnetwork`,
      networkId: podNet,
      role: 'pod',
      ipAddress: pod.ip,
      macAddress: clusterMac,
      gatewayAddress: null,
      portId: port(
        `${pod.name}:cluster`,
        extSwitch,
        'container',
        `Container NIC ${clusterEp.slice(0, 8)}`,
        clusterMac,
        clusterEp,
      ),
      dns: null,
      policies: [{ type: 'L2Driver', hnsType: 'L2Driver' }],
      provenance: {
        ...given('documented', REF_OLD, 'cluster endpoint: pod CIDR route, the reported pod IP'),
        creator: 'docker',
      },
    });
    draft.pods.push({
      id: ids.pod(pod.name),
      name: pod.name,
      namespace: pod.name === 'coredns' ? 'kube-system' : 'default',
      nodeId,
      ip: pod.ip,
      endpointIds: [natEp, clusterEp],
      routes: [
        { prefix: spec.clusterCidr, endpointId: clusterEp, nextHop: null },
        { prefix: node.natCidr, endpointId: natEp, nextHop: null },
        { prefix: '0.0.0.0/0', endpointId: natEp, nextHop: natHostIp },
      ],
      labels: pod.labels ?? {},
      // WS2016: one container per pod, in its own compartment (domain.md §3.1, §3.3 [S1]).
      containers: [{ name: pod.name, role: 'app' }],
      compartmentId: 2 + node.pods.indexOf(pod),
    });
  }

  // ClusterIPs and externalIPs are secondary addresses of the NAT network's host vNIC
  // (INTERFACE_TO_ADD_SERVICE_IP, `netsh interface ipv4 add address`, domain.md §3.2, §7 S7).
  const vips = spec.services.flatMap((s) => [s.clusterIp, ...(s.externalIps ?? [])]);
  const interfaces: HostInterface[] = [
    {
      name: NAT_VNIC,
      kind: 'nat-vnic',
      ips: [natHostIp, ...vips],
      mac: hostMac,
      portId: natHostPort,
    },
    { name: MGMT_VNIC, kind: 'management-vnic', ips: [node.ip], mac: hostMac, portId: mgmtPort },
  ];
  const peers = spec.nodes.filter((n) => n.name !== node.name);
  const routes = [
    hostRoute(node.natCidr, null, NAT_VNIC, 'documented', REF_OLD),
    hostRoute(spec.nodeSubnet, null, MGMT_VNIC, 'documented', 'domain.md §2.2 [S11]'),
    hostRoute(
      node.podCidr,
      null,
      MGMT_VNIC,
      'inferred',
      `${REF_OLD}; pods share the host's L2 segment`,
    ),
    ...peers.map((p) => hostRoute(p.podCidr, p.ip, MGMT_VNIC, 'documented', 'domain.md §2.5 [S6]')),
    hostRoute('0.0.0.0/0', spec.gatewayIp, MGMT_VNIC, 'documented', 'domain.md §2.2 [S11]'),
  ];

  draft.vswitches.push(
    {
      id: natSwitch,
      nodeId,
      name: 'nat',
      kind: 'internal',
      externalAdapter: null,
      portIds: ports.filter((p) => p.vswitchId === natSwitch).map((p) => p.id),
      networkIds: [natNet],
      extensions: ['Microsoft Windows Filtering Platform'],
      provenance: given('documented', 'domain.md §2.1 [S18]'),
    },
    {
      id: extSwitch,
      nodeId,
      name: 'Ethernet',
      kind: 'external',
      externalAdapter: 'Ethernet',
      portIds: ports.filter((p) => p.vswitchId === extSwitch).map((p) => p.id),
      networkIds: [podNet],
      // HNS programs the cluster NICs' MAC rewrite in VFP (l2bridge), so VFP is loaded here too.
      extensions: ['Microsoft Azure VFP Switch Extension', 'Microsoft Windows Filtering Platform'],
      provenance: given('documented', 'domain.md §2.1 [S18]'),
    },
  );
  draft.networks.push(
    {
      id: natNet,
      nodeId,
      vswitchId: natSwitch,
      name: 'nat',
      type: 'nat',
      subnets: [{ addressPrefix: node.natCidr, gatewayAddress: natHostIp, vsid: null }],
      managementIp: null,
      networkAdapterName: null,
      drMac: null,
      dnsSuffix: null,
      policies: [],
      provenance: given('documented', REF_OLD, 'host-local NAT network behind WinNAT'),
    },
    {
      id: podNet,
      nodeId,
      vswitchId: extSwitch,
      name: 'podnetwork',
      type: 'l2bridge',
      subnets: [
        { addressPrefix: node.podCidr, gatewayAddress: hostInPrefix(node.podCidr, 1), vsid: null },
      ],
      managementIp: node.ip,
      networkAdapterName: 'Ethernet',
      drMac: null,
      dnsSuffix: null,
      policies: [],
      provenance: given('observed', REF_ACS, 'cluster network named by CONTAINER_NETWORK'),
    },
  );
  pushAll(draft.endpoints, endpoints);
  pushAll(draft.ports, ports);
  draft.nodes.push({
    id: nodeId,
    name: node.name,
    os: 'Windows Server 2016 (10.0.14393)',
    managementIp: node.ip,
    mac: hostMac,
    podCidr: node.podCidr,
    vswitchIds: [natSwitch, extSwitch],
    networkIds: [natNet, podNet],
    hostStack: { interfaces, routes, ipForwarding: true },
    winnat: {
      name: 'WinNAT',
      internalPrefix: node.natCidr,
      externalIp: node.ip,
      portPool: DYNAMIC_PORTS,
      networkId: natNet,
      provenance: given('documented', 'domain.md §2.1, §3.2 [S18][S1]'),
    },
    kubeProxy: {
      mode: 'userspace',
      enableDsr: false,
      sourceVip: null,
      proxies: userspaceProxies(spec),
      provenance: given(
        'documented',
        REF_PROXY,
        'kube-proxy --proxy-mode=userspace (winuserspace)',
      ),
    },
    provenance: given('documented', REF_OLD),
  });
}

/**
 * One listener per Service port on its VIP and on each externalIP (winuserspace's
 * getListenIPPortMap adds them to the host with netsh, domain.md §7 S7), plus 0.0.0.0:nodePort.
 */
function userspaceProxies(spec: ClusterSpec): UserspaceProxy[] {
  const out: UserspaceProxy[] = [];
  for (const svc of spec.services) {
    for (const p of svc.ports) {
      const backends = svc.backends.map((b) => ({
        ip: podIp(spec, b),
        port: p.targetPort,
        podId: ids.pod(b),
      }));
      const common = {
        serviceId: ids.service(svc.name),
        portName: p.name,
        protocol: p.protocol,
        backends,
        dnsSuffixes: p.name === 'dns' ? spec.dnsSearch : null,
      };
      out.push({ ...common, listenIp: svc.clusterIp, listenPort: p.port });
      for (const ip of svc.externalIps ?? [])
        out.push({ ...common, listenIp: ip, listenPort: p.port });
      if (p.nodePort !== undefined)
        out.push({ ...common, listenIp: '0.0.0.0', listenPort: p.nodePort });
    }
  }
  return out;
}

export function oldDraft(spec: ClusterSpec): Draft {
  const draft = emptyDraft();
  for (const node of spec.nodes) addOldNode(spec, node, draft);
  return draft;
}
