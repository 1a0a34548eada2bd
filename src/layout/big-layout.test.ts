/**
 * A dump far bigger than a real node (150,000 local endpoints, under the worker's object cap):
 * the layout and the object tree take it without passing a list on the stack (a spread into
 * `push` overflowed it here).
 */
import { describe, expect, it } from 'vitest';
import { parseInputs } from '../parsers/index';
import { layoutTopology } from './layout-topology';
import { localEndpoints } from './__fixtures__/local-endpoints';
import { buildObjectTree } from './object-tree';

describe('layout of a huge dump', () => {
  it('lays out 150,000 local endpoints and lists them in the object tree', () => {
    const n = 150_000;
    const t = parseInputs([{ name: 'big.json', text: localEndpoints(n) }], {
      deriveVfp: false,
    }).topology;
    expect(Object.keys(t.ports)).toHaveLength(n);
    const layout = layoutTopology(t);
    expect(layout.items.filter((i) => i.kind === 'port')).toHaveLength(n);
    expect(buildObjectTree(t).length).toBeGreaterThan(0);
  }, 300_000);
});
