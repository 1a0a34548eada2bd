import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutTopology } from '../layout/layout-topology';
import { parseCluster } from './index';

const winB = readFileSync(new URL('./__fixtures__/l2bridge-win-b.txt', import.meta.url), 'utf8');

/** Node k of a big cluster: WIN-B's collector file with its own name, node IP and pod prefix. */
const node = (k: number) => ({
  name: `hnsviz-win-${k}.txt`,
  text: winB
    .replace(/WIN-B/g, `WIN-${k}`)
    .replace(/10\.0\.0\.5\b/g, `10.0.0.${10 + k}`)
    .replace(/10\.244\.2\./g, `10.${100 + (k >> 6)}.${(k & 63) * 4}.`),
});

describe('a 100-node cluster', () => {
  const inputs = Array.from({ length: 100 }, (_, k) => node(k));
  const hundred = parseCluster(inputs);
  const ninetyNine = parseCluster(inputs.slice(0, 99));

  it('reads 100 nodes, each its own', () => {
    expect(hundred.nodes).toHaveLength(100);
    expect(new Set(hundred.nodes.map((n) => n.managementIp)).size).toBe(100);
  });

  it('adding the 100th node moves none of the 99 others, and nothing overlaps', () => {
    const before = layoutTopology(ninetyNine.topology);
    const after = layoutTopology(hundred.topology);
    expect(after.items.length).toBeGreaterThan(before.items.length);
    for (const item of before.items) {
      const now = after.byId[item.id]?.box;
      // The last row's wire spans its nodes: it grows, from the same place.
      if (item.id === 'wire:underlay:row-10')
        expect([now?.x, now?.y]).toEqual([item.box.x, item.box.y]);
      else expect(now, item.id).toEqual(item.box);
    }
    // Node boxes never overlap one another.
    const nodes = after.items
      .filter((i) => i.kind === 'node')
      .map((i) => i.box)
      .sort((a, b) => a.y - b.y || a.x - b.x);
    expect(nodes).toHaveLength(100);
    for (let i = 0; i < nodes.length; i++)
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i]!;
        const b = nodes[j]!;
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart, `${i} and ${j}`).toBe(true);
      }
  });

  it('is a grid of ten rows of ten, each row on its wire, the wires joined by a bus', () => {
    const l = layoutTopology(hundred.topology);
    const nodes = l.items.filter((i) => i.kind === 'node');
    const rowsY = [...new Set(nodes.map((n) => n.box.y))];
    expect(rowsY).toHaveLength(10);
    for (const y of rowsY) expect(nodes.filter((n) => n.box.y === y)).toHaveLength(10);
    // Fit to a wide screen, the drawing is neither a strip nor a column.
    expect(l.width / l.height).toBeGreaterThan(0.5);
    expect(l.width / l.height).toBeLessThan(2);
    const bus = l.byId['wire:underlay:bus']!.box;
    const wires = [
      'wire:underlay',
      ...Array.from({ length: 9 }, (_, i) => `wire:underlay:row-${i + 2}`),
    ];
    hundred.topology.nodeIds.forEach((id, k) => {
      const wire = l.byId[wires[Math.floor(k / 10)]!]!.box;
      const uplink = l.byId[`wire:${id}`]!.box;
      // Each node's uplink ends on its own row's wire, which reaches the bus.
      expect(uplink.y + uplink.h).toBe(wire.y);
      expect(wire.x).toBeLessThanOrEqual(bus.x + bus.w);
      expect(wire.y).toBeGreaterThanOrEqual(bus.y);
      expect(wire.y + wire.h).toBeLessThanOrEqual(bus.y + bus.h);
    });
  });

  it('names each node big enough to read when the whole grid is fitted (the far level)', () => {
    const l = layoutTopology(hundred.topology);
    const far = (id: string) => l.byId[id]!.lines.filter((x) => x.role === 'far');
    expect(far('node:win-5').map((x) => x.text)).toEqual(['WIN-5', '10.0.0.15']);
    // 200 world units: 11 px on screen at the far level's 1/18 scale of a fitted 10 × 10 grid.
    expect(far('node:win-5')[0]!.size).toBeGreaterThanOrEqual(200);
  });

  it('is deterministic', () => {
    const again = layoutTopology(parseCluster(inputs).topology);
    expect(again.items.map((i) => [i.id, i.box])).toEqual(
      layoutTopology(hundred.topology).items.map((i) => [i.id, i.box]),
    );
  });
});
