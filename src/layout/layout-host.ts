/**
 * The host compartment of a node: the host TCP/IP stack box (interfaces, kube-proxy, WinNAT)
 * and the host-side ports hanging below it.
 */
import type { Endpoint, Node, Port, Topology } from '../model/types';
import { syntheticId, type Box, type LayoutItem, type TextLine } from './geometry';
import { line } from './text-fit';

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
  return Object.values(topology.ports)
    .filter((p) => p.nodeId === node.id)
    .map((port) => ({
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
): { items: LayoutItem[]; ports: HostPort[] } {
  const items: LayoutItem[] = [];
  const stack = node.hostStack;
  const ifaceLines = stack.interfaces.slice(0, 4).map((iface, i) => {
    const ips =
      iface.ips.length > 1 ? `${iface.ips[0]} +${iface.ips.length - 1}` : (iface.ips[0] ?? '');
    return line(`${iface.name}  ${ips}`, 18, 66 + i * 24, 16, 'detail', box.w);
  });
  items.push({
    id: syntheticId.hostStack(node.id),
    kind: 'host-stack',
    box,
    ariaLabel: `Host TCP/IP stack of ${node.name}, ${stack.interfaces.length} interfaces`,
    name: 'Host TCP/IP stack',
    tone: 'host',
    lines: [line('Host TCP/IP stack', 18, 36, 24, 'label', box.w), ...ifaceLines],
    radius: 14,
  });

  const sub = { y: box.y + box.h - 88, h: 76, w: (box.w - 36) / 2 };
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
      lines: smallBoxLines('kube-proxy', [mode, kp.enableDsr ? 'DSR' : ''], b.w),
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
      lines: smallBoxLines('WinNAT', [nat.internalPrefix, `→ ${nat.externalIp}`], b.w),
      radius: 10,
    });
  }

  const list = hostPortsOf(topology, node);
  const gap = 12;
  const w = (box.w - gap * (list.length - 1)) / Math.max(list.length, 1);
  const ports = list.map((p, i) => ({ ...p, x: box.x + i * (w + gap), w }));
  return { items, ports };
}

function smallBoxLines(title: string, rest: readonly string[], w: number): TextLine[] {
  return [
    line(title, 10, 24, 17, 'label', w),
    ...rest.filter((t) => t !== '').map((t, i) => line(t, 10, 46 + i * 19, 15, 'label', w)),
  ];
}
