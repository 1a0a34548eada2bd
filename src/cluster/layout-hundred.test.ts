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
      // The underlay bar spans every node: it grows, from the same place.
      if (item.id === 'wire:underlay') expect([now?.x, now?.y]).toEqual([item.box.x, item.box.y]);
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

  it('is deterministic', () => {
    const again = layoutTopology(parseCluster(inputs).topology);
    expect(again.items.map((i) => [i.id, i.box])).toEqual(
      layoutTopology(hundred.topology).items.map((i) => [i.id, i.box]),
    );
  });
});
