/**
 * Whole-topology layout: nodes side by side in display order, the underlay wire below them,
 * and the external hosts below the underlay. Pure and deterministic: the same topology gives
 * the same numbers, and the three designs of the reference cluster give the same node and pod
 * positions.
 */
import type { External, Topology } from '../model/types';
import {
  M,
  syntheticId,
  type Caption,
  type LayoutItem,
  type LinkLine,
  type TopologyLayout,
} from './geometry';
import { layoutNode } from './layout-node';
import { centred, line } from './text-fit';

const MARGIN = 40;
const WIRE = 14;

/**
 * Positions for every drawn object of `topology`.
 *
 * @example
 * const layout = layoutTopology(buildScenario('new-l2bridge'));
 * layout.byId['pod:a1']?.box; // { x, y, w, h } in world units
 */
export function layoutTopology(topology: Topology): TopologyLayout {
  // Topologies are immutable: one layout per topology (a dump's is computed before it is shown).
  const hit = layouts.get(topology);
  if (hit) return hit;
  const layout = computeLayout(topology);
  layouts.set(topology, layout);
  return layout;
}

const layouts = new WeakMap<Topology, TopologyLayout>();

function computeLayout(topology: Topology): TopologyLayout {
  const items: LayoutItem[] = [];
  const links: LinkLine[] = [];
  const captions: Caption[] = [];
  const uplinks: { nodeId: string; name: string; at: readonly [number, number] }[] = [];
  let x = MARGIN;
  let bottom = MARGIN;
  for (const nodeId of topology.nodeIds) {
    const node = topology.nodes[nodeId];
    if (!node) continue;
    const nl = layoutNode(topology, node, x, MARGIN);
    items.push(...nl.items);
    links.push(...nl.links);
    captions.push(...nl.captions);
    uplinks.push({ nodeId, name: node.name, at: nl.uplink });
    x += nl.frame.w + M.nodeGap;
    bottom = Math.max(bottom, nl.frame.y + nl.frame.h);
  }
  const right = Math.max(x - M.nodeGap, MARGIN + 600);
  const underlayY = bottom + M.underlayGap;
  const u = topology.underlay;
  const underlayText = u ? `Underlay ${u.subnet}  ·  gateway ${u.gatewayIp}` : 'Physical network';
  items.push({
    id: syntheticId.underlay,
    kind: 'wire',
    box: { x: MARGIN, y: underlayY, w: right - MARGIN, h: WIRE },
    ariaLabel: `Wire: ${underlayText}`,
    name: 'underlay',
    tone: 'wire',
    lines: [line(underlayText, 8, 46, 22, 'label', right - MARGIN)],
    radius: 7,
  });
  for (const up of uplinks) {
    const [cx, top] = up.at;
    items.push({
      id: syntheticId.uplink(up.nodeId),
      kind: 'wire',
      box: { x: cx - 5, y: top, w: 10, h: underlayY - top },
      ariaLabel: `Wire: uplink of ${up.name} to the underlay`,
      name: `uplink ${up.name}`,
      tone: 'wire',
      lines: [],
      radius: 3,
    });
  }

  const externals = Object.values(topology.externals).sort(
    (a, b) => kindRank(a) - kindRank(b) || a.name.localeCompare(b.name),
  );
  const extY = underlayY + WIRE + M.externalsGap;
  externals.forEach((ext, i) => {
    const cx = MARGIN + ((i + 1) * (right - MARGIN)) / (externals.length + 1);
    const box = { x: cx - M.externalW / 2, y: extY, w: M.externalW, h: M.externalH };
    items.push({
      id: syntheticId.externalWire(ext.id),
      kind: 'wire',
      box: { x: cx - 5, y: underlayY + WIRE, w: 10, h: M.externalsGap },
      ariaLabel: `Wire: ${ext.name} to the underlay`,
      name: `wire ${ext.name}`,
      tone: 'wire',
      lines: [],
      radius: 3,
    });
    items.push(externalItem(ext, box));
  });

  const height = externals.length > 0 ? extY + M.externalH + MARGIN : underlayY + WIRE + 80;
  const byId: Record<string, LayoutItem> = {};
  for (const item of items) byId[item.id] ??= item;
  return { width: right + MARGIN, height, items, links, captions, byId };
}

function kindRank(e: External): number {
  return e.kind === 'internet-server' ? 0 : 1;
}

function externalItem(
  ext: External,
  box: { x: number; y: number; w: number; h: number },
): LayoutItem {
  const role = ext.kind === 'internet-server' ? 'Internet server' : 'External client';
  return {
    id: ext.id,
    kind: 'external',
    box,
    ariaLabel: `${role} ${ext.name}, ${ext.ip}`,
    name: ext.name,
    tone: ext.kind,
    lines: [
      centred(ext.name, box.w, 40, 26, 'title'),
      centred(`${role} · ${ext.ip}`, box.w, 76, 17, 'label'),
    ],
    radius: 16,
  };
}
