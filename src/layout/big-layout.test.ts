/**
 * A dump far bigger than a real node (150,000 local endpoints, under the worker's object cap):
 * the layout and the object tree take it without passing a list on the stack (a spread into
 * `push` overflowed it here).
 */
import { describe, expect, it } from 'vitest';
import { parseInputs } from '../parsers/index';
import { layoutTopology } from './layout-topology';
import { buildObjectTree } from './object-tree';

const NET = '0e700000-0000-4000-8000-000000000001';

function localEndpoints(n: number): string {
  const parts = [
    JSON.stringify({
      ID: NET,
      Name: 'cbr0',
      Type: 'L2Bridge',
      Subnets: [{ AddressPrefix: '10.128.0.0/14', GatewayAddress: '10.128.0.1' }],
    }),
  ];
  for (let i = 0; i < n; i++)
    parts.push(
      JSON.stringify({
        ID: `e9000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
        VirtualNetwork: NET,
        IPAddress: `10.${128 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`,
        IsRemoteEndpoint: false,
      }),
    );
  return `[${parts.join(',')}]`;
}

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
