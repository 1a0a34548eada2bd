/** Endpoints of a node with no local port (remote endpoints): which, and their chips (scenarios). */
import type { Node, Topology } from '../model/types';
import { compareNatural } from './collate';
import { DEFAULT_MEASURES, type LayoutItem, type Measures } from './geometry';
import type { Slot } from './slots';
import { objectsOn } from './by-node';
import { endpointChip } from './place-port';

export function remoteChips(
  topology: Topology,
  node: Node,
  slots: readonly Slot[],
  x0: number,
  y0: number,
  w: number,
  m: Measures = DEFAULT_MEASURES,
): LayoutItem[] {
  const remote = remoteIds(topology, node, slots).flatMap((id) => topology.endpoints[id] ?? []);
  const left = x0 + m.pad * 2 + m.hostW + 10;
  const t = m.text;
  const chipW = Math.round(178 + 52 * (t - 1));
  const chipH = Math.round(54 * t);
  const cols = Math.max(1, Math.floor((x0 + w - m.pad - left) / (chipW + 12)));
  return remote.map((ep, i) =>
    endpointChip(
      topology,
      ep,
      left + (i % cols) * (chipW + 12),
      y0 + m.lowerY + 30 * t + Math.floor(i / cols) * (chipH + 10),
      chipW,
      chipH,
      m,
    ),
  );
}

/** Endpoints of `node` with no local port and no pod column, by IP. */
export function remoteIds(topology: Topology, node: Node, slots: readonly Slot[]): string[] {
  const inSlots = new Set(slots.flatMap((s) => s.endpointIds));
  return objectsOn(topology, node.id)
    .endpoints.filter((e) => e.portId === null && !inSlots.has(e.id))
    .sort((a, b) => compareNatural(a.ipAddress ?? a.name, b.ipAddress ?? b.name))
    .map((e) => e.id);
}
