import { describe, expect, it } from 'vitest';
import { buildScenario, SCENARIO_IDS } from '../scenarios/index';
import type { TopologyLayout } from './geometry';
import { layoutTopology } from './layout-topology';
import { layoutPortDetail } from './port-detail';

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
