/**
 * Layout of one node. Top to bottom: the compartments (host stack on the left, one slot per
 * pod), their endpoints (vNICs), the ports with their VFP layer stacks, the vSwitch bar(s)
 * with the HNS networks, then the external adapter port and remote endpoints.
 *
 * IMPORTANT: every position depends only on the node's origin, fixed measurements and the
 * pod's rank by name — never on endpoint, port or layer counts — so switching designs keeps
 * each pod in place.
 */
import type { Endpoint, Node, Port, Topology } from '../model/types';
import { M, type Box, type Caption, type LayoutItem, type LinkLine } from './geometry';
import { DUMP_ZONE_TOP, dumpZone, SLOT_ROW_H, slotGrid } from './layout-dump';
import { remoteChips, remoteIds } from './layout-remote';
import { hostSideItems } from './layout-host';
import { barsOf } from './layout-vswitch';
import { endpointChip, placePort } from './place-port';
import { centred, line } from './text-fit';

/** What lives in one pod column. Keyed by pod name (or endpoint name for pod-less ports). */
export interface Slot {
  readonly key: string;
  readonly podId: string | null;
  readonly endpointIds: readonly string[];
}

/** Items, links and the anchor for the uplink wire of one node. */
export interface NodeLayout {
  readonly frame: Box;
  readonly items: readonly LayoutItem[];
  readonly links: readonly LinkLine[];
  readonly captions: readonly Caption[];
  /** Bottom-centre of the node's way out (external port or vSwitch bar). */
  readonly uplink: readonly [number, number];
}

/** Pod columns of a node: its pods by name, then pod-less container endpoints (dumps). */
export function nodeSlots(topology: Topology, node: Node): Slot[] {
  const pods = Object.values(topology.pods)
    .filter((p) => p.nodeId === node.id)
    .sort((a, b) => a.name.localeCompare(b.name));
  const slots: Slot[] = pods.map((p) => ({ key: p.name, podId: p.id, endpointIds: p.endpointIds }));
  const loose = Object.values(topology.endpoints)
    .filter(
      (e) =>
        e.nodeId === node.id && e.podId === null && e.portId !== null && isContainer(topology, e),
    )
    .filter((e) => e.role !== 'host' && e.role !== 'source-vip')
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const e of loose) slots.push({ key: e.name, podId: null, endpointIds: [e.id] });
  return slots;
}

function isContainer(topology: Topology, e: Endpoint): boolean {
  return e.portId !== null && topology.ports[e.portId]?.kind === 'container';
}

/** Width of a node with `slotCount` pod columns. */
export function nodeWidth(slotCount: number): number {
  return M.pad * 3 + M.hostW + Math.max(slotCount, 1) * M.slotW;
}

/** Lay out `node` with its top-left corner at (x0, y0). */
export function layoutNode(topology: Topology, node: Node, x0: number, y0: number): NodeLayout {
  const slots = nodeSlots(topology, node);
  // Many pod-less endpoints (dumps): rows of columns; the vSwitch and below move `shift` down.
  const grid = slotGrid(topology.design, slots.length);
  const shift = grid.shift;
  const baseW = nodeWidth(grid.cols);
  const ext = Object.values(topology.ports)
    .filter((p) => p.nodeId === node.id && p.kind === 'external')
    .sort((a, b) => a.name.localeCompare(b.name));
  // Dumps: remote endpoints and load balancers in grids below, growing the frame (layout-dump.ts).
  const zone =
    topology.design === null
      ? dumpZone(
          topology,
          node,
          remoteIds(topology, node, slots),
          // Right of the host column: the uplink wire runs down below the host stack.
          x0 + M.pad * 2 + M.hostW + 10,
          y0 + shift + (ext.length > 0 ? DUMP_ZONE_TOP : M.lowerY),
          baseW - M.pad * 3 - M.hostW - 10,
        )
      : null;
  const frame = {
    x: x0,
    y: y0,
    w: zone ? Math.max(baseW, zone.right + M.pad - x0) : baseW,
    h: zone ? Math.max(M.nodeH + shift, zone.bottom + M.pad - y0) : M.nodeH,
  };
  const items: LayoutItem[] = [nodeFrame(node, frame)];
  const links: LinkLine[] = [];

  const bars = barsOf(topology, node, { ...frame, y: frame.y + shift });
  items.push(...bars.items);
  const barY = (vswitchId: string): number => bars.y.get(vswitchId) ?? y0 + shift + M.bar1Y;

  /** `gutterX`: ports of upper rows reach the bar through the gap right of their column. */
  const addPort = (
    port: Port,
    x: number,
    w: number,
    top: number,
    stackMax: number,
    gutterX: number | null = null,
  ): void => {
    const placed = placePort(topology, port, x, top, w, stackMax);
    items.push(...placed.items);
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

  const host = hostSideItems(topology, node, {
    x: x0 + M.pad,
    y: y0 + M.compY,
    w: M.hostW,
    h: M.compH,
  });
  items.push(...host.items);
  host.ports.forEach((hp) => {
    const ep = hp.endpoint;
    const top = y0 + (ep ? M.epY : M.portY);
    links.push(
      link(
        `${hp.port.id}>host`,
        [hp.x + hp.w / 2, y0 + M.compY + M.compH],
        [hp.x + hp.w / 2, top],
        'host',
        false,
      ),
    );
    if (ep) {
      items.push(endpointChip(topology, ep, hp.x, y0 + M.epY, hp.w, M.epH));
      links.push(vertical(`${ep.id}>port`, hp.x + hp.w / 2, y0 + M.epY + M.epH, y0 + M.portY));
    }
    addPort(hp.port, hp.x, hp.w, y0 + M.portY, M.stackMax);
  });

  const yTop = y0;
  slots.forEach((slot, i) => {
    const row = Math.floor(i / Math.max(grid.cols, 1));
    const sx = x0 + M.pad * 2 + M.hostW + (i - row * grid.cols) * M.slotW + 10;
    const sw = M.slotW - 20;
    const y0 = yTop + row * SLOT_ROW_H; // this row's origin (row 0: the node's)
    const gutter = row < grid.rows - 1 ? sx + sw + 10 : null;
    const pod = slot.podId ? topology.pods[slot.podId] : undefined;
    const podBox = { x: sx, y: y0 + M.compY + M.compH - M.podH, w: sw, h: M.podH };
    if (pod) items.push(podItem(pod.id, pod.name, pod.ip, pod.namespace, node.name, podBox));
    const eps = slot.endpointIds.flatMap((id) => topology.endpoints[id] ?? []);
    const gap = 10;
    const cw = (sw - gap * (eps.length - 1)) / Math.max(eps.length, 1);
    eps.forEach((ep, j) => {
      const ex = sx + j * (cw + gap);
      const cx = ex + cw / 2;
      if (pod) links.push(vertical(`${ep.id}>pod`, cx, podBox.y + podBox.h, y0 + M.epY));
      items.push(endpointChip(topology, ep, ex, y0 + M.epY, cw, M.epH));
      const port = ep.portId ? topology.ports[ep.portId] : undefined;
      if (!port) return;
      links.push(vertical(`${ep.id}>port`, cx, y0 + M.epY + M.epH, y0 + M.portY));
      addPort(port, ex, cw, y0 + M.portY, M.stackMax, gutter);
    });
  });

  const lowerY = y0 + shift + M.lowerY;
  let uplink: readonly [number, number] = [x0 + M.pad + M.hostW / 2, y0 + shift + M.bar1Y + M.barH];
  ext.forEach((port, i) => {
    const w = 240;
    const x = x0 + M.pad + 20 + i * (w + 16);
    const placed = placePort(topology, port, x, lowerY, w, M.extStackMax);
    items.push(...placed.items);
    links.push(
      link(
        `${port.id}>bar`,
        [x + w / 2, lowerY],
        [x + w / 2, barY(port.vswitchId) + M.barH],
        'external',
        true,
      ),
    );
    if (i === 0) uplink = [x + w / 2, placed.bottom];
  });

  const captions: Caption[] = [];
  if (ext.length > 0) {
    captions.push(caption(`${node.id}:ext`, x0 + M.pad + 20, lowerY - 14, 'Physical NIC'));
  }
  if (zone) {
    items.push(...zone.items);
    captions.push(...zone.captions);
    return { frame, items, links, captions, uplink };
  }
  const remote = remoteChips(topology, node, slots, x0, y0, frame.w);
  items.push(...remote);
  if (remote.length > 0) {
    captions.push(
      caption(
        `${node.id}:remote`,
        x0 + M.pad * 2 + M.hostW + 10,
        y0 + M.lowerY + 18,
        'Endpoints with no local port',
      ),
    );
  }
  return { frame, items, links, captions, uplink };
}

function nodeFrame(node: Node, box: Box): LayoutItem {
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
      line(node.name, 26, 52, 42, 'title', box.w),
      line(sub, 56 + node.name.length * 25, 50, 22, 'label', box.w),
    ],
    radius: 18,
  };
}

function podItem(
  id: string,
  name: string,
  ip: string,
  ns: string,
  nodeName: string,
  box: Box,
): LayoutItem {
  return {
    id,
    kind: 'pod',
    box,
    ariaLabel: `Pod ${name}, ${ip}, on ${nodeName}`,
    name,
    tone: 'pod',
    lines: [
      centred(name, box.w, 42, 32, 'title'),
      centred(ip, box.w, 76, 22, 'label'),
      centred(`namespace ${ns}`, box.w, 102, 15, 'detail'),
    ],
    radius: 14,
  };
}

function caption(id: string, x: number, y: number, text: string): Caption {
  return { id, x, y, line: { text, dx: 0, dy: 0, size: 18, role: 'label', anchor: 'start' } };
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
