/**
 * The expanded port (semantic zoom level `port`): a card beside the port listing its layers,
 * each layer's groups and each group's rules. The card floats over the drawing, so expanding a
 * port never moves anything else.
 */
import type { RuleAction, Topology, VfpRule } from '../model/types';
import { groupRuleCount, rulesOfGroup } from '../model/vfp-rules';
import { isDeferredPort, withPortVfp } from '../model/port-vfp';
import { hasEntry } from '../shared/table';
import type { Box, LayoutItem, TextLine, TopologyLayout } from './geometry';
import { line } from './text-fit';
import { layerTone, ruleTone } from './tones';

/** The card: its frame, heading lines, and the group and rule rows (drawn domain objects). */
export interface PortDetailLayout {
  readonly portId: string;
  readonly box: Box;
  readonly headings: readonly {
    readonly box: Box;
    readonly tone: string;
    readonly line: TextLine;
  }[];
  readonly items: readonly LayoutItem[];
  /** Rules left out per group (the tree and inspector list them all). */
  readonly hiddenRules: number;
}

const CARD_W = 620;
const ROW = 26;
const MAX_RULES_PER_GROUP = 8;
/** Over the rules of a port derived when opened (the model holds none: `I_VFP_DEFERRED`). */
export const ON_DEMAND_NOTE = 'Derived by hnsviz when opened (too many rules to derive up front)';

/**
 * Lay out the card for `portId`, or null when the port is not drawn. A port whose VFP the model
 * left to derive on demand (a big dump's) is derived now (`withPortVfp`), and the card says so.
 */
export function layoutPortDetail(
  model: Topology,
  layout: TopologyLayout,
  portId: string,
): PortDetailLayout | null {
  const anchor = layout.byId[portId];
  if (!anchor || !hasEntry(model.ports, portId)) return null;
  const onDemand = isDeferredPort(model, portId);
  const t = withPortVfp(model, portId);
  const port = t.ports[portId]!;
  const rightRoom = layout.width - (anchor.box.x + anchor.box.w);
  const x =
    rightRoom >= CARD_W + 24 ? anchor.box.x + anchor.box.w + 16 : anchor.box.x - CARD_W - 16;
  const inner = CARD_W - 24;
  const headings: { box: Box; tone: string; line: TextLine }[] = [];
  const items: LayoutItem[] = [];
  let y = anchor.box.y + 56;
  let hidden = 0;
  if (onDemand) {
    headings.push({
      box: { x: x + 12, y, w: inner, h: ROW },
      tone: 'none',
      line: line(ON_DEMAND_NOTE, 10, 18, 13, 'detail', inner),
    });
    y += ROW + 4;
  }
  for (const layerId of port.layerIds) {
    const layer = t.layers[layerId];
    if (!layer) continue;
    const hb = { x: x + 12, y, w: inner, h: ROW + 2 };
    headings.push({
      box: hb,
      tone: layerTone(layer.name),
      line: line(
        `${layer.name}  ·  priority ${layer.priority}${layer.stateful ? '  ·  stateful' : ''}`,
        10,
        19,
        16,
        'label',
        inner,
      ),
    });
    y += ROW + 8;
    for (const groupId of layer.groupIds) {
      const g = t.groups[groupId];
      if (!g) continue;
      const text = `${g.name}  ${g.direction} · ${g.family} · ${g.matchType === 'lpm' ? 'LPM' : `prio ${g.priority}`}`;
      const gb = { x: x + 24, y, w: inner - 12, h: ROW - 2 };
      items.push({
        id: g.id,
        kind: 'group',
        box: gb,
        ariaLabel: `VFP group ${g.name}, ${g.direction}, ${groupRuleCount(t, g)} rules`,
        name: g.name,
        tone: 'group',
        lines: [line(text, 8, 17, 14, 'mono', gb.w)],
        radius: 4,
      });
      y += ROW;
      const rules = rulesOfGroup(t, g);
      for (const r of rules.slice(0, MAX_RULES_PER_GROUP)) {
        const rb = { x: x + 40, y, w: inner - 28, h: ROW - 3 };
        items.push({
          id: r.id,
          kind: 'rule',
          box: rb,
          ariaLabel: `VFP rule ${r.name}, ${r.type}, priority ${r.priority}`,
          name: r.name,
          tone: ruleTone(r.type),
          lines: [line(ruleText(r), 8, 16, 13, 'mono', rb.w)],
          radius: 3,
        });
        y += ROW - 1;
      }
      if (rules.length > MAX_RULES_PER_GROUP) {
        const more = rules.length - MAX_RULES_PER_GROUP;
        hidden += more;
        headings.push({
          box: { x: x + 40, y, w: inner - 28, h: ROW - 4 },
          tone: 'none',
          line: line(`+ ${more} more rules (see the object list)`, 8, 16, 13, 'detail', inner - 28),
        });
        y += ROW - 2;
      }
      y += 4;
    }
    y += 6;
  }
  if (port.layerIds.length === 0) {
    headings.push({
      box: { x: x + 12, y, w: inner, h: ROW },
      tone: 'none',
      line: line('No VFP layers on this port', 10, 18, 15, 'detail', inner),
    });
    y += ROW;
  }
  const box = { x, y: anchor.box.y, w: CARD_W, h: y - anchor.box.y + 12 };
  return { portId, box, headings, items, hiddenRules: hidden };
}

/** One-line summary of a rule: priority, type, name and action. */
export function ruleText(r: VfpRule): string {
  return `${String(r.priority).padStart(4)}  ${r.type.padEnd(9)} ${r.name}  ${actionText(r.action)}`;
}

function actionText(a: RuleAction): string {
  switch (a.kind) {
    case 'allow':
    case 'block':
      return '';
    case 'lbnat':
      return `→ ${a.backends.map((b) => `${b.ip}:${b.port}`).join(', ')}${a.snatIp ? ` snat ${a.snatIp}` : ''}`;
    case 'nat':
      return `${a.side} → ${a.ip}${a.port === null ? '' : `:${a.port}`}`;
    case 'dynnat':
      return `src → ${a.snatIp}`;
    case 'encap':
      return `vxlan ${a.vni} → ${a.outerDstIp}`;
    case 'decap':
      return `vxlan ${a.vni}`;
    case 'transpose':
      return `mac → ${a.dstMac ?? 'same'}`;
    case 'paroute':
      return a.nextHop ? `via ${a.nextHop}` : '';
    case 'other':
      return a.text;
  }
}
