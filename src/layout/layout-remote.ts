/** Endpoints of a node with no local port (remote endpoints): which, and their chips (scenarios). */
import type { Node, Topology } from '../model/types';
import { compareNatural } from './collate';
import { M, type LayoutItem } from './geometry';
import type { Slot } from './layout-node';
import { endpointChip } from './place-port';

export function remoteChips(
  topology: Topology,
  node: Node,
  slots: readonly Slot[],
  x0: number,
  y0: number,
  w: number,
): LayoutItem[] {
  const remote = remoteIds(topology, node, slots).flatMap((id) => topology.endpoints[id] ?? []);
  const left = x0 + M.pad * 2 + M.hostW + 10;
  const cols = Math.max(1, Math.floor((x0 + w - M.pad - left) / 190));
  return remote.map((ep, i) =>
    endpointChip(
      topology,
      ep,
      left + (i % cols) * 190,
      y0 + M.lowerY + 30 + Math.floor(i / cols) * 64,
      178,
      54,
    ),
  );
}

/** Endpoints of `node` with no local port and no pod column, by IP. */
export function remoteIds(topology: Topology, node: Node, slots: readonly Slot[]): string[] {
  const inSlots = new Set(slots.flatMap((s) => s.endpointIds));
  return Object.values(topology.endpoints)
    .filter((e) => e.nodeId === node.id && e.portId === null && !inSlots.has(e.id))
    .sort((a, b) => compareNatural(a.ipAddress ?? a.name, b.ipAddress ?? b.name))
    .map((e) => e.id);
}
