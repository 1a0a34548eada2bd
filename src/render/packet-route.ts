/**
 * Where the packet stops for each event of a trace, and the path between stops (pure geometry).
 * Ports and acting layers are stops; vSwitch and wire stops sit on their bar between the
 * neighbouring stops, so the packet drops to the bar, slides along it and climbs to the next port.
 */
import { centre, syntheticId, type Box, type TopologyLayout } from '../layout/geometry';
import type { Hop } from '../engine/types';
import type { TraceEvent } from '../view-model/trace-events';

export type Point = readonly [number, number];

/** One stop of the packet: where, and which drawn objects light up there. */
export interface Stop {
  readonly x: number;
  readonly y: number;
  /** The drawn object the packet is at (a layer, port, vSwitch …). */
  readonly drawnId: string | null;
  readonly lit: readonly string[];
}

export interface Route {
  readonly stops: readonly Stop[];
  /** `paths[i]`: the polyline from stop i-1 to stop i (`paths[0]` is the single first point). */
  readonly paths: readonly (readonly Point[])[];
}

const nodeId = (h: Hop): string | null =>
  h.objectId?.startsWith('node:') ? h.objectId : h.node ? `node:${h.node}` : null;

/** The id of the drawn object a hop happens at (null when nothing drawn matches). */
export function drawnIdFor(hop: Hop, layout: TopologyLayout): string | null {
  const has = (id: string | null): id is string => id !== null && id in layout.byId;
  const n = nodeId(hop);
  const candidates: (string | null)[] = [];
  if (hop.component === 'port' && hop.objectId && hop.layer)
    candidates.push(`${hop.objectId}/${hop.layer}`);
  if (hop.component === 'host-stack' && n) candidates.push(syntheticId.hostStack(n));
  if (hop.component === 'winnat' && n) candidates.push(syntheticId.winnat(n));
  if (hop.component === 'kube-proxy' && n) candidates.push(syntheticId.kubeProxy(n));
  if (hop.component === 'wire') candidates.push(wireOf(hop, layout), syntheticId.underlay);
  if (hop.component === 'external' && hop.objectId) candidates.push(hop.objectId);
  candidates.push(hop.objectId, n);
  return candidates.find(has) ?? null;
}

/**
 * The underlay wire a hop's node hangs off (its row's, when nodes are drawn in rows); a hop
 * outside every node (an external host) is on the wire the external hosts hang off.
 */
function wireOf(hop: Hop, layout: TopologyLayout): string {
  const w = layout.wires;
  if (!w) return syntheticId.underlay;
  return (hop.node !== null ? w.byNode[hop.node] : w.externals) ?? syntheticId.underlay;
}

function anchor(hop: Hop, box: Box, kind: string): Point {
  const [cx, cy] = centre(box);
  // A port without a layer: the packet sits in the port's header strip.
  if (kind === 'port') return [cx, box.y + Math.min(17, box.h / 2)];
  return [cx, cy];
}

function stopFor(ev: TraceEvent, layout: TopologyLayout): Stop & { kind: string } {
  const id = drawnIdFor(ev.hop, layout);
  const item = id ? layout.byId[id] : undefined;
  const [x, y] = item ? anchor(ev.hop, item.box, item.kind) : [layout.width / 2, layout.height / 2];
  const lit = new Set<string>();
  for (const h of ev.hops) {
    const d = drawnIdFor(h, layout);
    if (d && (h.rule !== null || h === ev.hop)) lit.add(d);
    if (h.ruleId) lit.add(h.ruleId);
  }
  if (id) lit.add(id);
  return { x, y, drawnId: id, lit: [...lit], kind: item?.kind ?? '' };
}

/** A bar stop (vSwitch, wire): centred between its neighbours, kept on the bar. */
function onBar(
  s: Stop,
  box: Box | undefined,
  prev: Stop | undefined,
  next: Stop | undefined,
): Stop {
  if (!box) return s;
  const xs = [prev?.x, next?.x].filter((v): v is number => v !== undefined);
  const mid = xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : s.x;
  const x = Math.max(box.x + 12, Math.min(box.x + box.w - 12, mid));
  return { ...s, x };
}

/**
 * From a stop on one row's wire to a stop hanging off another row's wire: along the wire to the
 * bus, along the bus to the other row's wire, along it, then up to the stop.
 */
function viaBus(from: Stop, to: Stop, toWire: Box, busX: number): Point[] {
  const y = toWire.y + toWire.h / 2;
  return [
    [from.x, from.y],
    [busX, from.y],
    [busX, y],
    [to.x, y],
    [to.x, to.y],
  ];
}

/** Orthogonal path: down first when descending, along first when climbing. */
export function elbow(a: Point, b: Point): Point[] {
  if (a[0] === b[0] || a[1] === b[1]) return [a, b];
  return b[1] > a[1] ? [a, [a[0], b[1]], b] : [a, [b[0], a[1]], b];
}

/** Stops and paths for `events` on `layout`. */
export function buildRoute(events: readonly TraceEvent[], layout: TopologyLayout): Route {
  const raw = events.map((e) => stopFor(e, layout));
  // Where a wire stop's next stop hangs off a wire of another row, the packet takes the bus.
  const busTo = raw.map((s, i) => {
    const next = events[i + 1];
    if (s.kind !== 'wire' || !layout.wires || !next) return undefined;
    const other = wireOf(next.hop, layout);
    return other !== s.drawnId ? layout.byId[other]?.box : undefined;
  });
  const stops = raw.map((s, i) => {
    const bar = s.kind === 'vswitch' || s.kind === 'wire';
    // Bound for another row: drop straight down to this row's wire.
    const next = busTo[i] ? undefined : raw[i + 1];
    return bar
      ? onBar(s, s.drawnId ? layout.byId[s.drawnId]?.box : undefined, raw[i - 1], next)
      : s;
  });
  const clean: Stop[] = stops.map(({ x, y, drawnId, lit }) => ({ x, y, drawnId, lit }));
  const paths = clean.map((s, i) => {
    const prev = clean[i - 1];
    const wire = busTo[i - 1];
    if (prev && wire && layout.wires) return viaBus(prev, s, wire, layout.wires.busX);
    return prev ? elbow([prev.x, prev.y], [s.x, s.y]) : [[s.x, s.y] as Point];
  });
  return { stops: clean, paths };
}

/** Length of a polyline. */
export function pathLength(path: readonly Point[]): number {
  let len = 0;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1] as Point;
    const b = path[i] as Point;
    len += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  return len;
}

/** The point at fraction `t` (0..1) of a polyline's length. */
export function pointAt(path: readonly Point[], t: number): Point {
  const first = path[0] ?? ([0, 0] as Point);
  const total = pathLength(path);
  if (total === 0 || t <= 0) return first;
  let left = Math.min(1, t) * total;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1] as Point;
    const b = path[i] as Point;
    const seg = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (left <= seg && seg > 0)
      return [a[0] + ((b[0] - a[0]) * left) / seg, a[1] + ((b[1] - a[1]) * left) / seg];
    left -= seg;
  }
  return path[path.length - 1] ?? first;
}
