import { describe, expect, it } from 'vitest';
import { buildScenario, SCENARIO_IDS } from '../scenarios/index';
import { objectTreeSteps, parentKeys, type TreeNode } from './object-tree';

/** The parent of every key, walked recursively (what the outline means by parent). */
function reference(roots: readonly TreeNode[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (n: TreeNode): void => {
    if (n.lazy) return;
    for (const c of n.children) {
      out.set(c.key, n.key);
      walk(c);
    }
  };
  roots.forEach(walk);
  return out;
}

describe('parentKeys', () => {
  it.each(SCENARIO_IDS)('gives every row of %s its parent, as a recursive walk does', (id) => {
    const t = buildScenario(id);
    const steps = objectTreeSteps(t);
    let r = steps.next();
    while (!r.done) r = steps.next();
    const roots = r.value;
    const parents = parentKeys(roots);
    const want = reference(roots);
    expect(want.size).toBeGreaterThan(10);
    for (const [k, p] of want) expect(parents.get(k)).toBe(p);
    // Cached per outline (objectTreeSteps makes it in steps): a selection never walks it again.
    expect(parentKeys(roots)).toBe(parents);
  });
});
