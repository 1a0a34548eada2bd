/**
 * The visible event list of a trace at a verbosity level (pure, memoised per trace).
 * `hops`: one event per place the packet visits (a port visit with four layers is one event);
 * `layers`: one event per engine hop (every layer that acts); `rules`: the same events as
 * `layers`, shown with the rules that were considered and missed.
 */
import { isEndAction } from '../engine/hop-action';
import type { Hop, Trace, TracePacket } from '../engine/types';

/** How much of a trace is listed: hops only, layers too, or every rule. */
export const VERBOSITIES = ['hops', 'layers', 'rules'] as const;
export type Verbosity = (typeof VERBOSITIES)[number];

/** Header fields the header card compares. */
export type PacketField =
  'srcIp' | 'srcPort' | 'dstIp' | 'dstPort' | 'proto' | 'srcMac' | 'dstMac' | 'outer';

export const PACKET_FIELDS: readonly PacketField[] = [
  'srcIp',
  'srcPort',
  'dstIp',
  'dstPort',
  'proto',
  'srcMac',
  'dstMac',
  'outer',
];

/** One row of the event list. */
export interface TraceEvent {
  readonly index: number;
  /** Range of `trace.hops` this event covers (inclusive). */
  readonly hopStart: number;
  readonly hopEnd: number;
  /** The hop that decided (drop/deliver, then a rewrite, then a rule, else the first). */
  readonly hop: Hop;
  readonly hops: readonly Hop[];
  readonly before: TracePacket;
  readonly after: TracePacket;
  readonly changed: readonly PacketField[];
}

const sameOuter = (a: TracePacket['outer'], b: TracePacket['outer']): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.srcIp === b.srcIp &&
    a.dstIp === b.dstIp &&
    a.dstPort === b.dstPort &&
    a.vni === b.vni &&
    a.proto === b.proto);

/** Fields that differ between two packets, in header order. */
export function changedFields(before: TracePacket, after: TracePacket): PacketField[] {
  return PACKET_FIELDS.filter((f) =>
    f === 'outer' ? !sameOuter(before.outer, after.outer) : before[f] !== after[f],
  );
}

const placeKey = (h: Hop): string =>
  `${h.phase}|${h.component}|${h.objectId ?? h.name}|${h.direction ?? ''}`;

function actingHop(hops: readonly Hop[]): Hop {
  const final = hops.find((h) => isEndAction(h.action));
  const rewrite = hops.find((h) => changedFields(h.before, h.after).length > 0);
  const ruled = hops.find((h) => h.rule !== null);
  return final ?? rewrite ?? ruled ?? (hops[0] as Hop);
}

function makeEvent(index: number, hops: readonly Hop[], hopStart: number): TraceEvent {
  const first = hops[0] as Hop;
  const last = hops[hops.length - 1] as Hop;
  return {
    index,
    hopStart,
    hopEnd: hopStart + hops.length - 1,
    hop: actingHop(hops),
    hops,
    before: first.before,
    after: last.after,
    changed: changedFields(first.before, last.after),
  };
}

function build(trace: Trace, verbosity: Verbosity): readonly TraceEvent[] {
  const out: TraceEvent[] = [];
  if (verbosity !== 'hops') {
    trace.hops.forEach((h, i) => out.push(makeEvent(i, [h], i)));
    return out;
  }
  let start = 0;
  for (let i = 1; i <= trace.hops.length; i++) {
    const h = trace.hops[i];
    const prev = trace.hops[i - 1] as Hop;
    if (h && placeKey(h) === placeKey(prev)) continue;
    out.push(makeEvent(out.length, trace.hops.slice(start, i), start));
    start = i;
  }
  return out;
}

const NONE: readonly TraceEvent[] = Object.freeze([]);
const cache = new WeakMap<Trace, Partial<Record<Verbosity, readonly TraceEvent[]>>>();

/** The events of `trace` at `verbosity` (same array for the same inputs). */
export function traceEvents(trace: Trace | null, verbosity: Verbosity): readonly TraceEvent[] {
  if (!trace) return NONE;
  let entry = cache.get(trace);
  if (!entry) {
    entry = {};
    cache.set(trace, entry);
  }
  return (entry[verbosity] ??= Object.freeze(build(trace, verbosity)));
}

/** The event at `to` verbosity that contains the last hop of event `step` at `from`. */
export function mapStep(trace: Trace | null, step: number, from: Verbosity, to: Verbosity): number {
  if (!trace || step < 0) return step;
  const ev = traceEvents(trace, from)[step];
  if (!ev) return -1;
  const target = traceEvents(trace, to);
  return target.findIndex((e) => e.hopStart <= ev.hopEnd && ev.hopEnd <= e.hopEnd);
}
