import { describe, expect, it } from 'vitest';
import { addLayer, derived, type LayerSpec, type RuleSpec, type VfpTables } from './vfp-builder';

const prov = derived('hns', null, null, 'inferred', 'test');
const rule = (name: string, priority: number): RuleSpec => ({
  name,
  priority,
  type: 'allow',
  conditions: { dstPrefixes: [`10.0.0.${priority % 250}`] },
  action: { kind: 'allow' },
  provenance: prov,
});
const layer = (rules: RuleSpec[], shared?: readonly RuleSpec[]): LayerSpec => ({
  name: 'L',
  priority: 1,
  stateful: false,
  provenance: prov,
  groups: [{ name: 'G', direction: 'out', priority: 1, provenance: prov, rules, shared }],
});
const build = (spec: LayerSpec, port = 'p'): VfpTables => {
  const out: VfpTables = { layers: {}, groups: {}, rules: {} };
  addLayer(out, port, spec);
  return out;
};

describe('addLayer with shared rules', () => {
  const own = [rule('B', 5), rule('A', 5), rule('Z', 1), rule('B', 2)];
  const shared = Object.freeze([rule('C', 5), rule('D', 3), rule('D', 9), rule('E', 100)]);

  it('equals the concatenation (order, first name wins), in table order too', () => {
    const a = build(layer(own, shared));
    const b = build(layer([...own, ...shared]));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.groups['p/L/G']!.ruleIds.map((id) => id.slice(6))).toEqual([
      'Z',
      'B',
      'D',
      'A',
      'C',
      'E',
    ]);
  });

  it('falls back to one sort when a name is in both lists', () => {
    const clash = [rule('D', 1), rule('C', 50)];
    expect(JSON.stringify(build(layer(clash, shared)))).toBe(
      JSON.stringify(build(layer([...clash, ...shared]))),
    );
  });

  it('shares conditions, action and provenance of a frozen list across ports', () => {
    const spec = layer([], shared);
    const a = build(spec, 'p1').rules['p1/L/G/C']!;
    const b = build(spec, 'p2').rules['p2/L/G/C']!;
    expect(a.portId).toBe('p1');
    expect(b.id).toBe('p2/L/G/C');
    expect(a.conditions).toBe(b.conditions);
    expect(a.action).toBe(b.action);
  });
});
