/**
 * The lower zone of a node read from a dump: endpoints with no local port (remote endpoints)
 * and the node's load balancers with their backends, in grids below the vSwitch. Dumps can
 * hold hundreds of each, so the zone grows downwards (and, when a node has few pod columns,
 * sideways) instead of overflowing the node frame; beyond a cap a caption says how many more
 * there are (every object stays in the object list and the inspector).
 */
import type { LoadBalancer, Node, Topology } from '../model/types';
import {
  DEFAULT_MEASURES,
  fontSize,
  type Caption,
  type LayoutItem,
  type Measures,
} from './geometry';
import { compareNatural } from './collate';
import { objectsOn } from './by-node';
import { lbName } from './object-index';
import { endpointChip } from './place-port';
import { line } from './text-fit';

/** At most this many remote endpoints / load balancers are drawn per node. */
export const MAX_DRAWN_REMOTE = 400;
export const MAX_DRAWN_LBS = 120;

const CHIP = { w: 178, h: 54, gapX: 12, gapY: 10 } as const;
const LB = { w: 232, h: 66, gapX: 12, gapY: 10 } as const;
const HEAD = 40;

export interface DumpZone {
  readonly items: readonly LayoutItem[];
  readonly captions: readonly Caption[];
  /** Bottom edge of the zone (world units). */
  readonly bottom: number;
  /** Right edge the zone needs (the node frame widens to it). */
  readonly right: number;
}

/** Columns for `n` chips: fill the width, but widen rather than build a very tall column. */
function columns(n: number, width: number, cellW: number): number {
  const fit = Math.max(1, Math.floor(width / cellW));
  return n <= fit * 2 ? fit : Math.max(fit, Math.ceil(Math.sqrt(n * 2.5)));
}

const plural = (n: number, one: string, many: string): string =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Lay out remote endpoints, then load balancers, from (`x0`, `top`), `width` wide. */
export function dumpZone(
  topology: Topology,
  node: Node,
  remoteIds: readonly string[],
  x0: number,
  top: number,
  width: number,
  m: Measures = DEFAULT_MEASURES,
): DumpZone {
  const t = m.text;
  const chip = { ...CHIP, w: Math.round(CHIP.w * (1 + (t - 1) / 2)), h: Math.round(CHIP.h * t) };
  const lbBox = { ...LB, w: Math.round(LB.w * (1 + (t - 1) / 2)), h: Math.round(LB.h * t) };
  const items: LayoutItem[] = [];
  const captions: Caption[] = [];
  let y = top;
  let right = x0 + width;
  const grid = (n: number, cellW: number, cellH: number, gapX: number, gapY: number) => {
    const cols = columns(n, width, cellW + gapX);
    const rows = Math.ceil(n / cols);
    right = Math.max(right, x0 + cols * (cellW + gapX));
    return {
      at: (i: number) => ({
        x: x0 + (i % cols) * (cellW + gapX),
        y: y + HEAD + Math.floor(i / cols) * (cellH + gapY),
      }),
      height: HEAD * t + rows * (cellH + gapY),
    };
  };

  const remote = remoteIds.flatMap((id) => topology.endpoints[id] ?? []);
  if (remote.length > 0) {
    const shown = remote.slice(0, MAX_DRAWN_REMOTE);
    const more = remote.length - shown.length;
    captions.push(
      caption(
        `${node.id}:remote`,
        x0,
        y + 24 * t,
        `Endpoints with no local port (${remote.length})${more > 0 ? ` — ${plural(more, 'more is', 'more are')} in the object list` : ''}`,
        m,
      ),
    );
    const g = grid(shown.length, chip.w, chip.h, chip.gapX, chip.gapY);
    shown.forEach((ep, i) => {
      const p = g.at(i);
      items.push(endpointChip(topology, ep, p.x, p.y, chip.w, chip.h, m));
    });
    y += g.height + 16;
  }

  const lbs = objectsOn(topology, node.id)
    .loadBalancers.map((lb) => ({ lb, name: lbName(topology, lb.id) }))
    .sort((a, b) => compareNatural(a.name, b.name))
    .map((x) => x.lb);
  if (lbs.length > 0) {
    const shown = lbs.slice(0, MAX_DRAWN_LBS);
    const more = lbs.length - shown.length;
    captions.push(
      caption(
        `${node.id}:lbs`,
        x0,
        y + 24 * t,
        `Load balancers (${lbs.length.toLocaleString('en')})${more > 0 ? ` — ${plural(more, 'more is', 'more are')} in the object list` : ''}`,
        m,
      ),
    );
    const g = grid(shown.length, lbBox.w, lbBox.h, lbBox.gapX, lbBox.gapY);
    shown.forEach((b, i) => {
      const p = g.at(i);
      items.push(lbChip(topology, b, p.x, p.y, lbBox, m));
    });
    y += g.height + 16;
  }
  return { items, captions, bottom: y, right };
}

/** A load balancer: frontend on top, backends (IPs) below. */
function lbChip(
  t: Topology,
  lb: LoadBalancer,
  x: number,
  y: number,
  size: { readonly w: number; readonly h: number },
  m: Measures,
): LayoutItem {
  const k = m.text;
  const name = lbName(t, lb.id);
  const ips = lb.backendEndpointIds.map((id) => t.endpoints[id]?.ipAddress ?? id);
  const backends =
    ips.length === 0
      ? 'no backends'
      : `→ ${ips.slice(0, 3).join(', ')}${ips.length > 3 ? ` +${ips.length - 3}` : ''}`;
  const flags = [lb.flags.dsr ? 'DSR' : null, lb.flags.ilb ? 'ILB' : null, lb.kind]
    .filter((s): s is string => s !== null)
    .join(' · ');
  const derived = lb.provenance.derived;
  return {
    id: lb.id,
    kind: 'load-balancer',
    box: { x, y, w: size.w, h: size.h },
    ariaLabel: `Load balancer ${name}, ${ips.length === 0 ? 'no backends' : `backends ${ips.join(', ')}`}${derived ? ' (derived)' : ''}`,
    name,
    tone: ips.length === 0 ? 'block' : 'lb',
    lines: [
      line(name, 10, 21 * k, fontSize(m, 14), 'label', size.w),
      line(backends, 10, 40 * k, fontSize(m, 13), 'label', size.w),
      line(flags, 10, 58 * k, fontSize(m, 12), 'detail', size.w),
    ],
    radius: 8,
    ...(derived ? { derived } : {}),
  };
}

function caption(id: string, x: number, y: number, text: string, m: Measures): Caption {
  const size = fontSize(m, 18);
  return { id, x, y, line: { text, dx: 0, dy: 0, size, role: 'label', anchor: 'start' } };
}

/** Where the dump zone starts below a node's external port (without one: at `m.lowerY`). */
export function dumpZoneTop(m: Measures = DEFAULT_MEASURES): number {
  return m.lowerY + m.portHead + m.extStackMax + 24;
}
export const DUMP_ZONE_TOP = dumpZoneTop();

/** Pod columns of a dumped node wrap into rows beyond this many. */
export const DUMP_MAX_COLS = 16;
/** Height of one row of pod columns (pod box top to the tallest port stack, plus a gap). */
export function slotRowH(m: Measures = DEFAULT_MEASURES): number {
  return m.portY + m.portHead + m.stackMax + 40 - (m.compY + m.compH - m.podH);
}
export const SLOT_ROW_H = slotRowH();

/**
 * How the pod columns of a node are arranged. Scenarios: one row (positions must not depend on
 * counts). Dumps with many pod-less endpoints: a grid of rows, roughly as wide as tall, and
 * everything from the vSwitch down moves `shift` lower.
 */
export function slotGrid(
  design: Topology['design'],
  n: number,
  m: Measures = DEFAULT_MEASURES,
): { cols: number; rows: number; shift: number } {
  if (design !== null || n <= DUMP_MAX_COLS) return { cols: n, rows: 1, shift: 0 };
  const cols = Math.max(DUMP_MAX_COLS, Math.ceil(Math.sqrt(n * 2.4)));
  const rows = Math.ceil(n / cols);
  return { cols, rows, shift: (rows - 1) * slotRowH(m) };
}
