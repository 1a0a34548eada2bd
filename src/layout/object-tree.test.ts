import { describe, expect, it } from 'vitest';
import { buildScenario, SCENARIO_IDS } from '../scenarios/index';
import { parseInputs } from '../parsers/index';
import { INDEX_STEP, indexTopology, indexTopologySteps, relatedIds } from './object-index';
import {
  buildObjectTree,
  objectTreeSteps,
  parentKeys,
  TREE_STEP,
  type TreeNode,
} from './object-tree';

function keys(nodes: readonly TreeNode[]): string[] {
  return nodes.flatMap((n) => [n.key, ...keys(n.children)]);
}

describe('buildObjectTree', () => {
  it.each(SCENARIO_IDS)('reaches every selectable object of %s exactly once', (id) => {
    const t = buildScenario(id);
    const tree = buildObjectTree(t);
    const all = keys(tree);
    expect(new Set(all).size).toBe(all.length);
    const objectKeys = all.filter((k) => !k.startsWith('heading:'));
    expect(new Set(objectKeys)).toEqual(new Set(Object.keys(indexTopology(t))));
  });

  it('nests rules under group, layer, port, endpoint, network, vSwitch and node', () => {
    const t = buildScenario('new-l2bridge');
    const parents = parentKeys(buildObjectTree(t));
    const ruleId = Object.keys(t.rules)[0] ?? '';
    const chain: string[] = [];
    for (let k: string | undefined = ruleId; k; k = parents.get(k))
      chain.push(indexTopology(t)[k]?.kind ?? 'heading');
    expect(chain).toEqual([
      'rule',
      'group',
      'layer',
      'port',
      'endpoint',
      'network',
      'vswitch',
      'node',
    ]);
  });
});

describe('relatedIds', () => {
  it('links a pod to its endpoints and their ports', () => {
    const t = buildScenario('old-winnat');
    const pod = t.pods['pod:a1'];
    const related = relatedIds(t, indexTopology(t), 'pod:a1');
    expect(pod?.endpointIds).toHaveLength(2);
    for (const e of pod?.endpointIds ?? []) {
      expect(related).toContain(e);
      expect(related).toContain(t.endpoints[e]?.portId);
    }
  });
});

describe('index and tree in steps', () => {
  /** A node with `n` endpoints, a quarter of them local (each a port with derived VFP). */
  const big = (n: number) => {
    const net = { ID: 'net-1', Name: 'cbr0', Type: 'L2Bridge' };
    const eps = Array.from({ length: n }, (_, i) => ({
      ID: `ep-${i}`,
      Name: `ep-${i}`,
      VirtualNetwork: 'net-1',
      IPAddress: `10.1.${i >> 8}.${i & 255}`,
      IsRemoteEndpoint: i % 4 !== 0,
    }));
    return parseInputs([{ name: 'big', text: `${JSON.stringify([net, ...eps])}\n` }]).topology;
  };
  const run = <T>(g: Generator<void, T>): { value: T; pauses: number } => {
    let pauses = 0;
    for (let r = g.next(); ; r = g.next(), pauses++) if (r.done) return { value: r.value, pauses };
  };

  it('give what the one-go builders give, pausing every few thousand objects', () => {
    const a = big(6000);
    const b = structuredClone(a);
    const index = run(indexTopologySteps(b));
    const tree = run(objectTreeSteps(b));
    expect(index.value).toEqual(indexTopology(a));
    expect(tree.value).toEqual(buildObjectTree(a));
    const objects = Object.keys(index.value).length;
    // Shared rule sets are counted first, a pause every `INDEX_STEP` groups.
    const groups = b.ruleSets ? Object.keys(b.groups).length : 0;
    expect(index.pauses).toBe(Math.floor(groups / INDEX_STEP) + Math.floor(objects / INDEX_STEP));
    expect(tree.pauses).toBeGreaterThanOrEqual(Math.floor(6000 / TREE_STEP));
    // Cached: a second run returns the same objects at once.
    expect(run(indexTopologySteps(b))).toEqual({ value: index.value, pauses: 0 });
    expect(run(objectTreeSteps(b)).value).toBe(tree.value);
    expect(buildObjectTree(b)).toBe(tree.value);
  });
});
