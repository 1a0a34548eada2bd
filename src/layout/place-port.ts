/**
 * Places one vSwitch port with its VFP layers drawn as a stack, and the endpoint chip above it.
 */
import type { Endpoint, Port, Provenance, Topology } from '../model/types';
import { M, type LayoutItem } from './geometry';
import { line } from './text-fit';
import { layerTone, networkTone } from './tones';

const PORT_KIND_LABEL: Readonly<Record<Port['kind'], string>> = {
  container: 'Container port',
  'host-vnic': 'Host vNIC port',
  external: 'External adapter port',
};

/** Where a port ended up: the items to draw and its bottom edge (for the link to the bar). */
export interface PlacedPort {
  readonly items: readonly LayoutItem[];
  readonly bottom: number;
}

/** A port at (x, y), `w` wide, its layers in a stack at most `stackMax` tall. */
export function placePort(
  topology: Topology,
  port: Port,
  x: number,
  y: number,
  w: number,
  stackMax: number,
): PlacedPort {
  const layers = port.layerIds.flatMap((id) => topology.layers[id] ?? []);
  const rowH = layers.length === 0 ? 0 : Math.min(M.layerRow, stackMax / layers.length);
  const stackH = Math.max(rowH * layers.length, 10);
  const h = M.portHead + stackH + 6;
  const title = port.friendlyName || port.name;
  const portItem: LayoutItem = {
    id: port.id,
    kind: 'port',
    box: { x, y, w, h },
    ariaLabel: `${PORT_KIND_LABEL[port.kind]} ${title}, ${layers.length} VFP layers${derivedNote(port.provenance)}`,
    name: title,
    tone: port.kind,
    lines: [line(title, 10, 23, 15, 'detail', w)],
    radius: 6,
    ...derivedFlag(port.provenance),
  };
  const layerItems = layers.map((layer, i): LayoutItem => {
    const box = { x: x + 5, y: y + M.portHead + i * rowH, w: w - 10, h: Math.max(rowH - 3, 2) };
    const size = Math.min(14, rowH - 9);
    return {
      id: layer.id,
      kind: 'layer',
      box,
      ariaLabel: `VFP layer ${layer.name} on ${title}, ${layer.groupIds.length} groups${derivedNote(layer.provenance)}`,
      name: layer.name,
      tone: layerTone(layer.name),
      lines: size >= 9 ? [line(layer.name, 10, box.h / 2 + size * 0.36, size, 'mono', box.w)] : [],
      radius: 3,
      ...derivedFlag(layer.provenance),
    };
  });
  return { items: [portItem, ...layerItems], bottom: y + h };
}

/** Chip for an endpoint (IP on top, network below), coloured by its network type. */
export function endpointChip(
  topology: Topology,
  ep: Endpoint,
  x: number,
  y: number,
  w: number,
  h: number,
): LayoutItem {
  const network = topology.networks[ep.networkId];
  const netName = network?.name ?? 'unknown network';
  const ip = ep.ipAddress ?? 'no IP';
  const where = ep.isRemote ? 'remote endpoint' : 'endpoint';
  return {
    id: ep.id,
    kind: 'endpoint',
    box: { x, y, w, h },
    ariaLabel: `HNS ${where} ${ep.name}, ${ip} on network ${netName}${derivedNote(ep.provenance)}`,
    name: ep.name,
    tone: network ? networkTone(network.type) : 'neutral',
    lines: [
      line(ip, 10, 25, ipSize(ip, w), 'label', w),
      line(`on ${netName}`, 10, h - 13, 14, 'detail', w),
    ],
    radius: 8,
    ...derivedFlag(ep.provenance),
  };
}

/** `derived: true` for objects hnsviz derived rather than read (dumps); nothing otherwise. */
export function derivedFlag(p: Provenance | undefined): { derived?: true } {
  return p?.derived ? { derived: true } : {};
}

/** Suffix for accessible names of derived objects. */
export function derivedNote(p: Provenance | undefined): string {
  return p?.derived ? ' (derived by hnsviz from HNS policies)' : '';
}

/** Largest font size (at most 18) at which `ip` fits a chip `w` wide. */
function ipSize(ip: string, w: number): number {
  return Math.max(10, Math.min(18, Math.floor((w - 20) / (ip.length * 0.58))));
}
