/**
 * Public types of the packet-flow engine: requests, packets, hops and traces.
 * The JSON form of a `Trace` is the CLI's `hnsviz.trace/1` document.
 */
import type { Confidence, Direction } from '../model/types';
import type { HopAction } from './hop-action';

export type { HopAction } from './hop-action';

/** Outer (VXLAN) header of an encapsulated packet. */
export interface OuterHeader {
  readonly srcIp: string;
  readonly dstIp: string;
  readonly proto: number;
  readonly dstPort: number;
  readonly vni: number;
}

/** A packet as the trace shows it. Ports are 0 for ICMP. */
export interface TracePacket {
  readonly srcIp: string;
  readonly srcPort: number;
  readonly dstIp: string;
  readonly dstPort: number;
  readonly proto: number;
  readonly srcMac: string | null;
  readonly dstMac: string | null;
  readonly outer: OuterHeader | null;
}

export type HopComponent =
  'port' | 'vswitch' | 'host-stack' | 'winnat' | 'kube-proxy' | 'wire' | 'external';

/** A rule that was considered but did not match, and the first field that failed. */
export interface NearMiss {
  readonly rule: string;
  readonly field: string;
  readonly expected: string;
  readonly actual: string;
}

/** One step of a trace: where, what decided, what changed. */
export interface Hop {
  readonly phase: 'request' | 'reply';
  readonly node: string | null;
  readonly component: HopComponent;
  /** Port friendly name, vSwitch name, `host`, `WinNAT`, … */
  readonly name: string;
  /** Model id of the object (port id, node id, …) for the UI to highlight. */
  readonly objectId: string | null;
  readonly direction: Direction | null;
  readonly layer: string | null;
  readonly group: string | null;
  readonly rule: string | null;
  readonly ruleId: string | null;
  /**
   * Where the rule's name comes from: `seen` — a name real nodes show (read from a dump, or
   * built from a template in Microsoft's own tooling, domain.md §1.5); `model` — a name hnsviz
   * made up for a rule whose real name no source gives (`OUTBOUNDNAT_EXCEPTION_*`, `ENCAP_*`, …).
   * Null when the hop has no rule.
   */
  readonly nameSource: 'seen' | 'model' | null;
  /**
   * The deciding rule's priority within its group (lowest number wins). For ACL rules this is
   * the ACL policy's priority, which decides allow vs block. Null when no rule decided.
   */
  readonly priority: number | null;
  /** What happened: `allow`, `lbnat`, `dynnat`, `encap`, `forward`, `deliver`, `drop`, … */
  readonly action: HopAction;
  /** The fields that decided (matched conditions, route, flow). */
  readonly why: readonly string[];
  readonly nearMisses: readonly NearMiss[];
  readonly confidence: Confidence;
  readonly ref: string | null;
  readonly before: TracePacket;
  readonly after: TracePacket;
  /** How to check this on a real node. */
  readonly verify: readonly string[];
}

/**
 * Who received the packet. `wire`: the packet left a node by its uplink towards something the
 * topology does not hold (a dump has one node and no underlay): the trace ends there, `ip` is
 * the address it left towards (the peer's PA for VXLAN, the routed next hop, or the
 * destination) and `name` says so (`PA 10.0.0.5 (peer node not in the dump)`).
 */
export interface DeliveredTo {
  readonly kind: 'pod' | 'host' | 'external' | 'kube-proxy' | 'wire';
  readonly name: string;
  readonly ip: string;
}

/** The end of one leg (request or reply). */
export interface LegResult {
  readonly phase: 'request' | 'reply';
  readonly verdict: 'delivered' | 'dropped';
  readonly reason: string;
  readonly deliveredTo: DeliveredTo | null;
  readonly final: TracePacket;
}

/** A complete trace (request, and its reply when asked). */
export interface Trace {
  readonly format: 'hnsviz.trace/1';
  readonly topology: string;
  readonly request: {
    readonly from: string;
    readonly to: string;
    readonly proto: 'tcp' | 'udp' | 'icmp';
    readonly srcPort: number;
    readonly reply: boolean;
    readonly seed: number;
  };
  /** The overall result: the reply leg's when a reply was traced, else the request's. */
  readonly verdict: 'delivered' | 'dropped';
  readonly reason: string;
  readonly deliveredTo: DeliveredTo | null;
  readonly hops: readonly Hop[];
  readonly final: TracePacket;
  readonly legs: readonly LegResult[];
  /** What the engine assumed where the model lacks information. */
  readonly assumptions: readonly string[];
}

/** What to trace. `from`/`to` accept pod names, IPs, node names, external names, `ip:port`, `service:port`. */
export interface TraceRequest {
  readonly from: string;
  readonly to: string;
  readonly proto?: 'tcp' | 'udp' | 'icmp';
  readonly srcPort?: number;
  readonly reply?: boolean;
  /** Seed for backend choice and NAT pool ports (default 1). */
  readonly seed?: number;
}

/** A bad trace request (unknown name, malformed address); `argument` names the bad one. */
export class TraceInputError extends Error {
  readonly code = 'E_BAD_ARGUMENT';
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
    this.name = 'TraceInputError';
  }
}
