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

/** How sure we are that Windows behaves as modelled. See ../shared/docs/domain.md. */
export type Confidence = 'documented' | 'observed' | 'inferred';

/** Traffic direction as VFP sees it on a port: `out` leaves the vNIC into the switch. */
export type Direction = 'in' | 'out';

export type AddressFamily = 'ipv4' | 'ipv6';

/** IANA protocol numbers, as HNS uses them: 6 TCP, 17 UDP, 1 ICMPv4, 58 ICMPv6. */
export type ProtocolNumber = number;

export const PROTO = { icmp: 1, tcp: 6, udp: 17, icmpv6: 58 } as const;

/** A design a scenario is built in; `null` for a topology read from a dump. */
export type Design = 'new-l2bridge' | 'new-overlay' | 'old-winnat';

export const DESIGNS: readonly Design[] = ['old-winnat', 'new-l2bridge', 'new-overlay'];

/** What made an object: the HNS object or policy behind a VFP rule, a dump line, a scenario. */
export interface Provenance {
  /** The kind of object that produced this one. */
  readonly by:
    | 'scenario'
    | 'dump'
    | 'network'
    | 'network-policy'
    | 'endpoint'
    | 'endpoint-policy'
    | 'load-balancer'
    | 'hns'
    | 'kube-proxy'
    | 'platform';
  /** Id of the producing object (endpoint id, load balancer id, …), when there is one. */
  readonly id: string | null;
  /** Which policy of the producer, e.g. `OutBoundNAT`, `ACL allow-host-to-endpoint`. */
  readonly detail: string | null;
  readonly confidence: Confidence;
  /** Where the behaviour is described: `domain.md §1.5 [S12]`. */
  readonly ref: string | null;
  /** True when hnsviz derived the object from HNS policies instead of reading it. */
  readonly derived: boolean;
}

export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/** A map from id to entity. */
export type Table<T> = Record<string, T>;

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
  readonly rules: Table<VfpRule>;
  readonly externals: Table<External>;
  readonly underlay: Underlay | null;
}

export interface ClusterInfo {
  readonly clusterCidr: string;
  readonly serviceCidr: string;
  readonly dnsServer: string;
  readonly dnsSearch: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Nodes and what lives in the host

export interface Node {
  readonly id: string;
  readonly name: string;
  readonly os: string;
  /** The node IP (on the management host vNIC). */
  readonly managementIp: string | null;
  readonly mac: string | null;
  readonly podCidr: string | null;
  readonly vswitchIds: readonly string[];
  readonly networkIds: readonly string[];
  readonly hostStack: HostStack;
  /** WinNAT instance (old design, nat networks). */
  readonly winnat: WinNat | null;
  readonly kubeProxy: KubeProxy | null;
  readonly provenance: Provenance;
}

/** The host's own TCP/IP stack (compartment 1). */
export interface HostStack {
  readonly interfaces: readonly HostInterface[];
  readonly routes: readonly HostRoute[];
  readonly ipForwarding: boolean;
}

export interface HostInterface {
  /** e.g. `vEthernet (Ethernet)`, `vEthernet (HNS Internal NIC)`, `vEthernet (cbr0_ep)`. */
  readonly name: string;
  readonly kind: 'management-vnic' | 'nat-vnic' | 'bridge-endpoint' | 'source-vip';
  /** First address is the primary; the rest are secondary (service VIPs in the old design). */
  readonly ips: readonly string[];
  readonly mac: string | null;
  /** The vSwitch port this interface is attached to. */
  readonly portId: string | null;
}

export interface HostRoute {
  readonly prefix: string;
  /** Next hop; null when on-link. */
  readonly nextHop: string | null;
  /** Name of a `HostInterface`. */
  readonly interface: string;
  readonly provenance: Provenance;
}

export interface WinNat {
  readonly name: string;
  /** Internal prefix NATed, e.g. the NAT network subnet. */
  readonly internalPrefix: string;
  /** Address the translated packets leave with (the node IP). */
  readonly externalIp: string;
  readonly portPool: PortRange;
  readonly networkId: string;
  readonly provenance: Provenance;
}

export interface KubeProxy {
  /** `userspace` (winuserspace, old design) or `kernelspace` (winkernel, HNS load balancers). */
  readonly mode: 'userspace' | 'kernelspace';
  readonly enableDsr: boolean;
  readonly sourceVip: string | null;
  /** User-space listeners (old design): the proxy accepts and opens a second connection. */
  readonly proxies: readonly UserspaceProxy[];
  readonly provenance: Provenance;
}

export interface UserspaceProxy {
  readonly serviceId: string;
  readonly portName: string;
  /** `0.0.0.0` for a NodePort listener. */
  readonly listenIp: string;
  readonly listenPort: number;
  readonly protocol: ProtocolNumber;
  readonly backends: readonly {
    readonly ip: string;
    readonly port: number;
    readonly podId: string | null;
  }[];
  /** The DNS proxy appends these suffixes to short names (old design, service port named `dns`). */
  readonly dnsSuffixes: readonly string[] | null;
}

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
  /** none = 5-tuple hash per connection; source-ip = ClientIP session affinity. */
  readonly distribution: 'none' | 'source-ip-protocol' | 'source-ip';
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
// VFP: ports → layers → groups → rules

export type PortKind = 'container' | 'host-vnic' | 'external';

export interface Port {
  readonly id: string;
  readonly nodeId: string;
  readonly vswitchId: string;
  readonly kind: PortKind;
  /** VFP port name (a GUID on a real node). */
  readonly name: string;
  /** `Container NIC 1a2b3c4d`, `ExternalPort`, … */
  readonly friendlyName: string;
  readonly mac: string | null;
  readonly endpointId: string | null;
  /** Layers in evaluation order for `out`; `in` walks them backwards. */
  readonly layerIds: readonly string[];
  readonly provenance: Provenance;
}

export interface VfpLayer {
  readonly id: string;
  readonly portId: string;
  readonly name: string;
  readonly priority: number;
  readonly stateful: boolean;
  /** What happens when no rule of the layer matches. */
  readonly defaultAction: 'allow' | 'block';
  readonly groupIds: readonly string[];
  readonly provenance: Provenance;
}

export interface VfpGroup {
  readonly id: string;
  readonly layerId: string;
  readonly portId: string;
  readonly name: string;
  readonly direction: Direction;
  readonly family: AddressFamily;
  readonly priority: number;
  /** `priority`: lowest priority number wins; `lpm`: longest destination prefix wins. */
  readonly matchType: 'priority' | 'lpm';
  readonly ruleIds: readonly string[];
  readonly provenance: Provenance;
}

export type VfpRuleType =
  | 'allow'
  | 'block'
  | 'nat'
  | 'dynnat'
  | 'lbnat'
  | 'encap'
  | 'decap'
  | 'transpose'
  | 'paroute'
  | 'other';

/** Conditions a packet must meet; `null` means "any". Prefixes are CIDRs (a bare IP = /32). */
export interface RuleConditions {
  readonly srcPrefixes: readonly string[] | null;
  readonly dstPrefixes: readonly string[] | null;
  readonly srcPorts: readonly PortRange[] | null;
  readonly dstPorts: readonly PortRange[] | null;
  readonly protocols: readonly ProtocolNumber[] | null;
}

export interface LbBackend {
  readonly ip: string;
  readonly port: number;
  readonly endpointId: string | null;
}

export type RuleAction =
  | { readonly kind: 'allow' }
  | { readonly kind: 'block' }
  /** Load-balancer NAT: pick a backend, rewrite destination IP and port. */
  | {
      readonly kind: 'lbnat';
      readonly loadBalancerId: string;
      readonly backends: readonly LbBackend[];
      readonly distribution: LoadBalancer['distribution'];
      /** Also rewrite the source to this address (non-DSR, ETP=Cluster); null keeps the client IP. */
      readonly snatIp: string | null;
    }
  /** Static NAT of one side. */
  | {
      readonly kind: 'nat';
      readonly side: 'source' | 'destination';
      readonly ip: string;
      readonly port: number | null;
    }
  /** Dynamic source NAT from a port pool (OutBoundNAT). */
  | { readonly kind: 'dynnat'; readonly snatIp: string; readonly portPool: PortRange }
  /** VXLAN encapsulation towards a provider address. */
  | {
      readonly kind: 'encap';
      readonly vni: number;
      readonly outerSrcIp: string;
      readonly outerDstIp: string;
      readonly udpPort: number;
      /** Inner destination MAC (the remote distributed-router MAC). */
      readonly innerDstMac: string | null;
    }
  | { readonly kind: 'decap'; readonly vni: number }
  /** Header rewrite of MACs; `next-hop` means the MAC of the routed next hop. */
  | {
      readonly kind: 'transpose';
      readonly srcMac: string | null;
      // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- documents the sentinel
      readonly dstMac: string | 'next-hop' | null;
    }
  | { readonly kind: 'paroute'; readonly nextHop: string | null }
  | { readonly kind: 'other'; readonly text: string };

export interface VfpRule {
  readonly id: string;
  readonly groupId: string;
  readonly layerId: string;
  readonly portId: string;
  /** The rule name as vfpctrl shows it (`LB_DSR_…`, a GUID, `SNAT_TCP_OUTBOUNDNAT_…`). */
  readonly name: string;
  readonly friendlyName: string | null;
  readonly priority: number;
  readonly type: VfpRuleType;
  readonly terminating: boolean;
  readonly stateful: boolean;
  readonly conditions: RuleConditions;
  readonly action: RuleAction;
  readonly provenance: Provenance;
}

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
  readonly routes: readonly {
    readonly prefix: string;
    readonly via: string;
    readonly note: string;
  }[];
}
