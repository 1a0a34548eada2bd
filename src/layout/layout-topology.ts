/**
 * Whole-topology layout: nodes side by side in display order, in rows of `NODES_PER_ROW`, each
 * row with its underlay wire below it (rows after the first joined by a bus on the left), and
 * the external hosts below the last row's wire. Pure and deterministic: the same topology gives
 * the same numbers, the three designs of the reference cluster give the same node and pod
 * positions, and adding a node moves none of the others (it joins the last row or starts one).
 */
import type { External, Topology } from '../model/types';
import {
  fontSize,
  measures,
  NODES_PER_ROW,
  syntheticId,
  type Caption,
  type LayoutItem,
  type LayoutOptions,
  type LinkLine,
  type Measures,
  type TopologyLayout,
} from './geometry';
import { objectsByNodeSteps } from './by-node';
import { layoutNodeSteps } from './layout-node';
import { centred, fitSize, line, textWidth } from './text-fit';
import { maxOf, pushAll } from '../shared/arrays';

const MARGIN = 40;
const WIRE = 14;
/** The bus joining the rows' wires runs down the left margin, flush with the first row's wire. */
const BUS_X = MARGIN - WIRE;

/**
 * Positions for every drawn object of `topology`.
 *
 * @example
 * const layout = layoutTopology(buildScenario('new-l2bridge'));
 * layout.byId['pod:a1']?.box; // { x, y, w, h } in world units
 * layoutTopology(t, { textScale: 1.5 }); // projector: bigger text, boxes grown to hold it
 */
export function layoutTopology(topology: Topology, options: LayoutOptions = {}): TopologyLayout {
  const steps = layoutTopologySteps(topology, options);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * `layoutTopology` in steps: pauses (yields) every `LAYOUT_STEP` slots of a node, so a caller
 * on the page can let other tasks run between steps of a big dump. Cached like `layoutTopology`.
 */
export function* layoutTopologySteps(
  topology: Topology,
  options: LayoutOptions = {},
): Generator<void, TopologyLayout> {
  const m = measures(options.textScale);
  // Topologies are immutable: one layout per topology and text scale (a dump's is computed
  // before it is shown).
  let perScale = layouts.get(topology);
  if (!perScale) {
    perScale = new Map();
    layouts.set(topology, perScale);
  }
  const hit = perScale.get(m.text);
  if (hit) return hit;
  yield* objectsByNodeSteps(topology);
  const layout = yield* computeLayout(topology, m);
  perScale.set(m.text, layout);
  return layout;
}

const layouts = new WeakMap<Topology, Map<number, TopologyLayout>>();

function* computeLayout(topology: Topology, m: Measures): Generator<void, TopologyLayout> {
  const items: LayoutItem[] = [];
  const links: LinkLine[] = [];
  const captions: Caption[] = [];
  const rows: Row[] = [];
  /** Id → item, the first item of an id winning; filled node by node (a cluster's ~40,000 items
   * in one step were the layout's longest step). */
  const byId: Record<string, LayoutItem> = {};
  let indexed = 0;
  const indexItems = (): void => {
    for (; indexed < items.length; indexed++) byId[items[indexed]!.id] ??= items[indexed]!;
  };
  let row: Row | undefined;
  let x = MARGIN;
  for (const nodeId of topology.nodeIds) {
    const node = topology.nodes[nodeId];
    if (!node) continue;
    if (!row || row.uplinks.length === NODES_PER_ROW) {
      // A new row starts below the previous row's wire and the room its label needs.
      const top = row ? wireY(row, m) + WIRE + m.externalsGap : MARGIN;
      row = { top, right: MARGIN, bottom: top, uplinks: [] };
      rows.push(row);
      x = MARGIN;
    }
    const nl = yield* layoutNodeSteps(topology, node, x, row.top, m);
    pushAll(items, nl.items);
    pushAll(links, nl.links);
    pushAll(captions, nl.captions);
    row.uplinks.push({ nodeId, name: node.name, at: nl.uplink });
    x += nl.frame.w + m.nodeGap;
    row.right = x - m.nodeGap;
    row.bottom = Math.max(row.bottom, nl.frame.y + nl.frame.h);
    indexItems();
    // A pause between nodes too: a cluster's nodes are often under a step's worth of slots each.
    yield;
  }
  const first = rows[0] ?? { top: MARGIN, right: MARGIN, bottom: MARGIN, uplinks: [] };
  const last = rows[rows.length - 1] ?? first;
  const right = maxOf(
    rows.map((r) => r.right),
    MARGIN + 600,
  );
  // One row: its wire spans the drawing; several: each wire ends at its row's last node.
  const firstRight = rows.length > 1 ? first.right : right;
  const underlayY = wireY(first, m);
  const lastY = wireY(last, m);
  const u = topology.underlay;
  const sep = m.text === 1 ? '  ·  ' : ' · ';
  const underlayText = u ? `Underlay ${u.subnet}${sep}gateway ${u.gatewayIp}` : 'Physical network';
  const externals = Object.values(topology.externals).sort(
    (a, b) => kindRank(a) - kindRank(b) || a.name.localeCompare(b.name),
  );
  // The label sits under the wire, left of the first external host's wire. With bigger text
  // (projector) the external hosts make room for it at its full size (the label's length
  // depends on the underlay only, so they still stay put across designs).
  const underlaySize = fontSize(m, 22);
  const labelW = m.text === 1 ? 0 : textWidth(underlayText, underlaySize, 'label') * 1.12 + 40;
  const extLeft = MARGIN + Math.min(labelW, (right - MARGIN) / 2);
  const extX = (i: number): number =>
    labelW > 0
      ? extLeft + ((i + 0.5) * (right - extLeft)) / Math.max(externals.length, 1)
      : MARGIN + ((i + 1) * (right - MARGIN)) / (externals.length + 1);
  const underlayRoom =
    externals.length > 0 && rows.length < 2 ? extX(0) - 5 - MARGIN - 4 : firstRight - MARGIN;
  items.push({
    id: syntheticId.underlay,
    kind: 'wire',
    box: { x: MARGIN, y: underlayY, w: firstRight - MARGIN, h: WIRE },
    ariaLabel: `Wire: ${underlayText}`,
    name: 'underlay',
    tone: 'wire',
    lines: [line(underlayText, 8, 46 + 14 * (m.text - 1), underlaySize, 'label', underlayRoom)],
    radius: 7,
  });
  // Rows after the first: a wire of their own, from the bus to their last node.
  const wireOf: Record<string, string> = {};
  rows.forEach((r, i) => {
    const id = i === 0 ? syntheticId.underlay : syntheticId.underlayRow(i);
    if (i > 0)
      items.push({
        id,
        kind: 'wire',
        box: { x: BUS_X, y: wireY(r, m), w: r.right - BUS_X, h: WIRE },
        ariaLabel: `Wire: ${underlayText}, row ${i + 1}`,
        name: `underlay row ${i + 1}`,
        tone: 'wire',
        lines: [],
        radius: 7,
      });
    for (const up of r.uplinks) {
      const [cx, top] = up.at;
      wireOf[up.name] = id;
      items.push({
        id: syntheticId.uplink(up.nodeId),
        kind: 'wire',
        box: { x: cx - 5, y: top, w: 10, h: wireY(r, m) - top },
        ariaLabel: `Wire: uplink of ${up.name} to the underlay`,
        name: `uplink ${up.name}`,
        tone: 'wire',
        lines: [],
        radius: 3,
      });
    }
  });
  if (rows.length > 1)
    items.push({
      id: syntheticId.underlayBus,
      kind: 'wire',
      box: { x: BUS_X, y: underlayY, w: WIRE, h: lastY + WIRE - underlayY },
      ariaLabel: `Wire: ${underlayText}, joining the rows of nodes`,
      name: 'underlay bus',
      tone: 'wire',
      lines: [],
      radius: 7,
    });
  // The external hosts hang off the last row's wire.
  const externalsWire =
    rows.length > 1 ? syntheticId.underlayRow(rows.length - 1) : syntheticId.underlay;

  const extY = lastY + WIRE + m.externalsGap;
  externals.forEach((ext, i) => {
    const cx = Math.min(extX(i), right - m.externalW / 2);
    const box = { x: cx - m.externalW / 2, y: extY, w: m.externalW, h: m.externalH };
    items.push({
      id: syntheticId.externalWire(ext.id),
      kind: 'wire',
      box: { x: cx - 5, y: lastY + WIRE, w: 10, h: m.externalsGap },
      ariaLabel: `Wire: ${ext.name} to the underlay`,
      name: `wire ${ext.name}`,
      tone: 'wire',
      lines: [],
      radius: 3,
    });
    items.push(externalItem(ext, box, m));
  });

  const height = externals.length > 0 ? extY + m.externalH + MARGIN : lastY + WIRE + 80;
  indexItems();
  return {
    width: right + MARGIN,
    height,
    items,
    links,
    captions,
    byId,
    textScale: m.text,
    wires: { byNode: wireOf, externals: externalsWire, busX: BUS_X + WIRE / 2 },
  };
}

/** One row of nodes while it is laid out. */
interface Row {
  readonly top: number;
  right: number;
  bottom: number;
  readonly uplinks: { nodeId: string; name: string; at: readonly [number, number] }[];
}

/** Where a row's underlay wire runs: below its tallest node. */
function wireY(row: { readonly bottom: number }, m: Measures): number {
  return row.bottom + m.underlayGap;
}

function kindRank(e: External): number {
  return e.kind === 'internet-server' ? 0 : 1;
}

function externalItem(
  ext: External,
  box: { x: number; y: number; w: number; h: number },
  m: Measures,
): LayoutItem {
  const role = ext.kind === 'internet-server' ? 'Internet server' : 'External client';
  const sub = `${role} · ${ext.ip}`;
  return {
    id: ext.id,
    kind: 'external',
    box,
    ariaLabel: `${role} ${ext.name}, ${ext.ip}`,
    name: ext.name,
    tone: ext.kind,
    lines:
      m.text === 1
        ? [centred(ext.name, box.w, 40, 26, 'title'), centred(sub, box.w, 76, 17, 'label')]
        : // Bigger text: what it is and its address on lines of their own, each as big as fits.
          [
            centred(ext.name, box.w, 40 * m.text, fontSize(m, 26), 'title'),
            ...[role, ext.ip].map((text, i) => {
              const size = fitSize(text, fontSize(m, 17), 17, 'label', box.w, 4);
              return centred(
                text,
                box.w,
                box.h - 14 * m.text - (1 - i) * size * 1.15,
                size,
                'label',
              );
            }),
          ],
    radius: 16,
  };
}
