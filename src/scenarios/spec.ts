/**
 * The declarative description of a cluster that every built-in design is built from.
 * One description, three designs: the builders turn it into HNS objects the way the
 * old (two endpoints, WinNAT, user-space proxy) or new (one endpoint, VFP) stack would.
 */
import type { ProtocolNumber } from '../model/types';

export interface PodSpec {
  readonly name: string;
  readonly ip: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** Address of the pod's NIC on the node-local NAT network (old design only). */
  readonly natIp: string;
  /** App containers (default: one named after the pod); the new designs add the pause container. */
  readonly containers?: readonly string[];
}

export interface NodeSpec {
  readonly name: string;
  readonly ip: string;
  readonly mac: string;
  readonly podCidr: string;
  /** Host-local NAT network of the old design (WinNAT). */
  readonly natCidr: string;
  readonly pods: readonly PodSpec[];
}

export interface ServicePortSpec {
  readonly name: string;
  readonly port: number;
  readonly targetPort: number;
  readonly protocol: ProtocolNumber;
  readonly nodePort?: number;
}

export interface ServiceSpec {
  readonly name: string;
  readonly namespace: string;
  readonly clusterIp: string;
  readonly ports: readonly ServicePortSpec[];
  readonly externalIps?: readonly string[];
  /** Backend pod names. */
  readonly backends: readonly string[];
}

/** A NetworkPolicy reduced to what the reference cluster needs: ingress allow-lists. */
export interface NetworkPolicySpec {
  readonly name: string;
  /** The pod the policy selects. */
  readonly pod: string;
  readonly ingress: readonly {
    readonly fromPods: readonly string[];
    readonly port: number;
    readonly protocol: ProtocolNumber;
  }[];
}

export interface ExternalSpec {
  readonly name: string;
  readonly kind: 'internet-server' | 'external-client';
  readonly ip: string;
  readonly listens: readonly { readonly protocol: ProtocolNumber; readonly port: number }[];
}

export interface ClusterSpec {
  readonly clusterCidr: string;
  readonly serviceCidr: string;
  readonly nodeSubnet: string;
  readonly gatewayIp: string;
  /** The default gateway's MAC (`Underlay.gatewayMac`); leave it out where it is not known. */
  readonly gatewayMac?: string;
  readonly dnsServer: string;
  readonly dnsSearch: readonly string[];
  readonly vni: number;
  readonly nodes: readonly NodeSpec[];
  readonly services: readonly ServiceSpec[];
  /** externalIP → node name the underlay routes it to. */
  readonly externalIpRoutes: Readonly<Record<string, string>>;
  readonly networkPolicies: readonly NetworkPolicySpec[];
  readonly externals: readonly ExternalSpec[];
}

/** The network flavour of a new-design cluster. */
export type NewFlavour = 'l2bridge' | 'overlay';

/**
 * How kube-proxy winkernel load-balances: `dsr` (WS2019, `--enable-dsr`: LB_DSR on every pod
 * port, client IP kept) or `non-dsr` (1709/1803 as the 2017 post announced it: ELB policy
 * lists without DSR; the endpoint's ROUTE NeedEncap steers service traffic to the host port,
 * where the load balancer DNATs and SNATs to the node IP).
 */
export type LbMode = 'dsr' | 'non-dsr';
