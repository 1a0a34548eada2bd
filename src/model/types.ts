/**
 * The hnsviz domain model: plain, serialisable, normalised data.
 *
 * One `Topology` holds every object of a cluster (or of one node read from a dump) in
 * `Record<id, entity>` tables. Parents keep ordered id lists of their children
 * (`Port.layerIds`, `VfpLayer.groupIds`, …), so drawing and evaluation order never depend
 * on object key order. No classes, Maps or functions: a topology crosses the worker
 * boundary with `postMessage` as it is.
 *
 * Names follow Microsoft's terms; see `glossary.md` beside this file.
 * Addresses are strings (`10.244.1.10`, `10.244.0.0/16`); the engine indexes them as numbers.
 */

// ---------------------------------------------------------------------------------------------
// Primitives (in base-types.ts)

export { PROTO, DESIGNS, CREATORS } from './base-types';
export type {
  Confidence,
  Direction,
  AddressFamily,
  ProtocolNumber,
  Design,
  Provenance,
  Creator,
  PortRange,
  Table,
  LbDistribution,
} from './base-types';
import type {
  Design,
  Direction,
  LbDistribution,
  PortRange,
  ProtocolNumber,
  Provenance,
  Table,
} from './base-types';

export interface Topology {
  readonly format: 'hnsviz.model/1';
  readonly id: string;
  readonly title: string;
  readonly design: Design | null;
  readonly cluster: ClusterInfo | null;
  /** Display order of nodes. */
  readonly nodeIds: readonly string[];
  readonly nodes: Table<Node>;
  readonly vswitches: Table<VSwitch>;
  readonly networks: Table<Network>;
  readonly endpoints: Table<Endpoint>;
  readonly pods: Table<Pod>;
  readonly services: Table<Service>;
  readonly loadBalancers: Table<LoadBalancer>;
  readonly ports: Table<Port>;
  readonly layers: Table<VfpLayer>;
  readonly groups: Table<VfpGroup>;
  /** Rules with their own entry; a group's shared rules are in `ruleSets` (see `vfp-rules.ts`). */
  readonly rules: Table<VfpRule>;
  /**
   * Rule lists that many groups carry unchanged (every pod port's LB_DSR rules), stored once.
   * Absent when no group shares rules. Read a group's rules with `rulesOfGroup` (vfp-rules.ts).
   */
  readonly ruleSets?: Table<VfpRuleSet>;
  readonly externals: Table<External>;
  readonly underlay: Underlay | null;
}

/** The topology's id-keyed tables, in the order `Topology` declares them. */
export const TOPOLOGY_TABLES = [
  'nodes',
  'vswitches',
  'networks',
  'endpoints',
  'pods',
  'services',
  'loadBalancers',
  'ports',
  'layers',
  'groups',
  'rules',
  'ruleSets',
  'externals',
] as const satisfies readonly (keyof Topology)[];
export type TopologyTable = (typeof TOPOLOGY_TABLES)[number];

export interface ClusterInfo {
  readonly clusterCidr: string;
  readonly serviceCidr: string;
  readonly dnsServer: string;
  readonly dnsSearch: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Nodes and what lives in the host (in host-types.ts)

export type {
  Node,
  HostStack,
  HostInterface,
  HostRoute,
  WinNat,
  KubeProxy,
  UserspaceProxy,
} from './host-types';
import type { Node } from './host-types';

// ---------------------------------------------------------------------------------------------
// vSwitch, HNS networks, endpoints

export interface VSwitch {
  readonly id: string;
  readonly nodeId: string;
  readonly name: string;
  readonly kind: 'internal' | 'external' | 'private';
  /** The physical adapter an external switch is bound to. */
  readonly externalAdapter: string | null;
  readonly portIds: readonly string[];
  readonly networkIds: readonly string[];
  readonly extensions: readonly string[];
  readonly provenance: Provenance;
}

export type NetworkType =
  | 'nat'
  | 'ics'
  | 'transparent'
  | 'l2bridge'
  | 'l2tunnel'
  | 'overlay'
  | 'private'
  | 'internal'
  | 'unknown';

export interface Subnet {
  readonly addressPrefix: string;
  readonly gatewayAddress: string | null;
  /** VSID (VXLAN VNI) of an overlay subnet. */
  readonly vsid: number | null;
}

export interface Network {
  readonly id: string;
  readonly nodeId: string;
  readonly vswitchId: string | null;
  readonly name: string;
  readonly type: NetworkType;
  readonly subnets: readonly Subnet[];
  readonly managementIp: string | null;
  readonly networkAdapterName: string | null;
  /** Distributed router MAC (overlay). */
  readonly drMac: string | null;
  readonly dnsSuffix: string | null;
  readonly policies: readonly NetworkPolicy[];
  readonly provenance: Provenance;
}

export type NetworkPolicy =
  | {
      readonly type: 'RemoteSubnetRoute';
      readonly destinationPrefix: string;
      readonly isolationId: number;
      readonly providerAddress: string;
      readonly drMac: string | null;
    }
  | { readonly type: 'HostRoute' }
  | { readonly type: 'VxlanPort'; readonly port: number }
  | { readonly type: 'Other'; readonly name: string; readonly raw: unknown };

export type EndpointRole = 'pod' | 'host' | 'remote' | 'source-vip' | 'other';

export interface Endpoint {
  readonly id: string;
  readonly name: string;
  readonly nodeId: string;
  readonly networkId: string;
  readonly role: EndpointRole;
  readonly ipAddress: string | null;
  readonly prefixLength: number | null;
  readonly macAddress: string | null;
  readonly gatewayAddress: string | null;
  /** An endpoint HNS keeps for a pod on another node: no local port. */
  readonly isRemote: boolean;
  /** The pod this endpoint belongs to; null for host, remote and other endpoints. */
  readonly podId: string | null;
  /** The vSwitch port (VFP port); null for remote endpoints. */
  readonly portId: string | null;
  readonly dns: { readonly servers: readonly string[]; readonly search: readonly string[] } | null;
  readonly policies: readonly EndpointPolicy[];
  /** HNS endpoint state as text (Created, Attached, …), when known. */
  readonly state: string | null;
  readonly provenance: Provenance;
}

export type AclAction = 'allow' | 'block' | 'pass';

/**
 * Endpoint policies, with v1 and v2 names folded into one discriminant.
 * `hnsType` keeps the name the source used (`NAT` vs `PortMapping`, `SDNRoute` vs `ROUTE`).
 */
export type EndpointPolicy =
  | {
      readonly type: 'OutBoundNAT';
      readonly hnsType: string;
      readonly vip: string | null;
      readonly exceptions: readonly string[];
      readonly destinations: readonly string[];
    }
  | {
      readonly type: 'ROUTE';
      readonly hnsType: string;
      readonly destinationPrefix: string;
      readonly nextHop: string | null;
      readonly needEncap: boolean;
    }
  | { readonly type: 'PA'; readonly hnsType: string; readonly providerAddress: string }
  | {
      readonly type: 'ACL';
      readonly hnsType: string;
      readonly id: string;
      readonly action: AclAction;
      readonly direction: Direction;
      readonly priority: number;
      /** Empty = any protocol (HNS "256"). */
      readonly protocols: readonly ProtocolNumber[];
      readonly localAddresses: readonly string[];
      readonly remoteAddresses: readonly string[];
      readonly localPorts: readonly PortRange[];
      readonly remotePorts: readonly PortRange[];
      /** `switch` = VFP port rule, `host` = WFP host firewall. */
      readonly ruleType: 'switch' | 'host';
    }
  | {
      readonly type: 'PortMapping';
      readonly hnsType: string;
      readonly protocol: ProtocolNumber;
      readonly internalPort: number;
      readonly externalPort: number;
      readonly vip: string | null;
    }
  | { readonly type: 'L2Driver'; readonly hnsType: string }
  | { readonly type: 'EncapOverhead'; readonly hnsType: string; readonly overhead: number }
  | { readonly type: 'Other'; readonly hnsType: string; readonly raw: unknown };

export type LoadBalancerKind = 'clusterip' | 'nodeport' | 'externalip' | 'unknown';

/** An HNS load balancer (v1 ELB policy list / v2 HostComputeLoadBalancer), one per frontend and port. */
export interface LoadBalancer {
  readonly id: string;
  readonly nodeId: string;
  readonly networkId: string | null;
  readonly kind: LoadBalancerKind;
  /** Empty for a NodePort: "all node IPs". */
  readonly frontendVips: readonly string[];
  readonly protocol: ProtocolNumber;
  readonly internalPort: number;
  readonly externalPort: number;
  readonly backendEndpointIds: readonly string[];
  readonly sourceVip: string | null;
  readonly flags: LoadBalancerFlags;
  readonly distribution: LbDistribution;
  readonly serviceId: string | null;
  readonly provenance: Provenance;
}

export interface LoadBalancerFlags {
  readonly dsr: boolean;
  readonly ilb: boolean;
  readonly localRoutedVip: boolean;
  readonly ipv6: boolean;
  readonly preserveDip: boolean;
  readonly useMux: boolean;
}

// ---------------------------------------------------------------------------------------------
// VFP: ports → layers → groups → rules (in vfp-types.ts)

export type {
  PortKind,
  Port,
  VfpLayer,
  VfpGroup,
  VfpRuleType,
  RuleConditions,
  LbBackend,
  RuleAction,
  VfpRule,
  VfpRuleBody,
  VfpRuleSet,
} from './vfp-types';
import type { Port, VfpGroup, VfpLayer, VfpRule, VfpRuleSet } from './vfp-types';

// ---------------------------------------------------------------------------------------------
// Kubernetes objects and the world outside

export interface Pod {
  readonly id: string;
  readonly name: string;
  readonly namespace: string;
  readonly nodeId: string;
  /** The pod IP Kubernetes reports (the cluster endpoint's IP). */
  readonly ip: string;
  /** One in the new design, two (NAT + cluster) in the old. */
  readonly endpointIds: readonly string[];
  /** The pod compartment's routing table: which endpoint a destination leaves by. */
  readonly routes: readonly PodRoute[];
  readonly labels: Readonly<Record<string, string>>;
  /**
   * The pod's containers, when known. From 1709 the infra (pause) container owns the network
   * compartment and the pod's endpoint; the app containers join it and share both. WS2016 had
   * one container per pod (domain.md §2.2, §3.1, §3.3 [S1][S18]). Absent for dumps.
   */
  readonly containers?: readonly PodContainer[];
  /** The network compartment (Windows network namespace) the pod's containers share. */
  readonly compartmentId?: number | null;
}

export interface PodContainer {
  readonly name: string;
  /** `infra`: the pause container holding the compartment and endpoint; `app`: joins it. */
  readonly role: 'infra' | 'app';
}

export interface PodRoute {
  readonly prefix: string;
  readonly endpointId: string;
  readonly nextHop: string | null;
}

export interface ServicePort {
  readonly name: string;
  readonly port: number;
  readonly targetPort: number;
  readonly protocol: ProtocolNumber;
  readonly nodePort: number | null;
}

export interface Service {
  readonly id: string;
  readonly name: string;
  readonly namespace: string;
  readonly clusterIp: string;
  readonly ports: readonly ServicePort[];
  readonly externalIps: readonly string[];
  readonly backendPodIds: readonly string[];
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  readonly sessionAffinity: 'None' | 'ClientIP';
}

export interface External {
  readonly id: string;
  readonly name: string;
  readonly kind: 'internet-server' | 'external-client';
  readonly ip: string;
  readonly listens: readonly { readonly protocol: ProtocolNumber; readonly port: number }[];
}

/** The physical network between nodes: routes (UDRs / host-gw) and the way out. */
export interface Underlay {
  readonly subnet: string;
  readonly gatewayIp: string;
  /**
   * The default gateway's (upstream router's) MAC, when known: frames sent to the gateway or
   * beyond the node subnet are addressed to it, and frames from beyond it arrive from it.
   * Absent or null: those frames show the MAC as unknown and the trace says so.
   */
  readonly gatewayMac?: string | null;
  readonly routes: readonly {
    readonly prefix: string;
    readonly via: string;
    readonly note: string;
  }[];
}
