/**
 * What a walk writes down. A trace walks with a `TraceRecorder` (hops, packet snapshots,
 * assumptions); a verdict-only walk (sweeps, benchmarks) with `NO_RECORDER`, which keeps
 * nothing and builds nothing. Walk code states what happened once and never branches on the
 * mode: details that cost strings are passed as a function, called only when recording.
 */
import type { Confidence, Direction } from '../model/types';
import type { HopAction } from './hop-action';
import { clonePacket, toTracePacket, type Pkt } from './packet';
import type { Hop, HopComponent, NearMiss } from './types';

/** Where a hop happens; a call site builds it once and records several hops there. */
export interface HopWhere {
  readonly node: string | null;
  readonly component: HopComponent;
  readonly name: string;
  readonly objectId: string | null;
  readonly direction?: Direction | null;
  readonly verify?: readonly string[];
}

/** What happened; `component`, `name`, `objectId` and `verify` override the `HopWhere`'s. */
export interface HopDetail {
  readonly component?: HopComponent;
  readonly name?: string;
  readonly objectId?: string | null;
  readonly layer?: string | null;
  readonly group?: string | null;
  readonly rule?: string | null;
  readonly ruleId?: string | null;
  /** Whether the rule name was seen on real nodes or made up by hnsviz (`Hop.nameSource`). */
  readonly nameSource?: Hop['nameSource'];
  /** The rule's priority (an ACL's priority for ACL rules). */
  readonly priority?: number | null;
  readonly action: HopAction;
  readonly why?: readonly string[];
  readonly nearMisses?: readonly NearMiss[];
  readonly confidence: Confidence;
  readonly ref?: string | null;
  readonly verify?: readonly string[];
}

export interface HopInput extends HopWhere, HopDetail {
  readonly component: HopComponent;
  readonly name: string;
  readonly objectId: string | null;
}

export interface Recorder {
  /** True when hops are kept (a hop's `why` strings are worth building). */
  readonly on: boolean;
  phase: 'request' | 'reply';
  /** Record a hop at `w`. `before` is a snapshot (`snap`) taken before the packet changed. */
  hop(w: HopWhere, h: HopDetail | (() => HopDetail), before: Pkt, after: Pkt): void;
  /** Record a hop given in one piece. */
  record(h: HopInput | (() => HopInput), before: Pkt, after: Pkt): void;
  /** A copy of `p` for a hop's `before` (the packet itself when not recording). */
  snap(p: Pkt): Pkt;
  /** Note an engine guess (`trace.assumptions`). */
  assume(text: string): void;
}

/** Records nothing: the verdict-only walk. */
export const NO_RECORDER: Recorder = {
  on: false,
  get phase() {
    return 'request' as const;
  },
  set phase(_: 'request' | 'reply') {},
  hop() {},
  record() {},
  snap: (p) => p,
  assume() {},
};

/** Records every hop and assumption of a trace. */
export class TraceRecorder implements Recorder {
  readonly on = true;
  phase: 'request' | 'reply' = 'request';
  readonly hops: Hop[] = [];
  readonly assumptions = new Set<string>();

  hop(w: HopWhere, detail: HopDetail | (() => HopDetail), before: Pkt, after: Pkt): void {
    const h = typeof detail === 'function' ? detail() : detail;
    // Hops are immutable: a hop that changed nothing shares one packet for before and after.
    // Two objects instead of `{ ...where, ...detail }`: V8 builds such spread literals slowly.
    const b = toTracePacket(before);
    this.hops.push({
      phase: this.phase,
      node: w.node,
      component: h.component ?? w.component,
      name: h.name ?? w.name,
      objectId: h.objectId !== undefined ? h.objectId : w.objectId,
      direction: w.direction ?? null,
      layer: h.layer ?? null,
      group: h.group ?? null,
      rule: h.rule ?? null,
      ruleId: h.ruleId ?? null,
      nameSource: h.nameSource ?? null,
      priority: h.priority ?? null,
      action: h.action,
      why: h.why ?? [],
      nearMisses: h.nearMisses ?? [],
      confidence: h.confidence,
      ref: h.ref ?? null,
      before: b,
      after: after === before ? b : toTracePacket(after),
      verify: h.verify ?? w.verify ?? [],
    });
  }

  record(h: HopInput | (() => HopInput), before: Pkt, after: Pkt): void {
    const x = typeof h === 'function' ? h() : h;
    this.hop(x, x, before, after);
  }

  snap(p: Pkt): Pkt {
    return clonePacket(p);
  }

  assume(text: string): void {
    this.assumptions.add(text);
  }
}
