import { describe, expect, it } from 'vitest';
import { buildScenario, SCENARIO_IDS } from '../scenarios/index';
import { DEFAULT_MEASURES, M, measures, type LayoutItem, type TopologyLayout } from './geometry';
import { layoutTopology } from './layout-topology';
import { layoutPortDetail } from './port-detail';
import { textWidth } from './text-fit';

const round = (n: number): number => Math.round(n);

/** One line per drawn object: kind, id and rounded box. */
function dump(layout: TopologyLayout): string {
  return layout.items
    .map(
      (i) =>
        `${i.kind.padEnd(10)} ${i.id}  ${round(i.box.x)},${round(i.box.y)} ${round(i.box.w)}x${round(i.box.h)}`,
    )
    .join('\n');
}

describe('layoutTopology', () => {
  it("looks items up by id, the first item of an id winning, in the items' order", () => {
    const t = buildScenario('new-l2bridge');
    const node = t.nodeIds[0]!;
    const ext = Object.values(t.externals)[0]!;
    // An external host with a node's id: both are drawn, the node's item is the one looked up.
    const clash = { ...t, externals: { ...t.externals, [node]: { ...ext, id: node } } };
    for (const topology of [...SCENARIO_IDS.map((id) => buildScenario(id)), clash]) {
      const layout = layoutTopology(topology);
      const want: Record<string, LayoutItem> = {};
      for (const item of layout.items) want[item.id] ??= item;
      expect(Object.keys(layout.byId)).toEqual(Object.keys(want));
      for (const id of Object.keys(want)) expect(layout.byId[id]).toBe(want[id]);
    }
    const layout = layoutTopology(clash);
    expect(layout.items.filter((i) => i.id === node)).toHaveLength(2);
    expect(layout.byId[node]?.kind).toBe('node');
  });

  it('is deterministic', () => {
    const t = buildScenario('new-l2bridge');
    expect(layoutTopology(t)).toEqual(layoutTopology(t));
  });

  it.each(SCENARIO_IDS)('matches the rounded snapshot for %s', (id) => {
    expect(dump(layoutTopology(buildScenario(id)))).toMatchSnapshot();
  });

  it('keeps nodes, pods, externals and the underlay in place across designs', () => {
    const layouts = SCENARIO_IDS.map((id) => ({
      t: buildScenario(id),
      l: layoutTopology(buildScenario(id)),
    }));
    const stableBoxes = ({ t, l }: (typeof layouts)[number]): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      for (const item of l.items) {
        if (item.kind === 'pod') out[`pod ${item.name}`] = item.box;
        if (item.kind === 'node') out[`node ${item.name}`] = item.box;
        if (item.kind === 'external') out[`external ${item.name}`] = item.box;
        if (item.kind === 'host-stack')
          out[`host ${t.nodes[item.id.slice('host-stack:'.length)]?.name}`] = item.box;
      }
      out.underlay = l.byId['wire:underlay']?.box;
      return out;
    };
    const [first, ...rest] = layouts.map(stableBoxes);
    expect(Object.keys(first ?? {})).toHaveLength(5 + 2 + 2 + 2 + 1);
    for (const other of rest) expect(other).toEqual(first);
  });

  it('draws every pod, endpoint, port and layer exactly once, inside its node', () => {
    for (const id of SCENARIO_IDS) {
      const t = buildScenario(id);
      const l = layoutTopology(t);
      const ids = l.items.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const key of [
        ...Object.keys(t.pods),
        ...Object.keys(t.endpoints),
        ...Object.keys(t.ports),
        ...Object.keys(t.layers),
      ]) {
        expect(l.byId[key], `${id}: ${key}`).toBeDefined();
      }
      for (const item of l.items.filter((i) => i.kind === 'pod' || i.kind === 'port')) {
        const nodeId = t.pods[item.id]?.nodeId ?? t.ports[item.id]?.nodeId ?? '';
        const frame = l.byId[nodeId]?.box;
        expect(frame).toBeDefined();
        if (!frame) continue;
        expect(item.box.x).toBeGreaterThanOrEqual(frame.x);
        expect(item.box.x + item.box.w).toBeLessThanOrEqual(frame.x + frame.w);
        expect(item.box.y + item.box.h).toBeLessThanOrEqual(frame.y + frame.h);
      }
    }
  });
});

describe('layoutPortDetail', () => {
  it('lists the groups and rules of the expanded port beside it', () => {
    const t = buildScenario('new-l2bridge');
    const l = layoutTopology(t);
    const portId = t.endpoints[t.pods['pod:a1']?.endpointIds[0] ?? '']?.portId ?? '';
    const card = layoutPortDetail(t, l, portId);
    expect(card).not.toBeNull();
    if (!card) return;
    const port = t.ports[portId];
    const groups = port?.layerIds.flatMap((lid) => t.layers[lid]?.groupIds ?? []) ?? [];
    expect(card.items.filter((i) => i.kind === 'group').map((i) => i.id)).toEqual(groups);
    expect(card.items.some((i) => i.kind === 'rule')).toBe(true);
    expect(card.box.y).toBe(l.byId[portId]?.box.y);
  });

  it('returns null for a port that is not drawn', () => {
    const t = buildScenario('new-overlay');
    expect(layoutPortDetail(t, layoutTopology(t), 'nope')).toBeNull();
  });
});

/** Lines that (by the layout's own width estimate) stick out of their box. */
function overflowing(items: readonly LayoutItem[]): string[] {
  const out: string[] = [];
  for (const i of items) {
    if (i.kind === 'node' || i.kind === 'wire') continue;
    for (const l of i.lines) {
      const w = textWidth(l.text, l.size, l.role);
      const left = l.anchor === 'middle' ? l.dx - w / 2 : l.dx;
      if (left < 0 || left + w > i.box.w + 1 || l.dy > i.box.h || l.dy - l.size * 0.7 < 0)
        out.push(`${i.id}: "${l.text}" @${l.size}`);
    }
    // Lines of one box do not overlap (an overview line replaces the detail on its baseline).
    const shown = i.lines.filter((l) => l.role !== 'overview');
    for (const a of shown)
      for (const b of shown)
        if (b.dy > a.dy && b.dy - b.size * 0.72 < a.dy + a.size * 0.12 && a.dx === b.dx)
          out.push(`${i.id}: "${a.text}" and "${b.text}" overlap`);
  }
  return out;
}

describe('layoutTopology with a text scale (projector)', () => {
  const P = { textScale: 1.75 };

  it('is the default layout at text scale 1', () => {
    const t = buildScenario('old-winnat');
    expect(measures(1)).toBe(DEFAULT_MEASURES);
    expect(measures()).toEqual({ ...M, text: 1 });
    expect(layoutTopology(t, { textScale: 1 })).toBe(layoutTopology(t));
  });

  it('is deterministic and keeps pods, nodes and externals in place across designs', () => {
    const t = buildScenario('new-l2bridge');
    expect(layoutTopology(t, P)).toEqual(layoutTopology(buildScenario('new-l2bridge'), P));
    const boxes = (id: (typeof SCENARIO_IDS)[number]): Record<string, unknown> => {
      const l = layoutTopology(buildScenario(id), P);
      return Object.fromEntries(
        l.items
          .filter((i) => ['pod', 'node', 'external', 'host-stack'].includes(i.kind))
          .map((i) => [`${i.kind} ${i.name} ${i.box.x}`, i.box]),
      );
    };
    const [first, ...rest] = SCENARIO_IDS.map(boxes);
    for (const other of rest) expect(other).toEqual(first);
  });

  it.each(SCENARIO_IDS)('%s: text is bigger, and still fits its boxes', (id) => {
    const t = buildScenario(id);
    const base = layoutTopology(t);
    const big = layoutTopology(t, P);
    expect(big.textScale).toBe(1.75);
    expect(overflowing(big.items)).toEqual([]);
    const size = (l: TopologyLayout, id: string, n = 0): number => l.byId[id]?.lines[n]?.size ?? 0;
    for (const key of ['kube-proxy:node:win-a', 'wire:underlay', 'internet-server'])
      if (base.byId[key])
        for (const n of [0, 1])
          if (base.byId[key]?.lines[n])
            expect(size(big, key, n), `${key} line ${n}`).toBeGreaterThan(
              size(base, key, n) * 1.15,
            );
    const chips = big.items.filter((i) => i.kind === 'endpoint' && i.box.w > 150);
    for (const c of chips) expect(c.lines[0]?.size ?? 0).toBeGreaterThanOrEqual(24);
    // Everything a node holds stays inside it.
    for (const item of big.items.filter((i) => i.kind === 'pod' || i.kind === 'port')) {
      const nodeId = t.pods[item.id]?.nodeId ?? t.ports[item.id]?.nodeId ?? '';
      const frame = big.byId[nodeId]?.box;
      if (!frame) throw new Error(nodeId);
      expect(item.box.y + item.box.h).toBeLessThanOrEqual(frame.y + frame.h);
      expect(item.box.x + item.box.w).toBeLessThanOrEqual(frame.x + frame.w);
    }
  });

  it.each(SCENARIO_IDS)('%s: labels fit their boxes at text scale 1 too', (id) => {
    expect(overflowing(layoutTopology(buildScenario(id)).items)).toEqual([]);
  });

  it('captions ports with no VFP layers, and names the physical NIC', () => {
    const l = layoutTopology(buildScenario('old-winnat'));
    const texts = (id: string): string[] => l.byId[id]?.lines.map((x) => x.text) ?? [];
    const hostVnic = l.items.find((i) => i.kind === 'port' && i.name === 'Container NIC 5d000004');
    expect(texts(hostVnic?.id ?? '')).toEqual(
      expect.arrayContaining(['host vNIC', 'no VFP layers']),
    );
    const nic = l.items.find((i) => i.kind === 'port' && i.name === 'ExternalPort');
    expect(nic?.lines[0]).toMatchObject({ text: 'Ethernet · ExternalPort', role: 'label' });
  });
});
