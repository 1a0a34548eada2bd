/**
 * Places one vSwitch port with its VFP layers drawn as a stack, and the endpoint chip above it.
 */
import type { Endpoint, Port, Provenance, Topology } from '../model/types';
import {
  DEFAULT_MEASURES,
  fontSize,
  type LayoutItem,
  type Measures,
  type TextLine,
  type TextRole,
} from './geometry';
import { fitSize, fitText, line } from './text-fit';
import { layerTone, networkTone } from './tones';
import { isDeferredPort } from '../model/port-vfp';

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
  m: Measures = DEFAULT_MEASURES,
): PlacedPort {
  const t = m.text;
  const layers = port.layerIds.flatMap((id) => topology.layers[id] ?? []);
  const rowH = layers.length === 0 ? 0 : Math.min(m.layerRow, stackMax / layers.length);
  const stackH = Math.max(rowH * layers.length, 10);
  const h = m.portHead + stackH + 6;
  const title = port.friendlyName || port.name;
  const titleLine = line(title, 10, 23 * t, scaledFit(title, 15, 'detail', w, m), 'detail', w);
  const portItem: LayoutItem = {
    id: port.id,
    kind: 'port',
    box: { x, y, w, h },
    ariaLabel: `${PORT_KIND_LABEL[port.kind]} ${title}, ${layersText(topology, port, layers.length)}${derivedNote(port.provenance)}`,
    name: title,
    tone: port.kind,
    lines: layers.length > 0 ? [titleLine] : emptyPortLines(topology, port, titleLine, w, h, m),
    radius: 6,
    ...derivedFlag(port.provenance),
  };
  const layerItems = layers.map((layer, i): LayoutItem => {
    const box = { x: x + 5, y: y + m.portHead + i * rowH, w: w - 10, h: Math.max(rowH - 3, 2) };
    const room = Math.min(fontSize(m, 14), rowH - 9 * t);
    const base = Math.min(14, rowH - 9);
    const size = t === 1 ? room : Math.max(fitSize(layer.name, room, base, 'mono', box.w, 10), 9);
    return {
      id: layer.id,
      kind: 'layer',
      box,
      ariaLabel: `VFP layer ${layer.name} on ${title}, ${layer.groupIds.length} groups${derivedNote(layer.provenance)}`,
      name: layer.name,
      tone: layerTone(layer.name),
      lines:
        room >= 9 * t ? [line(layer.name, 10, box.h / 2 + size * 0.36, size, 'mono', box.w)] : [],
      radius: 3,
      ...derivedFlag(layer.provenance),
    };
  });
  return { items: [portItem, ...layerItems], bottom: y + h };
}

/** How many layers a port has, or that they are derived when it is opened (a big dump's). */
function layersText(t: Topology, port: Port, n: number): string {
  return n === 0 && isDeferredPort(t, port.id)
    ? 'VFP layers derived when opened'
    : `${n} VFP layers`;
}

/**
 * A port with no VFP layers says so, rather than looking like an empty widget. The whole-cluster
 * view shows what it is (`host vNIC`; the physical NIC: its adapter and port name); closer in,
 * its name. Both views say that it has no layers.
 */
function emptyPortLines(
  topology: Topology,
  port: Port,
  titleLine: TextLine,
  w: number,
  h: number,
  m: Measures,
): TextLine[] {
  const t = m.text;
  const bottom = h - 8 * t;
  const none = firstFitting(
    isDeferredPort(topology, port.id)
      ? ['VFP derived when opened', 'VFP on open']
      : ['no VFP layers', 'no layers'],
    fontSize(m, 13),
    w,
  );
  const noneSize = fitSize(none, fontSize(m, 13), 11, 'label', w, 10);
  const noneLine = line(none, 10, bottom, noneSize, 'label', w);
  if (port.kind === 'external') {
    const vs = topology.vswitches[port.vswitchId];
    const adapter = vs?.externalAdapter ?? vs?.name ?? null;
    const name = port.friendlyName || port.name;
    const text = adapter ? `${adapter} · ${name}` : name;
    const size = fitSize(text, fontSize(m, 17), 13, 'label', w, 10);
    return [line(text, 10, titleLine.dy, size, 'label', w), noneLine];
  }
  const what = firstFitting(
    port.kind === 'host-vnic' ? ['host vNIC'] : ['container port', 'container'],
    fontSize(m, 15),
    w,
  );
  const size = fitSize(what, fontSize(m, 15), 11, 'overview', w, 10);
  return [titleLine, line(what, 10, titleLine.dy, size, 'overview', w), noneLine];
}

/** The first of `texts` that fits a port `w` wide at `size` (else the last, shortened). */
function firstFitting(texts: readonly string[], size: number, w: number): string {
  return texts.find((t) => !fitText(t, size, 'label', w - 18).endsWith('…')) ?? texts.at(-1) ?? '';
}

/** Chip for an endpoint (IP on top, network below), coloured by its network type. */
export function endpointChip(
  topology: Topology,
  ep: Endpoint,
  x: number,
  y: number,
  w: number,
  h: number,
  m: Measures = DEFAULT_MEASURES,
): LayoutItem {
  const t = m.text;
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
      line(ip, 10, 25 * t, ipSize(ip, w, m), 'label', w),
      line(
        `on ${netName}`,
        10,
        h - 13 + 4 * (t - 1),
        scaledFit(`on ${netName}`, 14, 'detail', w, m),
        'detail',
        w,
      ),
    ],
    radius: 8,
    ...derivedFlag(ep.provenance),
  };
}

/**
 * `size` scaled for `m`, shrunk (never below `size` itself) so that `text` fits a box `w` wide:
 * bigger text in a narrow box is no use once it is cut short.
 */
function scaledFit(text: string, size: number, role: TextRole, w: number, m: Measures): number {
  return m.text === 1 ? size : fitSize(text, fontSize(m, size), size, role, w, 10);
}

/** `derived: true` for objects hnsviz derived rather than read (dumps); nothing otherwise. */
export function derivedFlag(p: Provenance | undefined): { derived?: true } {
  return p?.derived ? { derived: true } : {};
}

/** Suffix for accessible names of derived objects. */
export function derivedNote(p: Provenance | undefined): string {
  return p?.derived ? ' (derived by hnsviz from HNS policies)' : '';
}

/** Largest font size (at most 18, scaled) at which `ip` fits a chip `w` wide. */
function ipSize(ip: string, w: number, m: Measures): number {
  return Math.max(10, Math.min(fontSize(m, 18), Math.floor((w - 20) / (ip.length * 0.58))));
}
