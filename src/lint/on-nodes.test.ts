import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCluster } from '../cluster/index';
import { lintCluster } from './index';
import { nodeList, onNodes } from './on-nodes';

const file = (f: string) => ({
  name: f,
  bytes: readFileSync(new URL(`../cluster/__fixtures__/${f}`, import.meta.url)),
});

describe('where a finding is', () => {
  it('groups a cluster finding’s objects by node, with their IPs', () => {
    const r = parseCluster([file('l2bridge-win-a.txt'), file('l2bridge-win-b-after.txt')]);
    const stale = lintCluster(r).find((f) => f.code === 'remote-endpoint-stale');
    expect(stale).toBeDefined();
    const where = onNodes(r.topology, stale!);
    expect(where.map((n) => n.name)).toEqual(['WIN-A']);
    expect(where[0]!.objects[0]).toMatchObject({ kind: 'endpoint', ips: ['10.244.2.10'] });
  });

  it('names a node that is itself the object', () => {
    const r = parseCluster([file('l2bridge-win-a.txt'), file('l2bridge-win-b.txt')]);
    const id = r.topology.nodeIds[1]!;
    expect(onNodes(r.topology, { objectIds: [id] })).toEqual([
      { node: id, name: 'WIN-B', objects: [{ id, kind: 'other', ips: [] }] },
    ]);
    expect(onNodes(r.topology, { objectIds: ['nothing'] })[0]!.name).toBe('(unknown node)');
  });

  it('lists node names as people do', () => {
    expect(nodeList([])).toBe('');
    expect(nodeList(['A'])).toBe('A');
    expect(nodeList(['A', 'B'])).toBe('A and B');
    expect(nodeList(['A', 'B', 'C'])).toBe('A, B and C');
    expect(nodeList(['A', 'B', 'C', 'D', 'E', 'F'])).toBe('A, B, C and 3 other nodes');
  });
});
