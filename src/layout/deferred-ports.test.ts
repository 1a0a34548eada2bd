/**
 * A big dump's VFP is not derived into the model (`I_VFP_DEFERRED`); the drawing, the outline
 * and the inspector derive a port's when it is opened. What they show must be what the model
 * would hold had `programVfp` run: the same layers, groups, rules and ids (the engine's hops
 * name those ids).
 */
import { describe, expect, it } from 'vitest';
import { stripVfp } from '../model/strip-vfp.test-helper';
import { allVfpRules } from '../model/vfp-rules';
import { buildScenario } from '../scenarios/index';
import { layoutTopology } from './layout-topology';
import { indexTopology } from './object-index';
import { buildObjectTree, hasRows, parentKeys, type TreeNode } from './object-tree';
import { layoutPortDetail, ON_DEMAND_NOTE } from './port-detail';

const full = buildScenario('new-l2bridge');
const bare = stripVfp(full);
const a1Port = full.endpoints[full.pods['pod:a1']!.endpointIds[0]!]!.portId!;

/** Rows of the outline, depth first, opening every row (lazy ones too). */
function rows(list: readonly TreeNode[], out: TreeNode[] = []): TreeNode[] {
  for (const r of list) {
    out.push(r);
    rows(r.children, out);
  }
  return out;
}
const find = (list: readonly TreeNode[], key: string) => rows(list).find((r) => r.key === key);
const shape = (r: TreeNode): unknown => ({
  key: r.key,
  label: r.label,
  derived: r.derived,
  children: r.children.map(shape),
});

describe('the drawing, the outline and the inspector on a deferred port', () => {
  it('the port says its layers are derived when opened, not that it has none', () => {
    const item = layoutTopology(bare).byId[a1Port]!;
    expect(item.ariaLabel).toContain('VFP layers derived when opened');
    expect(item.lines.map((l) => l.text).join(' ')).not.toContain('no VFP layers');
    expect(layoutTopology(full).byId[a1Port]!.ariaLabel).toMatch(/\d+ VFP layers/);
  });

  it("the port's card lists the programmed groups and rules, under a note saying they are derived", () => {
    const card = layoutPortDetail(bare, layoutTopology(bare), a1Port)!;
    const programmed = layoutPortDetail(full, layoutTopology(full), a1Port)!;
    const ids = (c: typeof card) => c.items.map((i) => `${i.kind} ${i.id} ${i.ariaLabel}`);
    expect(ids(card)).toEqual(ids(programmed));
    expect(card.items.length).toBeGreaterThan(5);
    expect(card.headings[0]!.line.text).toBe(ON_DEMAND_NOTE);
    expect(programmed.headings.map((h) => h.line.text)).not.toContain(ON_DEMAND_NOTE);
  });

  it("the outline's port row opens to the programmed rows, and reveals a rule under its group", () => {
    // Before it opens, the row says it has rows without deriving them (the outline draws its
    // expander: on a cluster of 100,000 load balancers a derivation is tens of milliseconds).
    const closed = find(buildObjectTree(stripVfp(full)), a1Port)!;
    Object.defineProperty(closed, 'children', {
      get: () => {
        throw new Error('the rows were made');
      },
    });
    expect(hasRows(closed)).toBe(true);
    const tree = buildObjectTree(bare);
    const row = find(tree, a1Port)!;
    expect(row.lazy).toBe(true);
    const programmed = find(buildObjectTree(full), a1Port)!;
    // Groups under a derived port open on demand: compare with every row opened.
    expect(shape(row)).toEqual(shape(programmed));
    const rule = [...allVfpRules(full)].find((r) => r.portId === a1Port)!;
    const parents = parentKeys(buildObjectTree(stripVfp(full)));
    expect(parents.get(rule.id)).toBe(rule.groupId);
    expect(parents.get(rule.groupId)).toBe(rule.layerId);
    expect(parents.get(rule.layerId)).toBe(a1Port);
  });

  it('the index finds its layers, groups and rules (the inspector and selection)', () => {
    const index = indexTopology(bare);
    const rule = [...allVfpRules(full)].find((r) => r.portId === a1Port)!;
    expect(index[rule.id]).toMatchObject({ id: rule.id, kind: 'rule', portId: a1Port });
    expect(index[rule.id]!.entity).toEqual(rule);
    expect(index[rule.groupId]?.kind).toBe('group');
    expect(index[rule.layerId]?.kind).toBe('layer');
    expect(index[`${a1Port}/NO_SUCH_LAYER`]).toBeUndefined();
  });
});
