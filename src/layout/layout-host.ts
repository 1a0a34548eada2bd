/**
 * The host compartment of a node: the host TCP/IP stack box (interfaces, kube-proxy, WinNAT)
 * and the host-side ports hanging below it.
 */
import type { Endpoint, Node, Port, Topology } from '../model/types';
import {
  DEFAULT_MEASURES,
  fontSize,
  syntheticId,
  type Box,
  type LayoutItem,
  type Measures,
  type TextLine,
} from './geometry';
import { fitSize, line } from './text-fit';
import { minOf } from '../shared/arrays';
import { objectsOn } from './by-node';

/** A host-side port and the column it occupies under the host stack. */
export interface HostPort {
  readonly port: Port;
  readonly endpoint: Endpoint | null;
  readonly x: number;
  readonly w: number;
}

const ROLE_RANK: Readonly<Record<string, number>> = { 'host-vnic': 0, host: 1, 'source-vip': 2 };

/** Ports that belong to the host: host vNICs and host/source-VIP endpoints' ports. */
export function hostPortsOf(
  topology: Topology,
  node: Node,
): { port: Port; endpoint: Endpoint | null }[] {
  return objectsOn(topology, node.id)
    .ports.map((port) => ({
      port,
      endpoint: port.endpointId ? (topology.endpoints[port.endpointId] ?? null) : null,
    }))
    .filter(({ port, endpoint }) => {
      if (port.kind === 'host-vnic') return true;
      return (
        port.kind === 'container' &&
        endpoint !== null &&
        endpoint.podId === null &&
        (endpoint.role === 'host' || endpoint.role === 'source-vip')
      );
    })
    .sort((a, b) => rank(a) - rank(b) || a.port.name.localeCompare(b.port.name));
}

function rank(p: { port: Port; endpoint: Endpoint | null }): number {
  if (p.port.kind === 'host-vnic') return ROLE_RANK['host-vnic'] ?? 9;
  return ROLE_RANK[p.endpoint?.role ?? ''] ?? 9;
}

/** Host stack, kube-proxy and WinNAT items, and the host ports' columns. */
export function hostSideItems(
  topology: Topology,
  node: Node,
  box: Box,
  m: Measures = DEFAULT_MEASURES,
): { items: LayoutItem[]; ports: HostPort[] } {
  const items: LayoutItem[] = [];
  const stack = node.hostStack;
  const t = m.text;
  const subH = Math.round(76 * (1 + (t - 1) * 0.9));
  const titleY = 36 * t;
  const hostTitle = fitSize('Host TCP/IP stack', fontSize(m, 24), 24, 'label', box.w, 18);
  items.push({
    id: syntheticId.hostStack(node.id),
    kind: 'host-stack',
    box,
    ariaLabel: `Host TCP/IP stack of ${node.name}, ${stack.interfaces.length} interfaces`,
    name: 'Host TCP/IP stack',
    tone: 'host',
    lines: [
      line('Host TCP/IP stack', 18, titleY, hostTitle, 'label', box.w),
      ...interfaceLines(stack.interfaces, box.w, titleY + 8, box.h - 12 - subH - 8, m),
    ],
    radius: 14,
  });

  const sub = { y: box.y + box.h - 12 - subH, h: subH, w: (box.w - 36) / 2 };
  const kp = node.kubeProxy;
  if (kp) {
    const b = { x: box.x + 12, y: sub.y, w: sub.w, h: sub.h };
    const mode = kp.mode === 'userspace' ? 'user space' : 'winkernel';
    items.push({
      id: syntheticId.kubeProxy(node.id),
      kind: 'kube-proxy',
      box: b,
      ariaLabel: `kube-proxy on ${node.name}, ${mode}${kp.enableDsr ? ' with DSR' : ''}`,
      name: 'kube-proxy',
      tone: kp.mode === 'userspace' ? 'userspace' : 'kernel',
      lines: smallBoxLines('kube-proxy', [mode, kp.enableDsr ? 'DSR' : ''], b, m),
      radius: 10,
    });
  }
  const nat = node.winnat;
  if (nat) {
    const b = { x: box.x + 24 + sub.w, y: sub.y, w: sub.w, h: sub.h };
    items.push({
      id: syntheticId.winnat(node.id),
      kind: 'winnat',
      box: b,
      ariaLabel: `WinNAT ${nat.name} on ${node.name}, ${nat.internalPrefix} to ${nat.externalIp}`,
      name: 'WinNAT',
      tone: 'nat',
      lines: smallBoxLines('WinNAT', [nat.internalPrefix, `→ ${nat.externalIp}`], b, m),
      radius: 10,
    });
  }

  const list = hostPortsOf(topology, node);
  const gap = 12;
  const w = (box.w - gap * (list.length - 1)) / Math.max(list.length, 1);
  const ports = list.map((p, i) => ({ ...p, x: box.x + i * (w + gap), w }));
  return { items, ports };
}

/**
 * The interfaces of the host stack between `top` and `bottom` (relative to the box): name and
 * addresses on two lines when there is room for that, else one line each (as many as fit).
 * Labels, not details: they fill the box in the whole-cluster view too.
 */
function interfaceLines(
  ifaces: Node['hostStack']['interfaces'],
  w: number,
  top: number,
  bottom: number,
  m: Measures,
): TextLine[] {
  const row = 22 * m.text;
  const ips = (list: readonly string[]): string =>
    list.length > 2 ? `${list.slice(0, 2).join(', ')} +${list.length - 2}` : list.join(', ');
  if (ifaces.length * 2 * row <= bottom - top) {
    return ifaces.flatMap((iface, i) => {
      const y = top + row * (2 * i + 1);
      const name = fitSize(iface.name, fontSize(m, 18), fontSize(m, 14), 'label', w, 18);
      const addr = ips(iface.ips);
      const size = fitSize(addr, fontSize(m, 17), fontSize(m, 13), 'badge', w, 26);
      return [
        line(iface.name, 18, y - 2, name, 'label', w),
        line(addr, 26, y + row - 4, size, 'badge', w),
      ];
    });
  }
  const fit = Math.max(0, Math.min(4, Math.floor((bottom - top) / row)));
  return ifaces.slice(0, fit).map((iface, i) => {
    const more = iface.ips.length > 1 ? ` +${iface.ips.length - 1}` : '';
    return line(
      `${iface.name}  ${iface.ips[0] ?? ''}${more}`,
      18,
      top + row * (i + 1) - 2,
      fontSize(m, 16),
      'label',
      w,
    );
  });
}

/** Title and lines of the kube-proxy and WinNAT boxes, each as big as its box allows. */
function smallBoxLines(title: string, rest: readonly string[], b: Box, m: Measures): TextLine[] {
  const t = m.text;
  const lines = rest.filter((s) => s !== '');
  const titleSize = fitSize(title, fontSize(m, 20), 16, 'label', b.w, 10);
  const restSize = minOf(lines.map((s) => fitSize(s, fontSize(m, 17), 13, 'label', b.w, 10)));
  // Evenly down the box, but a lone line stays close under the title.
  const gap = Math.min((b.h - 12 * t - titleSize) / Math.max(lines.length, 1), restSize * 1.4 + 4);
  return [
    line(title, 10, 6 * t + titleSize, titleSize, 'label', b.w),
    ...lines.map((s, i) =>
      line(s, 10, 6 * t + titleSize + gap * (i + 1) - 2, restSize, 'label', b.w),
    ),
  ];
}
