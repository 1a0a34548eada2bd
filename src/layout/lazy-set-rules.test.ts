import { describe, expect, it } from 'vitest';
import type { Topology, VfpRuleBody } from '../model/types';
import { rulesOfGroup, setRuleId, vfpRuleCount } from '../model/vfp-rules';
import { buildScenario } from '../scenarios/index';
import { hasEntry } from '../shared/table';
import { EAGER_SET_RULES, indexTopology, setRuleCount } from './object-index';
import { buildObjectTree, parentKeys, type TreeNode } from './object-tree';

/** A scenario whose every group carries one shared set: more set rules than `EAGER_SET_RULES`. */
function withBigSet(): Topology {
  const base = buildScenario('new-l2bridge');
  const groups = Object.values(base.groups);
  const sample = Object.values(base.rules)[0]!;
  const per = Math.ceil((EAGER_SET_RULES + 1) / groups.length);
  const rules: VfpRuleBody[] = Array.from({ length: per }, (_, i) => ({
    name: `SET_${String(i).padStart(6, '0')}`,
    friendlyName: null,
    priority: 100 + i,
    type: sample.type,
    terminating: sample.terminating,
    stateful: sample.stateful,
    conditions: sample.conditions,
    action: sample.action,
    provenance: { ...sample.provenance, derived: true },
  }));
  const set = { id: 'set:big', rules };
  const carried = Object.fromEntries(groups.map((g) => [g.id, { ...g, ruleSetId: set.id }]));
  return { ...base, groups: carried, ruleSets: { [set.id]: set } };
}

const find = (rows: readonly TreeNode[], key: string): TreeNode | undefined => {
  for (const r of rows) {
    if (r.key === key) return r;
    if (r.lazy) continue;
    const hit = find(r.children, key);
    if (hit) return hit;
  }
  return undefined;
};

describe('rules of shared sets in a big topology', () => {
  const t = withBigSet();
  const g = Object.values(t.groups)[0]!;
  const ruleId = setRuleId(g.id, 'SET_000007');

  it('are indexed when asked for, not up front', () => {
    const index = indexTopology(t);
    expect(Object.keys(index).length).toBeLessThan(EAGER_SET_RULES);
    expect(hasEntry(index, ruleId)).toBe(true);
    const ref = index[ruleId];
    expect(ref).toMatchObject({ id: ruleId, kind: 'rule', name: 'SET_000007', portId: g.portId });
    expect(ref?.nodeId).toBe(t.ports[g.portId]?.nodeId);
    expect(index[setRuleId(g.id, 'NO_SUCH_RULE')]).toBeUndefined();
    expect(hasEntry(index, 'no-such-id')).toBe(false);
    // Own rules are indexed as before.
    const own = Object.values(t.rules)[0]!;
    expect(index[own.id]?.kind).toBe('rule');
  });

  it("leave every VFP object out until asked for, then give the eager index's entry", () => {
    const big = withBigSet();
    const index = indexTopology(big);
    const kinds = new Set(Object.values(index).map((r) => r.kind));
    for (const k of ['layer', 'group', 'rule'] as const) expect(kinds.has(k)).toBe(false);
    // The same layers and own rules in a small topology, indexed up front, are the reference.
    const small = buildScenario('new-l2bridge');
    const eager = indexTopology(small);
    for (const id of [...Object.keys(small.layers), ...Object.keys(small.rules)])
      expect(index[id]).toEqual(eager[id]);
    for (const id of Object.keys(small.groups))
      expect(index[id]).toEqual({ ...eager[id], entity: big.groups[id] });
    // Made once, then kept.
    const layer = Object.keys(big.layers)[0]!;
    expect(index[layer]).toBe(index[layer]);
    expect(Object.keys(index)).toContain(layer);
  });

  it("keep a VFP id before a later table's object of the same id, as the eager index does", () => {
    const big = withBigSet();
    const layer = Object.values(big.layers)[0]!;
    const svc = Object.values(big.services)[0]!;
    const clash: Topology = {
      ...big,
      services: { ...big.services, [layer.id]: { ...svc, id: layer.id } },
    };
    const small = buildScenario('new-l2bridge');
    const smallClash: Topology = {
      ...small,
      services: { ...small.services, [layer.id]: { ...svc, id: layer.id } },
    };
    expect(indexTopology(smallClash)[layer.id]?.kind).toBe('layer');
    expect(indexTopology(clash)[layer.id]?.kind).toBe('layer');
  });

  it('are rows of their group made when the group is read, with their parent known', () => {
    const roots = buildObjectTree(t);
    const row = find(roots, g.id);
    expect(row?.lazy).toBe(true);
    const parents = parentKeys(roots);
    expect(parents.get(ruleId)).toBe(g.id);
    expect(parents.get(g.id)).toBe(g.layerId);
    const rows = row!.children;
    expect(rows.map((r) => r.key)).toEqual(rulesOfGroup(t, g).map((r) => r.id));
    expect(rows.find((r) => r.key === ruleId)).toMatchObject({ kind: 'rule', derived: true });
    expect(row!.children).toBe(rows); // made once
  });

  it('a small topology keeps every row and entry up front', () => {
    const small = buildScenario('new-l2bridge');
    const roots = buildObjectTree(small);
    const anyGroup = Object.values(small.groups)[0]!;
    expect(find(roots, anyGroup.id)?.lazy).toBeUndefined();
  });
});

describe('setRuleCount', () => {
  it('is every rule less the rules table, counted by the index on its way or alone', () => {
    for (const make of [withBigSet, () => buildScenario('new-l2bridge')]) {
      const want = (t: Topology): number => vfpRuleCount(t) - Object.keys(t.rules).length;
      const indexed = make();
      indexTopology(indexed);
      expect(setRuleCount(indexed)).toBe(want(indexed));
      const alone = make();
      expect(setRuleCount(alone)).toBe(want(alone));
    }
    expect(setRuleCount(withBigSet())).toBeGreaterThan(EAGER_SET_RULES);
  });
});
