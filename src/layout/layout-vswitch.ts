/** The vSwitch bars of a node, with its HNS networks drawn as pills on them. */
import type { Node, Topology, VSwitch } from '../model/types';
import { DEFAULT_MEASURES, fontSize, type Box, type LayoutItem, type Measures } from './geometry';
import { derivedFlag } from './place-port';
import { objectsOn } from './by-node';
import { fitSize, line } from './text-fit';
import { networkTone } from './tones';

const VSWITCH_RANK: Readonly<Record<VSwitch['kind'], number>> = {
  external: 0,
  internal: 1,
  private: 2,
};

/** Bars (external switch first) and the y of each vSwitch's bar, for the port links. */
export function barsOf(
  topology: Topology,
  node: Node,
  frame: Box,
  m: Measures = DEFAULT_MEASURES,
): { items: LayoutItem[]; y: Map<string, number> } {
  const t = m.text;
  const switches = node.vswitchIds
    .flatMap((id) => topology.vswitches[id] ?? [])
    .sort((a, b) => VSWITCH_RANK[a.kind] - VSWITCH_RANK[b.kind] || a.name.localeCompare(b.name));
  const items: LayoutItem[] = [];
  const y = new Map<string, number>();
  switches.forEach((vs, i) => {
    const box = {
      x: frame.x + m.pad,
      y: frame.y + m.bar1Y + i * (m.bar2Y - m.bar1Y),
      w: frame.w - 2 * m.pad,
      h: m.barH,
    };
    y.set(vs.id, box.y);
    const title = `vSwitch ${vs.name}`;
    items.push({
      id: vs.id,
      kind: 'vswitch',
      box,
      ariaLabel: `Hyper-V ${vs.kind} vSwitch ${vs.name} on ${node.name}`,
      name: vs.name,
      tone: vs.kind,
      lines: [
        line(title, 16, box.h / 2 + 8 * t, fontSize(m, 22), 'label', box.w),
        line(
          vs.kind,
          30 + title.length * 13 * t,
          box.h / 2 + 7 * t,
          fontSize(m, 15),
          'detail',
          box.w,
        ),
      ],
      radius: 10,
    });
    let px = box.x + (90 + title.length * 13 + vs.kind.length * 9) * t;
    const nets = objectsOn(topology, node.id)
      .networks.filter((n) => (n.vswitchId ?? switches[0]?.id) === vs.id)
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const net of nets) {
      const text = [net.name, net.type, net.subnets[0]?.addressPrefix].filter(Boolean).join(' · ');
      const w = Math.min((text.length * 11 + 28) * t, box.x + box.w - px - 8);
      if (w < 60 * t) break;
      // Bigger text shrinks (down to the default size) rather than be cut short in a full bar.
      const pillSize = t === 1 ? 18 : fitSize(text, fontSize(m, 18), 18, 'label', w, 14);
      items.push({
        id: net.id,
        kind: 'network',
        box: { x: px, y: box.y + 6, w, h: box.h - 12 },
        ariaLabel: `HNS network ${net.name}, type ${net.type}${net.subnets[0] ? `, ${net.subnets[0].addressPrefix}` : ''}`,
        name: net.name,
        tone: networkTone(net.type),
        lines: [line(text, 14, (box.h - 12) / 2 + 7 * t, pillSize, 'label', w)],
        radius: 17,
        ...derivedFlag(net.provenance),
      });
      px += w + 12;
    }
  });
  return { items, y };
}
