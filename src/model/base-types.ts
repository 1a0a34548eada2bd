/**
 * The primitives every part of the model shares (confidence, provenance, protocols, designs,
 * port ranges). A leaf: it imports nothing, so `types.ts`, `host-types.ts` and `vfp-types.ts`
 * can all use it without importing each other. `types.ts` re-exports everything here.
 */

/** How sure we are that Windows behaves as modelled. See ../shared/docs/domain.md. */
export type Confidence = 'documented' | 'observed' | 'inferred';

/** Traffic direction as VFP sees it on a port: `out` leaves the vNIC into the switch. */
export type Direction = 'in' | 'out';

export type AddressFamily = 'ipv4' | 'ipv6';

/** IANA protocol numbers, as HNS uses them: 6 TCP, 17 UDP, 1 ICMPv4, 58 ICMPv6. */
export type ProtocolNumber = number;

export const PROTO = { icmp: 1, tcp: 6, udp: 17, icmpv6: 58 } as const;

/**
 * A design a scenario is built in; `null` for a topology read from a dump. `old-winnat`:
 * WS2016, two endpoints per pod; `new-2017`: 1709/1803, one endpoint, kernel load balancing
 * without DSR; `new-l2bridge` / `new-overlay`: WS2019 with DSR; `new-overlay-nodsr`: WS2019 on
 * Overlay without DSR (kube-proxy `--source-vip`, load balancing on the host port).
 */
export type Design =
  'new-l2bridge' | 'new-overlay' | 'old-winnat' | 'new-2017' | 'new-overlay-nodsr';

export const DESIGNS: readonly Design[] = [
  'old-winnat',
  'new-2017',
  'new-l2bridge',
  'new-overlay',
  'new-overlay-nodsr',
];

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
  /**
   * Who creates the object (or the HNS object behind a derived one) on a real node: the CNI
   * plugin for endpoints and their policies, kube-proxy for load balancers, … Absent: unknown.
   */
  readonly creator?: Creator;
  /**
   * A derived VFP object's name: `seen` when real nodes show it (a template from Microsoft's
   * tooling, domain.md §1.5), `model` when hnsviz made it up. Absent: read from a dump (seen).
   */
  readonly nameSource?: 'seen' | 'model';
  /** What the derivation had to assume; the engine adds it to a trace that uses the object. */
  readonly assumption?: string;
}

/**
 * Who creates HNS objects on a node: the CNI plugins (`win-bridge`, `win-overlay`; flannel
 * delegates to them and creates the network itself), kube-proxy (load balancers, remote and
 * source-VIP endpoints), Docker / the kubelet (the old design), HNS itself, node setup scripts.
 */
export type Creator =
  | 'win-bridge'
  | 'win-overlay'
  | 'flannel'
  | 'kube-proxy'
  | 'calico'
  | 'docker'
  | 'kubelet'
  | 'hns'
  | 'node-setup';

export const CREATORS: readonly Creator[] = [
  'win-bridge',
  'win-overlay',
  'flannel',
  'kube-proxy',
  'calico',
  'docker',
  'kubelet',
  'hns',
  'node-setup',
];

export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/** A map from id to entity. */
export type Table<T> = Record<string, T>;

/** How a load balancer spreads connections: none = 5-tuple hash; source-ip = ClientIP affinity. */
export type LbDistribution = 'none' | 'source-ip-protocol' | 'source-ip';
