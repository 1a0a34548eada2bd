import { describe, expect, it } from 'vitest';
import { addLayer, derived, type LayerSpec, type RuleSpec, type VfpTables } from './vfp-builder';
import { ruleById, rulesOfGroup, vfpRuleCount } from './vfp-rules';
import type { Topology } from './types';

const prov = derived('hns', null, null, 'inferred', 'test');
const rule = (name: string, priority: number): RuleSpec => ({
  name,
  priority,
  type: 'allow',
  conditions: { dstPrefixes: [`10.0.0.${priority % 250}`] },
  action: { kind: 'allow' },
  provenance: prov,
});
const layer = (rules: readonly RuleSpec[], shared?: readonly RuleSpec[]): LayerSpec => ({
  name: 'L',
  priority: 1,
  stateful: false,
  provenance: prov,
  groups: [{ name: 'G', direction: 'out', priority: 1, provenance: prov, rules, shared }],
});
const tables = (): VfpTables => ({ layers: {}, groups: {}, rules: {}, ruleSets: {} });
const build = (spec: LayerSpec, port = 'p', out = tables()): VfpTables => {
  addLayer(out, port, spec);
  return out;
};
/** The tables as a topology, for the readers of vfp-rules.ts. */
const asTopology = (v: VfpTables) => v as unknown as Topology;
const rulesOf = (v: VfpTables, groupId: string) => rulesOfGroup(asTopology(v), v.groups[groupId]!);

describe('addLayer with shared rules', () => {
  const own = [rule('B', 5), rule('A', 5), rule('Z', 1), rule('B', 2)];
  const shared = Object.freeze([rule('C', 5), rule('D', 3), rule('D', 9), rule('E', 100)]);

  it('reads as the concatenation (order, first name wins), shared rules stored once', () => {
    const a = build(layer(own, shared));
    const b = build(layer([...own, ...shared]));
    expect(rulesOf(a, 'p/L/G')).toEqual(rulesOf(b, 'p/L/G'));
    expect(rulesOf(a, 'p/L/G').map((r) => r.id.slice(6))).toEqual(['Z', 'B', 'D', 'A', 'C', 'E']);
    // Own rules are entries; the shared list is one set the group refers to.
    expect(Object.keys(a.rules)).toEqual(['p/L/G/Z', 'p/L/G/B', 'p/L/G/A']);
    expect(a.groups['p/L/G']!.ruleSetId).toBe('p/L/G');
    expect(a.ruleSets['p/L/G']!.rules.map((r) => r.name)).toEqual(['D', 'C', 'E']);
    expect(Object.keys(b.rules)).toHaveLength(6);
    expect(b.groups['p/L/G']!.ruleSetId).toBeUndefined();
  });

  it('falls back to own rules when a name is in both lists', () => {
    const clash = [rule('D', 1), rule('C', 50)];
    const a = build(layer(clash, shared));
    expect(a.groups['p/L/G']!.ruleSetId).toBeUndefined();
    expect(JSON.stringify(a)).toBe(JSON.stringify(build(layer([...clash, ...shared]))));
  });

  it('a frozen `rules` list is a set too; an empty one is no set', () => {
    const a = build(layer(shared));
    expect(Object.keys(a.rules)).toEqual([]);
    expect(rulesOf(a, 'p/L/G').map((r) => r.name)).toEqual(['D', 'C', 'E']);
    const empty = build(layer(Object.freeze([])));
    expect(empty.groups['p/L/G']!.ruleSetId).toBeUndefined();
    expect(empty.ruleSets).toEqual({});
  });

  it('ports carrying a frozen list share one set; rules read with their own ids', () => {
    const out = tables();
    build(layer([rule('X', 4)], shared), 'p1', out);
    build(layer([], shared), 'p2', out);
    expect(Object.keys(out.ruleSets)).toEqual(['p1/L/G']);
    expect(out.groups['p2/L/G']!.ruleSetId).toBe('p1/L/G');
    const t = asTopology(out);
    expect(vfpRuleCount(t)).toBe(7);
    const a = ruleById(t, 'p1/L/G/C')!;
    const b = ruleById(t, 'p2/L/G/C')!;
    expect(a).toMatchObject({ id: 'p1/L/G/C', groupId: 'p1/L/G', layerId: 'p1/L', portId: 'p1' });
    expect(b).toMatchObject({ id: 'p2/L/G/C', groupId: 'p2/L/G', portId: 'p2' });
    expect(a.conditions).toBe(b.conditions);
    expect(a.action).toBe(b.action);
    expect(ruleById(t, 'p2/L/G/X')).toBeUndefined();
    expect(ruleById(t, 'p1/L/G/X')!.priority).toBe(4);
  });

  it('finds set rules whose names contain a slash', () => {
    const out = build(layer(Object.freeze([rule('EXC_10.0.0.0/8', 7)])));
    expect(ruleById(asTopology(out), 'p/L/G/EXC_10.0.0.0/8')!.name).toBe('EXC_10.0.0.0/8');
  });
});
