import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutTopology } from '../layout/layout-topology';
import { parseCluster } from './index';

const text = (f: string): string =>
  readFileSync(new URL(`./__fixtures__/${f}`, import.meta.url), 'utf8');
// A third node: WIN-B's dump moved to another address, pod prefix and host name.
const winC = text('l2bridge-win-b.txt')
  .replace(/WIN-B/g, 'WIN-C')
  .replace(/10\.0\.0\.5/g, '10.0.0.6')
  .replace(/10\.244\.2\./g, '10.244.3.');
const inputs = [
  { name: 'a.txt', text: text('l2bridge-win-a.txt') },
  { name: 'b.txt', text: text('l2bridge-win-b.txt') },
];

describe('cluster layout', () => {
  it('is deterministic, and adding a node moves none of the others', () => {
    const two = layoutTopology(parseCluster(inputs).topology);
    const again = layoutTopology(parseCluster(inputs).topology);
    const three = layoutTopology(parseCluster([...inputs, { name: 'c.txt', text: winC }]).topology);
    expect(again.items.map((i) => [i.id, i.box])).toEqual(two.items.map((i) => [i.id, i.box]));
    for (const item of two.items) {
      const now = three.byId[item.id]?.box;
      // The underlay bar spans every node: it grows to the right, from the same place.
      if (item.id === 'wire:underlay') expect([now?.x, now?.y]).toEqual([item.box.x, item.box.y]);
      else expect(now, item.id).toEqual(item.box);
    }
    expect(three.byId['node:win-c']).toBeDefined();
    expect(three.width).toBeGreaterThan(two.width);
  });
});
