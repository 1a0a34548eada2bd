/**
 * The state of one trace run: compiled topology, seed, stateful flow tables (VFP flows,
 * WinNAT sessions, kube-proxy connections), recorded hops and assumptions.
 */
import type { CompiledTopology } from './compile';
import type { Pkt } from './packet';
import { NO_RECORDER, type Recorder } from './recorder';
import type { Choice } from './choices';

/** The tuple a flow restores on the reverse path, and the rule that created it. */
export interface FlowEntry {
  readonly src: number;
  readonly dst: number;
  readonly sport: number;
  readonly dport: number;
  readonly rule: string;
  readonly ruleId: string | null;
  /** Where the rule's name comes from (`Hop.nameSource`); null for host-side flows. */
  readonly nameSource: 'seen' | 'model' | null;
  readonly layer: string | null;
  /**
   * For kube-proxy flows: the client connection's proxy listener. For a port's flow that no
   * stateful rule made: the direction its connection crossed the port (`in` / `out`).
   */
  readonly note: string;
}

export interface WalkCtx {
  readonly c: CompiledTopology;
  readonly seed: number;
  /** Hops and assumptions of a trace; `NO_RECORDER` in verdict-only (sweep) mode. */
  readonly rec: Recorder;
  phase: 'request' | 'reply';
  /**
   * Flows, keyed by scope (a port id, `winnat:<node>`, `kp:<node>`) and 5-tuple. A trace
   * makes a handful, so parallel arrays scanned by number beat building string keys.
   */
  readonly flowScopes: string[];
  /** 5 numbers per flow: proto, src, sport, dst, dport. */
  readonly flowTuples: number[];
  readonly flowEntries: FlowEntry[];
  /** Tuple → port that owns a NAT flow (the vSwitch steers replies there). */
  readonly ownerTuples: number[];
  readonly ownerPorts: string[];
  /** Next hop chosen by a paroute rule, consumed by a MAC transpose. */
  nextHop: number | null;
  /** Counter for ephemeral ports the host opens (kube-proxy second connection). */
  ephemeral: number;
  /** Set by rule selection: a dynnat rule failed on the protocol of an ICMP packet. */
  icmpVsDynnat: boolean;
  /**
   * The node the request last left by its uplink. Where the underlay is not modelled (a
   * dump), a reply coming back from beyond the wire re-enters this node.
   */
  leftNodeId: string | null;
  /**
   * The node whose host stack received the request from the vSwitch with one of its own
   * addresses as source (a pod's connection SNATed to the node IP): its reply loops back.
   */
  selfSourcedAt: string | null;
  /** Hash-based choices, logged for the reachability matrix (null: not logged). */
  readonly choices: Choice[] | null;
}

export function createCtx(
  c: CompiledTopology,
  seed: number,
  rec: Recorder = NO_RECORDER,
  logChoices = false,
): WalkCtx {
  return {
    c,
    seed,
    rec,
    phase: 'request',
    flowScopes: [],
    flowTuples: [],
    flowEntries: [],
    ownerTuples: [],
    ownerPorts: [],
    nextHop: null,
    ephemeral: 0,
    icmpVsDynnat: false,
    leftNodeId: null,
    selfSourcedAt: null,
    choices: logChoices ? [] : null,
  };
}

// Same as comparing the numbers' string forms (the former `tupleKey`), NaN included.
const eq = (a: number, b: number) => a === b || (a !== a && b !== b);

function find(ts: readonly number[], at: number, k: readonly number[]): boolean {
  return (
    eq(ts[at]!, k[0]!) &&
    eq(ts[at + 1]!, k[1]!) &&
    eq(ts[at + 2]!, k[2]!) &&
    eq(ts[at + 3]!, k[3]!) &&
    eq(ts[at + 4]!, k[4]!)
  );
}

const key: number[] = [0, 0, 0, 0, 0];
function keyOf(proto: number, src: number, sport: number, dst: number, dport: number): number[] {
  key[0] = proto;
  key[1] = src;
  key[2] = sport;
  key[3] = dst;
  key[4] = dport;
  return key;
}

function flowIndex(ctx: WalkCtx, scope: string, k: readonly number[]): number {
  for (let i = 0; i < ctx.flowScopes.length; i++)
    if (ctx.flowScopes[i] === scope && find(ctx.flowTuples, i * 5, k)) return i;
  return -1;
}

/** The flow of `scope` whose tuple is `p`'s, if any. */
export function getFlow(ctx: WalkCtx, scope: string, p: Pkt): FlowEntry | undefined {
  if (ctx.flowScopes.length === 0) return undefined;
  const i = flowIndex(ctx, scope, keyOf(p.proto, p.src, p.sport, p.dst, p.dport));
  return i < 0 ? undefined : ctx.flowEntries[i];
}

/** Rewrite `p` to the tuple its flow records (the flow's inverse rewrite, or an undone hairpin SNAT). */
export function adoptFlowTuple(p: Pkt, flow: FlowEntry): void {
  p.src = flow.src;
  p.dst = flow.dst;
  p.sport = flow.sport;
  p.dport = flow.dport;
}

/** Create (or replace) the flow of `scope` for the reply of `p`: the tuple with ends swapped. */
export function setReplyFlow(ctx: WalkCtx, scope: string, p: Pkt, e: FlowEntry): void {
  const k = keyOf(p.proto, p.dst, p.dport, p.src, p.sport);
  const i = flowIndex(ctx, scope, k);
  if (i >= 0) {
    ctx.flowEntries[i] = e;
    return;
  }
  ctx.flowScopes.push(scope);
  ctx.flowTuples.push(k[0]!, k[1]!, k[2]!, k[3]!, k[4]!);
  ctx.flowEntries.push(e);
}

/** The port that owns a NAT flow for `p`'s tuple, if any. */
export function getOwner(ctx: WalkCtx, p: Pkt): string | undefined {
  const n = ctx.ownerPorts.length;
  if (n === 0) return undefined;
  const k = keyOf(p.proto, p.src, p.sport, p.dst, p.dport);
  for (let i = 0; i < n; i++) if (find(ctx.ownerTuples, i * 5, k)) return ctx.ownerPorts[i];
  return undefined;
}

/** Record `portId` as the owner of the reply tuple of `p`. */
export function setReplyOwner(ctx: WalkCtx, p: Pkt, portId: string): void {
  const k = keyOf(p.proto, p.dst, p.dport, p.src, p.sport);
  for (let i = 0; i < ctx.ownerPorts.length; i++)
    if (find(ctx.ownerTuples, i * 5, k)) {
      ctx.ownerPorts[i] = portId;
      return;
    }
  ctx.ownerTuples.push(k[0]!, k[1]!, k[2]!, k[3]!, k[4]!);
  ctx.ownerPorts.push(portId);
}

/** Switch the walk to the reply leg. */
export function toReply(ctx: WalkCtx): void {
  ctx.phase = 'reply';
  ctx.rec.phase = 'reply';
}
