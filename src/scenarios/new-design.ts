/**
 * The NEW design (Windows Server 1709+ / 2019): one HNS endpoint per pod, OutBoundNAT done
 * by VFP on the pod's own port, kube-proxy winkernel programming HNS load balancers (DSR).
 * Two flavours: L2Bridge (flannel host-gw) and Overlay (flannel vxlan, VNI 4096).
 * Conventions: domain.md §2.3 (L2Bridge), §2.4 (Overlay), §4.1 (Service → load balancers).
 */
import { hostInPrefix, macFromIp } from '../shared/ip';
import type {
  Endpoint,
  EndpointPolicy,
  HostInterface,
  HostRoute,
  Network,
  Port,
} from '../model/types';
import {
  emptyDraft,
  gatewayOf,
  given,
  hostRoute,
  hostVnicPortName,
  hypervMac,
  ids,
  nodeOfPod,
  normalisedSpecMac,
  podIp,
  portMaker,
  type Draft,
} from './common';
import type { ClusterSpec, LbMode, NewFlavour, NodeSpec, PodSpec } from './spec';
import { kubeProxyLoadBalancers } from './kube-proxy';
import { aclPolicies } from './network-policy';
import { pushAll } from '../shared/arrays';

const REF_L2 = 'domain.md §2.3 [S13][S20]';
const REF_OVL = 'domain.md §2.4 [S20][S19][S13]';
const MGMT_VNIC = 'vEthernet (Ethernet)';

/** Add one node of the new design to the draft. */
export function addNewNode(
  spec: ClusterSpec,
  node: NodeSpec,
  flavour: NewFlavour,
  draft: Draft,
  lbMode: LbMode = 'dsr',
): void {
  const nodeId = ids.node(node.name);
  const networkName = flavour === 'l2bridge' ? 'cbr0' : 'vxlan0';
  const networkId = ids.network(node.name, networkName);
  const vswitchId = ids.vswitch(node.name, 'Ethernet');
  const ref = flavour === 'l2bridge' ? REF_L2 : REF_OVL;
  const hostMac = normalisedSpecMac(node.mac);
  const ports: Port[] = [];
  const makePort = portMaker(node.name, ports);
  const port = (
    key: string,
    kind: Port['kind'],
    friendlyName: string,
    mac: string | null,
    endpointId: string | null,
  ) => makePort({ key, vswitchId, kind, friendlyName, mac, endpointId });

  port('external', 'external', 'ExternalPort', hostMac, null);
  const hostPortId = port('host', 'host-vnic', hostVnicPortName(hostMac), hostMac, null);

  // The network: L2Bridge keeps the pod subnet on the host's L2 segment, .1 reserved, host on .2.
  // Overlay: VXLAN with VSID = VNI, DR MAC = this node's VTEP MAC, one RemoteSubnetRoute per peer.
  const peers = spec.nodes.filter((n) => n.name !== node.name);
  const network: Network = {
    id: networkId,
    nodeId,
    vswitchId,
    name: networkName,
    type: flavour,
    subnets: [
      {
        addressPrefix: node.podCidr,
        gatewayAddress: gatewayOf(node.podCidr),
        vsid: flavour === 'overlay' ? spec.vni : null,
      },
    ],
    managementIp: node.ip,
    networkAdapterName: 'Ethernet',
    drMac: flavour === 'overlay' ? macFromIp('0e2a', node.ip) : null,
    dnsSuffix: null,
    policies:
      flavour === 'overlay'
        ? [
            ...peers.map((p) => ({
              type: 'RemoteSubnetRoute' as const,
              destinationPrefix: p.podCidr,
              isolationId: spec.vni,
              providerAddress: p.ip,
              drMac: macFromIp('0e2a', p.ip),
            })),
            { type: 'HostRoute' as const },
          ]
        : [],
    // flanneld creates the network (host-gw: cbr0, vxlan: the overlay) and its policies.
    provenance: { ...given('documented', ref), creator: 'flannel' },
  };

  const endpoints: Endpoint[] = [];
  const baseEndpoint = {
    nodeId,
    networkId,
    prefixLength: 24,
    dns: null,
    state: 'Attached',
    podId: null,
  } as const;

  // Host side of the pod network: the L2Bridge bridge endpoint (.2), or the overlay source VIP.
  const hostEpIp = hostInPrefix(node.podCidr, 2);
  let hostPodPortId: string | null = null;
  if (flavour === 'l2bridge') {
    const epId = ids.endpoint(node.name, 'cbr0_ep');
    hostPodPortId = port('cbr0_ep', 'host-vnic', 'vEthernet (cbr0_ep)', hostMac, epId);
    endpoints.push({
      ...baseEndpoint,
      id: epId,
      name: 'cbr0_ep',
      role: 'host',
      ipAddress: hostEpIp,
      macAddress: hostMac,
      gatewayAddress: gatewayOf(node.podCidr),
      isRemote: false,
      portId: hostPodPortId,
      policies: [],
      provenance: {
        ...given('documented', REF_L2, 'bridge endpoint in the host compartment'),
        creator: 'node-setup',
      },
    });
  } else {
    endpoints.push({
      ...baseEndpoint,
      id: ids.endpoint(node.name, 'source-vip'),
      name: 'source-vip',
      role: 'source-vip',
      ipAddress: hostEpIp,
      macAddress: hostMac,
      gatewayAddress: null,
      isRemote: false,
      portId: null,
      policies: [{ type: 'PA', hnsType: 'PA', providerAddress: node.ip }],
      state: 'Created',
      provenance: {
        ...given('documented', REF_OVL, 'kube-proxy --source-vip endpoint'),
        creator: 'kube-proxy',
      },
    });
  }

  for (const pod of node.pods) {
    const epId = ids.endpoint(node.name, pod.name);
    const mac = flavour === 'overlay' ? macFromIp('0e2a', pod.ip) : hypervMac(pod.ip);
    const portId = port(pod.name, 'container', `Container NIC ${epId.slice(0, 8)}`, mac, epId);
    const gateway = flavour === 'l2bridge' ? hostEpIp : gatewayOf(node.podCidr);
    endpoints.push({
      ...baseEndpoint,
      id: epId,
      name: `${pod.name}_${networkName}`,
      role: 'pod',
      ipAddress: pod.ip,
      macAddress: mac,
      gatewayAddress: gateway,
      isRemote: false,
      podId: ids.pod(pod.name),
      portId,
      dns: { servers: [spec.dnsServer], search: spec.dnsSearch },
      policies: podPolicies(spec, node, pod, flavour),
      // The CNI plugin flannel delegates to creates the endpoint and its policies.
      provenance: {
        ...given('documented', `${ref}; domain.md §0 fact 4 [S1]`, 'one endpoint per pod'),
        creator: flavour === 'l2bridge' ? 'win-bridge' : 'win-overlay',
      },
    });
    draft.pods.push({
      id: ids.pod(pod.name),
      name: pod.name,
      namespace: pod.name === 'coredns' ? 'kube-system' : 'default',
      nodeId,
      ip: pod.ip,
      endpointIds: [epId],
      routes: [
        { prefix: node.podCidr, endpointId: epId, nextHop: null },
        { prefix: '0.0.0.0/0', endpointId: epId, nextHop: gateway },
      ],
      labels: pod.labels ?? {},
      // The pause container owns the compartment and the endpoint; the app containers join it.
      containers: [
        { name: 'pause', role: 'infra' },
        ...(pod.containers ?? [pod.name]).map((name) => ({ name, role: 'app' as const })),
      ],
      compartmentId: 2 + node.pods.indexOf(pod),
    });
  }

  // Remote endpoints: kube-proxy creates one for every backend that lives on another node.
  const remoteBackends = new Set(
    spec.services.flatMap((s) => s.backends).filter((b) => nodeOfPod(spec, b).name !== node.name),
  );
  for (const b of [...remoteBackends].sort()) {
    const ip = podIp(spec, b);
    const peer = nodeOfPod(spec, b);
    endpoints.push({
      ...baseEndpoint,
      id: ids.endpoint(node.name, `remote:${b}`),
      name: `remote_${ip}`,
      role: 'remote',
      ipAddress: ip,
      macAddress: macFromIp('0211', ip),
      gatewayAddress: null,
      isRemote: true,
      portId: null,
      policies:
        flavour === 'overlay'
          ? [{ type: 'PA', hnsType: 'PA', providerAddress: peer.ip }]
          : [{ type: 'L2Driver', hnsType: 'L2Driver' }],
      state: 'Created',
      provenance: {
        ...given('documented', 'domain.md §2.4 [S4]', `remote endpoint for ${b} on ${peer.name}`),
        creator: 'kube-proxy',
      },
    });
  }

  const loadBalancers = kubeProxyLoadBalancers(spec, node, flavour, networkId, hostEpIp, lbMode);

  const interfaces: HostInterface[] = [
    { name: MGMT_VNIC, kind: 'management-vnic', ips: [node.ip], mac: hostMac, portId: hostPortId },
  ];
  const routes: HostRoute[] = [
    hostRoute(spec.nodeSubnet, null, MGMT_VNIC, 'documented', 'domain.md §2.2 [S11][S12][S13]'),
    hostRoute(
      '0.0.0.0/0',
      spec.gatewayIp,
      MGMT_VNIC,
      'documented',
      'domain.md §2.2 [S11][S12][S13]',
    ),
  ];
  if (flavour === 'l2bridge') {
    interfaces.push({
      name: 'vEthernet (cbr0_ep)',
      kind: 'bridge-endpoint',
      ips: [hostEpIp],
      mac: hostMac,
      portId: hostPodPortId,
    });
    routes.push(hostRoute(node.podCidr, null, 'vEthernet (cbr0_ep)', 'documented', REF_L2));
    for (const p of peers) routes.push(hostRoute(p.podCidr, p.ip, MGMT_VNIC, 'documented', REF_L2));
  } else {
    // HostRoute lets the host reach its own pods; remote pods are not reachable from the host.
    routes.push(
      hostRoute(node.podCidr, null, MGMT_VNIC, 'inferred', `${REF_OVL}; domain.md §7 S8 [S7]`),
    );
  }

  draft.vswitches.push({
    id: vswitchId,
    nodeId,
    name: 'Ethernet',
    kind: 'external',
    externalAdapter: 'Ethernet',
    portIds: ports.map((p) => p.id),
    networkIds: [networkId],
    extensions: ['Microsoft Azure VFP Switch Extension', 'Microsoft Windows Filtering Platform'],
    provenance: given('documented', 'domain.md §0 fact 1 [S11][S17][S18]'),
  });
  const ws2019 = lbMode === 'dsr' || flavour === 'overlay';
  const kubeProxyRef =
    lbMode === 'dsr'
      ? 'domain.md §4 [S3][S4]'
      : ws2019
        ? 'domain.md §2.4, §4.2 [S4][S13]'
        : 'domain.md §3.1, §4.1 [S1][S3]';
  const kubeProxyFlags =
    lbMode === 'dsr'
      ? 'kube-proxy --proxy-mode=kernelspace --enable-dsr'
      : ws2019
        ? `kube-proxy --proxy-mode=kernelspace --feature-gates=WinOverlay=true --source-vip=${hostEpIp} (no --enable-dsr)`
        : 'kube-proxy --proxy-mode=kernelspace (2017: ELB policy lists, no DSR)';
  draft.networks.push(network);
  pushAll(draft.endpoints, endpoints);
  pushAll(draft.ports, ports);
  pushAll(draft.loadBalancers, loadBalancers);
  draft.nodes.push({
    id: nodeId,
    name: node.name,
    // Overlay on Kubernetes needs WS2019 + KB4489899 (domain.md §2.1), DSR needs WS2019 (§4.2);
    // only L2Bridge without DSR is the 1709/1803 design the 2017 post announced.
    os: ws2019 ? 'Windows Server 2019 (10.0.17763)' : 'Windows Server 1803 (10.0.17134)',
    managementIp: node.ip,
    mac: hostMac,
    podCidr: node.podCidr,
    vswitchIds: [vswitchId],
    networkIds: [networkId],
    hostStack: { interfaces, routes, ipForwarding: true },
    winnat: null,
    kubeProxy: {
      mode: 'kernelspace',
      enableDsr: lbMode === 'dsr',
      sourceVip: flavour === 'overlay' ? hostEpIp : null,
      proxies: [],
      provenance: {
        ...given('documented', kubeProxyRef, kubeProxyFlags),
        creator: 'kube-proxy',
      },
    },
    provenance: given('documented', ref),
  });
}

function podPolicies(
  spec: ClusterSpec,
  node: NodeSpec,
  pod: PodSpec,
  flavour: NewFlavour,
): EndpointPolicy[] {
  const policies: EndpointPolicy[] = [
    {
      type: 'OutBoundNAT',
      hnsType: 'OutBoundNAT',
      vip: null,
      // win-bridge also exempts the node subnet (§2.3); win-overlay only the cluster and
      // service CIDRs (§2.4), so a pod reaching another node's IP is SNATed to the node IP.
      exceptions:
        flavour === 'l2bridge'
          ? [spec.clusterCidr, spec.serviceCidr, spec.nodeSubnet]
          : [spec.clusterCidr, spec.serviceCidr],
      destinations: [],
    },
    {
      type: 'ROUTE',
      hnsType: 'ROUTE',
      destinationPrefix: spec.serviceCidr,
      nextHop: null,
      needEncap: true,
    },
  ];
  if (flavour === 'l2bridge') {
    policies.push({
      type: 'ROUTE',
      hnsType: 'ROUTE',
      destinationPrefix: `${node.ip}/32`,
      nextHop: null,
      needEncap: true,
    });
  } else {
    policies.push({ type: 'PA', hnsType: 'PA', providerAddress: node.ip });
    policies.push({ type: 'EncapOverhead', hnsType: 'EncapOverhead', overhead: 50 });
  }
  for (const np of spec.networkPolicies.filter((p) => p.pod === pod.name)) {
    pushAll(policies, aclPolicies(spec, node, np));
  }
  return policies;
}

export function newDraft(spec: ClusterSpec, flavour: NewFlavour, lbMode: LbMode = 'dsr'): Draft {
  const draft = emptyDraft();
  for (const node of spec.nodes) addNewNode(spec, node, flavour, draft, lbMode);
  return draft;
}
