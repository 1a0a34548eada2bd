/**
 * A node and what lives in its host: the TCP/IP stack (compartment 1), WinNAT and kube-proxy.
 * Part of the model; `types.ts` re-exports everything here.
 */
import type { PortRange, ProtocolNumber, Provenance } from './base-types';

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
