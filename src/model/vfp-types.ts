/**
 * VFP as the model holds it: vSwitch ports → layers → groups → rules, with the conditions and
 * actions the engine evaluates. Part of the model; `types.ts` re-exports everything here.
 */
import type {
  AddressFamily,
  Direction,
  LbDistribution,
  PortRange,
  ProtocolNumber,
  Provenance,
} from './base-types';

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
  /** The group's own rules (entries of `Topology.rules`). */
  readonly ruleIds: readonly string[];
  /**
   * A rule set (`Topology.ruleSets`) whose rules this group carries too, as if each were an
   * own rule with id `<group id>/<rule name>`. The group's rules are then its own and the
   * set's, ordered by priority, then name. Read them with `rulesOfGroup` (vfp-rules.ts).
   */
  readonly ruleSetId?: string;
  readonly provenance: Provenance;
}

/** Every VFP rule type, `other` last (a type the model does not act on). One list for the parser, schema and engine. */
export const VFP_RULE_TYPES = [
  'allow',
  'block',
  'nat',
  'dynnat',
  'lbnat',
  'encap',
  'decap',
  'transpose',
  'paroute',
  'other',
] as const;

export type VfpRuleType = (typeof VFP_RULE_TYPES)[number];

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
      readonly distribution: LbDistribution;
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
  | {
      readonly kind: 'decap';
      readonly vni: number;
      /** The inner frame's destination MAC after decap: the pod's own MAC (absent: unchanged). */
      readonly innerDstMac?: string | null;
    }
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

/** A rule without the ids that place it on a port: what every group carrying it shares. */
export type VfpRuleBody = Omit<VfpRule, 'id' | 'groupId' | 'layerId' | 'portId'>;

/**
 * Rules that many groups carry unchanged (the LB_DSR rules of every pod port on a network),
 * held once: 300 ports × 5,000 load balancers are 5,000 bodies, not 1.5M rule objects.
 * The id is the id of the first group that carries the set.
 */
export interface VfpRuleSet {
  readonly id: string;
  /** In evaluation order (priority, then name); names are unique within the set. */
  readonly rules: readonly VfpRuleBody[];
}
