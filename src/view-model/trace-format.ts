/** Text for trace events: list rows, rewrites, transcript lines, packet callouts (pure). */
import type { TracePacket } from '../engine/types';
import type { PacketField, TraceEvent } from './trace-events';

/** What the packet glyph shows: encapsulated packets get an outer envelope. */
export interface PacketLook {
  readonly encapsulated: boolean;
  readonly dropped: boolean;
  /** Short text beside the packet, e.g. `LB_DSR · lbnat`. */
  readonly callout: string;
  readonly phase: 'request' | 'reply';
}

const PROTO: Readonly<Record<number, string>> = { 1: 'ICMP', 6: 'TCP', 17: 'UDP' };

export const protoName = (p: number): string => PROTO[p] ?? String(p);

/** `10.244.1.10:50000` (no port for ICMP). */
export const endpointText = (ip: string, port: number, proto: number): string =>
  proto === 1 ? ip : `${ip}:${port}`;

export const FIELD_LABEL: Readonly<Record<PacketField, string>> = {
  srcIp: 'Source IP',
  srcPort: 'Source port',
  dstIp: 'Destination IP',
  dstPort: 'Destination port',
  proto: 'Protocol',
  srcMac: 'Source MAC',
  dstMac: 'Destination MAC',
  outer: 'Outer header',
};

export function fieldValue(p: TracePacket, f: PacketField): string {
  if (f === 'proto') return protoName(p.proto);
  if (f === 'outer')
    return p.outer
      ? `${p.outer.srcIp} → ${p.outer.dstIp} UDP ${p.outer.dstPort} VNI ${p.outer.vni}`
      : 'none';
  const v = p[f];
  return v === null ? '—' : String(v);
}

/** Where the event happens: `win-a · Container NIC d514ef81 OUT`. */
export function placeText(ev: TraceEvent): string {
  const h = ev.hop;
  const dir = h.direction ? ` ${h.direction.toUpperCase()}` : '';
  return [h.node, `${h.name}${dir}`].filter(Boolean).join(' · ');
}

/** What decided: `LB_DSR · LB_DSR_…_80_8080_6` (or the component). */
export function deciderText(ev: TraceEvent): string {
  const h = ev.hop;
  if (h.layer && h.rule) return `${h.layer} · ${h.rule}`;
  return h.layer ?? h.rule ?? h.component;
}

/** The rewrite in one phrase, e.g. `dst 10.96.10.10:80 → 10.244.2.10:8080`, or null. */
export function rewriteText(ev: TraceEvent): string | null {
  const { before: b, after: a, changed } = ev;
  const parts: string[] = [];
  if (changed.includes('srcIp') || changed.includes('srcPort'))
    parts.push(
      `src ${endpointText(b.srcIp, b.srcPort, b.proto)} → ${endpointText(a.srcIp, a.srcPort, a.proto)}`,
    );
  if (changed.includes('dstIp') || changed.includes('dstPort'))
    parts.push(
      `dst ${endpointText(b.dstIp, b.dstPort, b.proto)} → ${endpointText(a.dstIp, a.dstPort, a.proto)}`,
    );
  if (changed.includes('outer'))
    parts.push(a.outer ? `encap ${a.outer.srcIp} → ${a.outer.dstIp} VNI ${a.outer.vni}` : 'decap');
  if (parts.length === 0 && (changed.includes('srcMac') || changed.includes('dstMac')))
    parts.push('MAC rewrite');
  return parts.length ? parts.join('; ') : null;
}

/** One transcript line per event (what a screen reader announces as you step). */
export function transcriptLine(ev: TraceEvent, total: number): string {
  const h = ev.hop;
  const rule = h.rule ? `, rule ${h.rule}` : '';
  const layer = h.layer ? `, layer ${h.layer}` : '';
  const rw = rewriteText(ev);
  return (
    `Step ${ev.index + 1} of ${total}, ${h.phase}: ${placeText(ev)}${layer}${rule}: ${h.action}.` +
    (rw ? ` ${rw}.` : '') +
    ` Confidence ${h.confidence}.`
  );
}

/** How the packet glyph looks at this event. */
export function packetLook(ev: TraceEvent): PacketLook {
  const h = ev.hop;
  const short = h.layer ?? (h.component === 'port' ? '' : h.name);
  return {
    encapsulated: ev.after.outer !== null,
    dropped: h.action === 'drop',
    phase: h.phase,
    callout: [short, h.action].filter(Boolean).join(' · '),
  };
}
