/** A synthetic single node: N pod endpoints on an L2Bridge network and M DSR ClusterIP load balancers. */
import { programVfp } from '../src/model/program-vfp';
import type { Endpoint, LoadBalancer, Pod, Port, Provenance, Topology } from '../src/model/types';

const prov: Provenance = {
  by: 'scenario',
  id: null,
  detail: 'bench',
  confidence: 'inferred',
  ref: null,
  derived: false,
};

/** The node with VFP programmed (what a dump without vfpctrl output becomes). */
export function syntheticTopology(endpoints: number, lbs: number): Topology {
  return programVfp(syntheticDraft(endpoints, lbs));
}

/** The node before `programVfp`: HNS objects only, no layers. */
export function syntheticDraft(endpoints: number, lbs: number): Topology {
  const eps: Record<string, Endpoint> = {};
  const ports: Record<string, Port> = {};
  const pods: Record<string, Pod> = {};
  for (let i = 0; i < endpoints; i++) {
    const ip = `10.244.${1 + (i >> 8)}.${i & 255}`;
    const id = `ep${i}`;
    eps[id] = {
      id,
      name: id,
      nodeId: 'n',
      networkId: 'net',
      role: 'pod',
      ipAddress: ip,
      prefixLength: 16,
      macAddress: `00:15:5d:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`,
      gatewayAddress: '10.244.0.1',
      isRemote: false,
      podId: `p${i}`,
      portId: `port${i}`,
      dns: null,
      state: null,
      provenance: prov,
      policies: [
        {
          type: 'OutBoundNAT',
          hnsType: 'OutBoundNAT',
          vip: null,
          exceptions: ['10.244.0.0/16', '10.96.0.0/12'],
          destinations: [],
        },
      ],
    };
    ports[`port${i}`] = {
      id: `port${i}`,
      nodeId: 'n',
      vswitchId: 'vs',
      kind: 'container',
      name: `port${i}`,
      friendlyName: `Container NIC ${i}`,
      mac: null,
      endpointId: id,
      layerIds: [],
      provenance: prov,
    };
    pods[`p${i}`] = {
      id: `p${i}`,
      name: `p${i}`,
      namespace: 'default',
      nodeId: 'n',
      ip,
      endpointIds: [id],
      routes: [{ prefix: '0.0.0.0/0', endpointId: id, nextHop: null }],
      labels: {},
    };
  }
  ports.ext = {
    id: 'ext',
    nodeId: 'n',
    vswitchId: 'vs',
    kind: 'external',
    name: 'ext',
    friendlyName: 'ExternalPort',
    mac: null,
    endpointId: null,
    layerIds: [],
    provenance: prov,
  };
  const loadBalancers: Record<string, LoadBalancer> = {};
  for (let j = 0; j < lbs; j++) {
    const id = `lb${j}`;
    loadBalancers[id] = {
      id,
      nodeId: 'n',
      networkId: 'net',
      kind: 'clusterip',
      frontendVips: [`10.96.${j >> 8}.${j & 255}`],
      protocol: 6,
      internalPort: 8080,
      externalPort: 80,
      backendEndpointIds: [`ep${j % endpoints}`, `ep${(j * 7 + 3) % endpoints}`],
      sourceVip: null,
      flags: {
        dsr: true,
        ilb: false,
        localRoutedVip: false,
        ipv6: false,
        preserveDip: false,
        useMux: false,
      },
      distribution: 'none',
      serviceId: null,
      provenance: prov,
    };
  }
  const t: Topology = {
    format: 'hnsviz.model/1',
    id: 'bench',
    title: 'bench',
    design: 'new-l2bridge',
    cluster: null,
    nodeIds: ['n'],
    nodes: {
      n: {
        id: 'n',
        name: 'n',
        os: 'bench',
        managementIp: '10.0.0.4',
        mac: '00:15:5d:ff:ff:ff',
        podCidr: '10.244.0.0/16',
        vswitchIds: ['vs'],
        networkIds: ['net'],
        hostStack: { interfaces: [], routes: [], ipForwarding: true },
        winnat: null,
        kubeProxy: null,
        provenance: prov,
      },
    },
    vswitches: {
      vs: {
        id: 'vs',
        nodeId: 'n',
        name: 'vs',
        kind: 'external',
        externalAdapter: 'Ethernet',
        portIds: Object.keys(ports),
        networkIds: ['net'],
        extensions: [],
        provenance: prov,
      },
    },
    networks: {
      net: {
        id: 'net',
        nodeId: 'n',
        vswitchId: 'vs',
        name: 'cbr0',
        type: 'l2bridge',
        subnets: [{ addressPrefix: '10.244.0.0/16', gatewayAddress: '10.244.0.1', vsid: null }],
        managementIp: '10.0.0.4',
        networkAdapterName: 'Ethernet',
        drMac: null,
        dnsSuffix: null,
        policies: [],
        provenance: prov,
      },
    },
    endpoints: eps,
    pods,
    services: {},
    loadBalancers,
    ports,
    layers: {},
    groups: {},
    rules: {},
    externals: {},
    underlay: null,
  };
  return t;
}
