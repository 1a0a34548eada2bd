/**
 * Layout of one node. Top to bottom: the compartments (host stack on the left, one slot per
 * pod), their endpoints (vNICs), the ports with their VFP layer stacks, the vSwitch bar(s)
 * with the HNS networks, then the external adapter port and remote endpoints.
 *
 * IMPORTANT: every position depends only on the node's origin, fixed measurements and the
 * pod's rank by name — never on endpoint, port or layer counts — so switching designs keeps
 * each pod in place.
 */
import type { Node, Pod, Port, Topology } from '../model/types';
import {
  DEFAULT_MEASURES,
  fontSize,
  type Box,
  type Caption,
  type LayoutItem,
  type LinkLine,
  type Measures,
  type TextLine,
  type TextRole,
} from './geometry';
import { dumpZone, dumpZoneTop, slotGrid, slotRowH } from './layout-dump';
import { remoteChips, remoteIds } from './layout-remote';
import { hostSideItems } from './layout-host';
import { barsOf } from './layout-vswitch';
import { endpointChip, placePort } from './place-port';
import { nodeSlots } from './slots';
import { objectsOn } from './by-node';
import { centred, fitSize, line } from './text-fit';
import { pushAll } from '../shared/arrays';

/** Items, links and the anchor for the uplink wire of one node. */
export interface NodeLayout {
  readonly frame: Box;
  readonly items: readonly LayoutItem[];
  readonly links: readonly LinkLine[];
  readonly captions: readonly Caption[];
  /** Bottom-centre of the node's way out (external port or vSwitch bar). */
  readonly uplink: readonly [number, number];
}

/** Width of a node with `slotCount` pod columns. */
export function nodeWidth(slotCount: number, m: Measures = DEFAULT_MEASURES): number {
  return m.pad * 3 + m.hostW + Math.max(slotCount, 1) * m.slotW;
}

/** Lay out `node` with its top-left corner at (x0, y0). */
export function layoutNode(
  topology: Topology,
  node: Node,
  x0: number,
  y0: number,
  m: Measures = DEFAULT_MEASURES,
): NodeLayout {
  const steps = layoutNodeSteps(topology, node, x0, y0, m);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/** Slots (pods or pod-less endpoints, with their ports) placed between two pauses. */
export const LAYOUT_STEP = 250;

/** `layoutNode` in steps: pauses (yields) after every `LAYOUT_STEP` slots. */
export function* layoutNodeSteps(
  topology: Topology,
  node: Node,
  x0: number,
  y0: number,
  m: Measures = DEFAULT_MEASURES,
): Generator<void, NodeLayout> {
  const slots = nodeSlots(topology, node);
  // Pauses between the long parts before the first slot too: on a node of 20,000 endpoints,
  // ordering 5,000 slots, ordering 15,000 remote endpoints and placing their chips took one
  // task of ~75 ms together.
  yield;
  // Many pod-less endpoints (dumps): rows of columns; the vSwitch and below move `shift` down.
  const grid = slotGrid(topology.design, slots.length, m);
  const shift = grid.shift;
  const baseW = nodeWidth(grid.cols, m);
  const ext = objectsOn(topology, node.id)
    .ports.filter((p) => p.kind === 'external')
    .sort((a, b) => a.name.localeCompare(b.name));
  // Dumps: remote endpoints and load balancers in grids below, growing the frame (layout-dump.ts).
  const remoteOrder = topology.design === null ? remoteIds(topology, node, slots) : [];
  if (remoteOrder.length > 0) yield;
  const zone =
    topology.design === null
      ? dumpZone(
          topology,
          node,
          remoteOrder,
          // Right of the host column: the uplink wire runs down below the host stack.
          x0 + m.pad * 2 + m.hostW + 10,
          y0 + shift + (ext.length > 0 ? dumpZoneTop(m) : m.lowerY),
          baseW - m.pad * 3 - m.hostW - 10,
          m,
        )
      : null;
  const frame = {
    x: x0,
    y: y0,
    w: zone ? Math.max(baseW, zone.right + m.pad - x0) : baseW,
    h: zone ? Math.max(m.nodeH + shift, zone.bottom + m.pad - y0) : m.nodeH,
  };
  if (zone) yield;
  const items: LayoutItem[] = [nodeFrame(node, frame, m)];
  const links: LinkLine[] = [];

  const bars = barsOf(topology, node, { ...frame, y: frame.y + shift }, m);
  pushAll(items, bars.items);
  const barY = (vswitchId: string): number => bars.y.get(vswitchId) ?? y0 + shift + m.bar1Y;

  /** `gutterX`: ports of upper rows reach the bar through the gap right of their column. */
  const addPort = (
    port: Port,
    x: number,
    w: number,
    top: number,
    stackMax: number,
    gutterX: number | null = null,
  ): void => {
    const placed = placePort(topology, port, x, top, w, stackMax, m);
    pushAll(items, placed.items);
    const cx = x + w / 2;
    const bar = barY(port.vswitchId);
    const turn = placed.bottom + 8;
    links.push(
      gutterX === null
        ? link(`${port.id}>bar`, [cx, placed.bottom], [cx, bar], port.kind, true)
        : {
            id: `${port.id}>bar`,
            points: [
              [cx, placed.bottom],
              [cx, turn],
              [gutterX, turn],
              [gutterX, bar],
            ],
            tone: port.kind,
            dotAtEnd: true,
          },
    );
  };

  const host = hostSideItems(
    topology,
    node,
    {
      x: x0 + m.pad,
      y: y0 + m.compY,
      w: m.hostW,
      h: m.compH,
    },
    m,
  );
  pushAll(items, host.items);
  host.ports.forEach((hp) => {
    const ep = hp.endpoint;
    const top = y0 + (ep ? m.epY : m.portY);
    links.push(
      link(
        `${hp.port.id}>host`,
        [hp.x + hp.w / 2, y0 + m.compY + m.compH],
        [hp.x + hp.w / 2, top],
        'host',
        false,
      ),
    );
    if (ep) {
      items.push(endpointChip(topology, ep, hp.x, y0 + m.epY, hp.w, m.epH, m));
      links.push(vertical(`${ep.id}>port`, hp.x + hp.w / 2, y0 + m.epY + m.epH, y0 + m.portY));
    }
    addPort(hp.port, hp.x, hp.w, y0 + m.portY, m.stackMax);
  });

  const yTop = y0;
  for (let i = 0; i < slots.length; i++) {
    if (i > 0 && i % LAYOUT_STEP === 0) yield;
    const slot = slots[i]!;
    const row = Math.floor(i / Math.max(grid.cols, 1));
    const sx = x0 + m.pad * 2 + m.hostW + (i - row * grid.cols) * m.slotW + 10;
    const sw = m.slotW - 20;
    const y0 = yTop + row * slotRowH(m); // this row's origin (row 0: the node's)
    const gutter = row < grid.rows - 1 ? sx + sw + 10 : null;
    const pod = slot.podId ? topology.pods[slot.podId] : undefined;
    // A pod whose containers are known fills its compartment: the card lists them.
    const podH = pod?.containers?.length ? m.compH : m.podH;
    const podBox = { x: sx, y: y0 + m.compY + m.compH - podH, w: sw, h: podH };
    if (pod) items.push(podItem(pod, node.name, podBox, m));
    const eps = slot.endpointIds.flatMap((id) => topology.endpoints[id] ?? []);
    const gap = 10;
    const cw = (sw - gap * (eps.length - 1)) / Math.max(eps.length, 1);
    eps.forEach((ep, j) => {
      const ex = sx + j * (cw + gap);
      const cx = ex + cw / 2;
      if (pod) links.push(vertical(`${ep.id}>pod`, cx, podBox.y + podBox.h, y0 + m.epY));
      items.push(endpointChip(topology, ep, ex, y0 + m.epY, cw, m.epH, m));
      const port = ep.portId ? topology.ports[ep.portId] : undefined;
      if (!port) return;
      links.push(vertical(`${ep.id}>port`, cx, y0 + m.epY + m.epH, y0 + m.portY));
      addPort(port, ex, cw, y0 + m.portY, m.stackMax, gutter);
    });
  }

  const lowerY = y0 + shift + m.lowerY;
  let uplink: readonly [number, number] = [x0 + m.pad + m.hostW / 2, y0 + shift + m.bar1Y + m.barH];
  ext.forEach((port, i) => {
    const w = Math.round(240 + 240 * (m.text - 1));
    const x = x0 + m.pad + 20 + i * (w + 16);
    const placed = placePort(topology, port, x, lowerY, w, m.extStackMax, m);
    pushAll(items, placed.items);
    links.push(
      link(
        `${port.id}>bar`,
        [x + w / 2, lowerY],
        [x + w / 2, barY(port.vswitchId) + m.barH],
        'external',
        true,
      ),
    );
    if (i === 0) uplink = [x + w / 2, placed.bottom];
  });

  const captions: Caption[] = [];
  if (ext.length > 0) {
    captions.push(caption(`${node.id}:ext`, x0 + m.pad + 20, lowerY - 14, 'Physical NIC', m));
  }
  if (zone) {
    pushAll(items, zone.items);
    pushAll(captions, zone.captions);
    return { frame, items, links, captions, uplink };
  }
  const remote = remoteChips(topology, node, slots, x0, y0, frame.w, m);
  pushAll(items, remote);
  if (remote.length > 0) {
    captions.push(
      caption(
        `${node.id}:remote`,
        x0 + m.pad * 2 + m.hostW + 10,
        y0 + m.lowerY + 18 * m.text,
        'Endpoints with no local port',
        m,
      ),
    );
  }
  return { frame, items, links, captions, uplink };
}

function nodeFrame(node: Node, box: Box, m: Measures): LayoutItem {
  // Titles are big already: they grow half as much as the rest of the text.
  const titleSize = fontSize(m, 42) === 42 ? 42 : Math.round(42 * (1 + (m.text - 1) / 2));
  const sub = [node.managementIp, node.podCidr ? `pods ${node.podCidr}` : null]
    .filter((s): s is string => !!s)
    .join('  ·  ');
  return {
    id: node.id,
    kind: 'node',
    box,
    ariaLabel: `Node ${node.name}${node.managementIp ? `, ${node.managementIp}` : ''}`,
    name: node.name,
    tone: 'node',
    lines: [
      line(node.name, 26, m.header - 24, titleSize, 'title', box.w),
      line(
        sub,
        56 + titleWidth(node.name, titleSize),
        m.header - 26,
        fontSize(m, 22),
        'label',
        box.w,
      ),
      ...farLines(node.name, node.managementIp, box),
    ],
    radius: 18,
  };
}

/**
 * The node's name and address as big as its frame allows: what a cluster of many nodes shows
 * when zoomed out too far to read anything else (the renderer's far level).
 */
function farLines(name: string, ip: string | null, box: Box): TextLine[] {
  const size = fitSize(name, FAR_MAX, 26, 'far', box.w, 0);
  const lines = [centred(name, box.w, box.h * 0.45, size, 'far')];
  if (ip) lines.push(centred(ip, box.w, box.h * 0.45 + size * 1.1, size * 0.6, 'far'));
  return lines;
}

/** The far level starts below 1/4 scale: 220 world units are 11 px or more on screen there. */
const FAR_MAX = 220;

function podItem(pod: Pod, nodeName: string, box: Box, m: Measures): LayoutItem {
  const t = m.text;
  const { id, name, ip } = pod;
  const lines = [
    centred(
      name,
      box.w,
      42 + 6 * (t - 1),
      podSize(name, 32, 1 + (t - 1) / 2, 'title', box.w),
      'title',
    ),
    centred(ip, box.w, 76 + 18 * (t - 1), podSize(ip, 22, t, 'label', box.w), 'label'),
  ];
  // Small lines shrink to fit the card (down to 12), then ellipsize.
  const small = (text: string, dy: number, base: number) =>
    centred(text, box.w, dy, fitSize(text, fontSize(m, base), 12, 'detail', box.w, 4), 'detail');
  const share = containerShare(pod);
  if (share) {
    // The compartment, one line per container (the infra one marked), then what they share:
    // from 1709 one endpoint and compartment for all; WS2016 one container per pod
    // (domain.md §2.2, §3.3).
    const step = Math.round(fontSize(m, 14) * 1.15);
    const top = 76 + 18 * (t - 1) + Math.round(step * 1.3);
    const summaryY = box.h - 34 * t;
    const room = Math.max(1, Math.floor((summaryY - step * 0.9 - top) / step) + 1);
    const rows = [share.compartment, ...share.rows];
    const shown = rows.length > room ? rows.slice(0, room - 1) : rows;
    if (shown.length < rows.length) shown.push(`+${rows.length - shown.length} more`);
    shown.forEach((row, i) => lines.push(small(row, top + i * step, 14)));
    lines.push(small(share.summary, summaryY, 15));
    // Overview zoom hides the small lines: one bigger line says it at a glance.
    share.glance.forEach((g, i) => {
      const size = fitSize(g, fontSize(m, 22), 12, 'overview', box.w, 4);
      lines.push(centred(g, box.w, top + step * 1.5 + i * fontSize(m, 22) * 1.3, size, 'overview'));
    });
  }
  lines.push(small(`namespace ${pod.namespace}`, box.h - 14 * t, 15));
  return {
    id,
    kind: 'pod',
    box,
    ariaLabel: `Pod ${name}, ${ip}, on ${nodeName}${share ? `; ${share.spoken}` : ''}`,
    name,
    tone: 'pod',
    lines,
    radius: 14,
  };
}

/** How a pod's containers share its network: lines to draw and a spoken form. */
function containerShare(pod: Pod): {
  compartment: string;
  rows: string[];
  summary: string;
  glance: string[];
  spoken: string;
} | null {
  const cs = pod.containers ?? [];
  if (cs.length === 0) return null;
  const eps = pod.endpointIds.length;
  const comp =
    pod.compartmentId !== null && pod.compartmentId !== undefined
      ? `compartment ${pod.compartmentId}`
      : 'one compartment';
  const epText = `${eps} endpoint${eps === 1 ? '' : 's'}`;
  const rows = cs.map((c) => `▣ ${c.name}${c.role === 'infra' ? ' (infra)' : ''}`);
  if (cs.length === 1)
    return {
      compartment: comp,
      rows,
      summary: `1 container · ${epText}`,
      glance: ['1 container', epText],
      spoken: `one container (${cs[0]!.name}) with ${epText}, ${comp}`,
    };
  return {
    compartment: comp,
    rows,
    summary: `${cs.length} share ${epText}`,
    glance: [`${cs.length} containers`, `share ${epText}`],
    spoken: `containers ${cs.map((c) => c.name).join(', ')} share ${epText} and ${comp}`,
  };
}

/** Width of a node name in the title font (capitals run wider: `WIN-NODE-A`). */
function titleWidth(name: string, size: number): number {
  let em = 0;
  for (const c of name) em += c >= 'A' && c <= 'Z' ? 0.76 : 0.6;
  return Math.round(em * size);
}

/** Pod names and IPs: scaled, but no bigger than the pod box is wide (never below `size`). */
function podSize(text: string, size: number, scale: number, role: TextRole, w: number): number {
  return scale === 1 ? size : fitSize(text, Math.round(size * scale), size, role, w, 4);
}

function caption(id: string, x: number, y: number, text: string, m: Measures): Caption {
  const size = fontSize(m, 18);
  return { id, x, y, line: { text, dx: 0, dy: 0, size, role: 'label', anchor: 'start' } };
}

function vertical(id: string, x: number, y1: number, y2: number): LinkLine {
  return link(id, [x, y1], [x, y2], 'neutral', false);
}

function link(
  id: string,
  a: readonly [number, number],
  b: readonly [number, number],
  tone: string,
  dot: boolean,
): LinkLine {
  return { id, points: [a, b], tone, dotAtEnd: dot };
}
