/**
 * The state of one trace run: compiled topology, seed, stateful flow tables (VFP flows,
 * WinNAT sessions, kube-proxy connections), recorded hops and assumptions.
 */
import type { Confidence, Direction } from '../model/types';
import type { CompiledTopology } from './compile';
import { clonePacket, toTracePacket, type Pkt } from './packet';
import type { Hop, HopComponent, NearMiss } from './types';

/** The tuple a flow restores on the reverse path, and the rule that created it. */
export interface FlowEntry {
  readonly src: number;
  readonly dst: number;
  readonly sport: number;
  readonly dport: number;
  readonly rule: string;
  readonly ruleId: string | null;
  readonly layer: string | null;
  /** For kube-proxy flows: the client connection's proxy listener. */
  readonly note: string;
}

export interface WalkCtx {
  readonly c: CompiledTopology;
  readonly seed: number;
  /** Null in fast (sweep) mode: nothing is recorded. */
  readonly hops: Hop[] | null;
  phase: 'request' | 'reply';
  /** `<scope>|<tuple>` → flow. Scopes: a port id, `winnat:<node>`, `kp:<node>`. */
  readonly flows: Map<string, FlowEntry>;
  /** Tuple → port that owns a NAT flow (the vSwitch steers replies there). */
  readonly owners: Map<string, string>;
  readonly assumptions: Set<string>;
  /** Next hop chosen by a paroute rule, consumed by a MAC transpose. */
  nextHop: number | null;
  /** Counter for ephemeral ports the host opens (kube-proxy second connection). */
  ephemeral: number;
}

export function createCtx(c: CompiledTopology, seed: number, record: boolean): WalkCtx {
  return {
    c,
    seed,
    hops: record ? [] : null,
    phase: 'request',
    flows: new Map(),
    owners: new Map(),
    assumptions: new Set(),
    nextHop: null,
    ephemeral: 0,
  };
}

export interface HopInput {
  readonly node: string | null;
  readonly component: HopComponent;
  readonly name: string;
  readonly objectId: string | null;
  readonly direction?: Direction | null;
  readonly layer?: string | null;
  readonly group?: string | null;
  readonly rule?: string | null;
  readonly ruleId?: string | null;
  readonly action: string;
  readonly why?: readonly string[];
  readonly nearMisses?: readonly NearMiss[];
  readonly confidence: Confidence;
  readonly ref?: string | null;
  readonly verify?: readonly string[];
}

/** Record a hop (no-op in fast mode). `before` is a snapshot taken by the caller. */
export function record(ctx: WalkCtx, h: HopInput, before: Pkt, after: Pkt): void {
  if (!ctx.hops) return;
  ctx.hops.push({
    phase: ctx.phase,
    node: h.node,
    component: h.component,
    name: h.name,
    objectId: h.objectId,
    direction: h.direction ?? null,
    layer: h.layer ?? null,
    group: h.group ?? null,
    rule: h.rule ?? null,
    ruleId: h.ruleId ?? null,
    action: h.action,
    why: h.why ?? [],
    nearMisses: h.nearMisses ?? [],
    confidence: h.confidence,
    ref: h.ref ?? null,
    before: toTracePacket(before),
    after: toTracePacket(after),
    verify: h.verify ?? [],
  });
}

/** Snapshot for a hop's `before` (cheap no-op in fast mode). */
export function snap(ctx: WalkCtx, p: Pkt): Pkt {
  return ctx.hops ? clonePacket(p) : p;
}

export function assume(ctx: WalkCtx, text: string): void {
  ctx.assumptions.add(text);
}
