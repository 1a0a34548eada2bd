import { describe, expect, it } from 'vitest';
import { buildScenario, SCENARIO_IDS } from '../scenarios/index';
import { indexTopology, relatedIds } from './object-index';
import { buildObjectTree, parentKeys, type TreeNode } from './object-tree';

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
