/**
 * Dump texts can hold any character: a rule named with a key's separator, a prefix holding a
 * comma, a name holding a literal placeholder (`⟨vip0⟩`, `⟨pod.ip⟩`). No such text may make two
 * different programs read as one class: each case here gave a class-based cell that differed
 * from tracing before the matrix's keys were made injective.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleConditions, Topology, VfpRule } from '../../model/types';
import { bruteForceMatrix, computeMatrix, planMatrix } from './index';
import { dsrLb as lb, lbNode, vipOf } from './__fixtures__/lb-node';
import { differences } from './matrix-diff.test-helper';

interface Extra {
  readonly name: string;
  readonly priority?: number;
  readonly allow?: boolean;
  readonly conditions?: Partial<RuleConditions>;
}

/** `t` with rules put first in `port`'s outbound ACL group (blocks unless `allow`). */
function withRules(t: Topology, port: string, extra: readonly Extra[]): Topology {
  const g = Object.values(t.groups).find(
    (x) => x.portId === port && x.name === 'ACL_ENDPOINT_GROUP_IPV4_OUT',
  )!;
  const base = Object.values(t.rules).find((r) => r.portId === port)!;
  const rules: Record<string, VfpRule> = { ...t.rules };
  const ids = extra.map((x, k) => {
    const id = `${g.id}/extra${k}`;
    rules[id] = {
      ...base,
      id,
      groupId: g.id,
      layerId: g.layerId,
      name: x.name,
      priority: x.priority ?? 100,
      type: x.allow ? 'allow' : 'block',
      action: { kind: x.allow ? 'allow' : 'block' },
      terminating: true,
      stateful: false,
      conditions: {
        srcPrefixes: null,
        dstPrefixes: null,
        srcPorts: null,
        dstPorts: null,
        protocols: null,
        ...x.conditions,
      },
    };
    return id;
  });
  return {
    ...t,
    rules,
    groups: { ...t.groups, [g.id]: { ...g, ruleIds: [...ids, ...g.ruleIds] } },
  };
}

/** Four services alike but for their VIPs, and four pods. */
const node = () => lbNode(4, [lb([1, 2]), lb([1, 2]), lb([1, 2]), lb([1, 2])], []);
const toVip = (j: number) => ({ dstPrefixes: [vipOf(j)] });
/** How many service columns share a destination class. */
const classed = (t: Topology) => planMatrix(t).dests.classOf.filter((q) => q >= 0).length;

describe('matrix keys against hostile dump texts', () => {
  it('a rule named with a literal VIP placeholder is not the VIP (a port that no backend is)', () => {
    // Each VIP blocked from pod 0 by a rule named after it; VIP 2's names `⟨vip0⟩` literally.
    const name = (j: number) => (j === 2 ? 'blk_\u27e8vip0\u27e9' : `blk_${vipOf(j)}`);
    const t = withRules(
      node(),
      'port0',
      [0, 1, 2, 3].map((j) => ({ name: name(j), conditions: toVip(j) })),
    );
    expect(differences(computeMatrix(t), bruteForceMatrix(t))).toEqual([]);
  });

  it('a rule named with a literal VIP placeholder is not the VIP (backend ports, compared in place)', () => {
    // Only the backends' ports name the VIPs: their keys are compared without being written.
    const name = (j: number) => (j === 2 ? 'blk_\u27e8vip0\u27e9' : `blk_${vipOf(j)}`);
    const rules = [0, 1, 2, 3].map((j) => ({ name: name(j), conditions: toVip(j) }));
    const t = withRules(withRules(node(), 'port1', rules), 'port2', rules);
    expect(differences(computeMatrix(t), bruteForceMatrix(t))).toEqual([]);
  });

  it("a VIP's address inside a longer piece of a rule's name is not swapped for another's", () => {
    // Every VIP blocked by a rule named `blk-10.96.1.1`: the key reads that name as text (the
    // same for all), a cell's words as VIP 0's address, which another column must not swap.
    const t = withRules(
      node(),
      'port0',
      [0, 1, 2, 3].map((j) => ({ name: `blk-${vipOf(0)}`, conditions: toVip(j) })),
    );
    expect(classed(t)).toBeGreaterThan(0);
    expect(differences(computeMatrix(t), bruteForceMatrix(t))).toEqual([]);
  });

  it("a pod's port named so that no word starts or ends it is not left in another's cell", () => {
    // Pod columns and backend pods take a cell of another pod with its tokens swapped; a
    // friendly name `-Container NIC 1` or `⟨Container NIC 1⟩` was never found to swap.
    for (const f of [(n: string) => `-${n}`, (n: string) => `\u27e8${n}\u27e9`]) {
      const t0 = lbNode(6, [lb([1, 2]), lb([2, 3]), lb([1, 3]), lb([4, 5])], []);
      const ports = Object.fromEntries(
        Object.entries(t0.ports).map(([k, p]) => [
          k,
          { ...p, friendlyName: p.friendlyName && f(p.friendlyName) },
        ]),
      );
      const t = { ...t0, ports };
      expect(differences(computeMatrix(t), bruteForceMatrix(t))).toEqual([]);
    }
  });

  it("a pod's port named with another source's name is not swapped as the pod's own", () => {
    // Every port's friendly name holds pod 1's endpoint name: a template of pod 1's cells
    // writes it as a placeholder inside the other pods' names, where their swap never finds it.
    const t0 = lbNode(6, [lb([1, 2]), lb([2, 3]), lb([1, 3]), lb([4, 5])], []);
    const ports = Object.fromEntries(
      Object.entries(t0.ports).map(([k, p]) => [
        k,
        { ...p, friendlyName: p.friendlyName && `ep1 ${p.friendlyName}` },
      ]),
    );
    const t = { ...t0, ports };
    expect(differences(computeMatrix(t), bruteForceMatrix(t))).toEqual([]);
  });

  it('a rule named with a literal source placeholder is not the source', () => {
    // Pods 1 and 2 alike but for the name of a rule blocking their own address: pod 1's named
    // after its address, pod 2's `⟨pod.ip⟩`.
    const t0 = node();
    const [ip1, ip2] = [t0.endpoints.ep1!.ipAddress!, t0.endpoints.ep2!.ipAddress!];
    const own = (ip: string) => ({ srcPrefixes: [ip] });
    const t = withRules(
      withRules(t0, 'port1', [{ name: `blk_${ip1}`, conditions: own(ip1) }]),
      'port2',
      [{ name: 'blk_\u27e8pod.ip\u27e9', conditions: own(ip2) }],
    );
    expect(differences(computeMatrix(t), bruteForceMatrix(t))).toEqual([]);
  });

  it('a prefix holding a comma is not two prefixes', () => {
    // VIP 2's rule has one prefix, `0.0.0.0/1,128.0.0.0/1`, which no address is in: it blocks
    // nothing, where the others' two prefixes block pod 0.
    const src = (j: number) => (j === 2 ? ['0.0.0.0/1,128.0.0.0/1'] : ['0.0.0.0/1', '128.0.0.0/1']);
    const t = withRules(
      node(),
      'port0',
      [0, 1, 2, 3].map((j) => ({
        name: 'blk',
        conditions: { ...toVip(j), srcPrefixes: src(j) },
      })),
    );
    expect(classed(t)).toBeGreaterThan(0);
    expect(differences(computeMatrix(t), bruteForceMatrix(t))).toEqual([]);
  });

  it("a rule named with the key's own separators is not two rules", () => {
    // VIPs 0, 1 and 3: a block (priority 50, named `a`) and an allow (100, `b`), so pod 0 is
    // blocked. VIP 2: only the allow, its name the block's text and a line break (as the key
    // once wrote a port's list), so pod 0 reaches it.
    const t0 = node();
    const g = Object.values(t0.groups).find(
      (x) => x.portId === 'port0' && x.name === 'ACL_ENDPOINT_GROUP_IPV4_OUT',
    )!;
    const where = `${t0.layers[g.layerId]!.name}/${g.name}/${g.direction}`;
    const hostile = `a|50|block|10|*|${vipOf(2)}|*|*|*|block\n#0|${where}|b`;
    const rules = [0, 1, 2, 3].flatMap((j): Extra[] =>
      j === 2
        ? [{ name: hostile, priority: 100, allow: true, conditions: toVip(j) }]
        : [
            { name: 'a', priority: 50, conditions: toVip(j) },
            { name: 'b', priority: 100, allow: true, conditions: toVip(j) },
          ],
    );
    const t = withRules(t0, 'port0', rules);
    expect(classed(t)).toBeGreaterThan(0);
    expect(differences(computeMatrix(t), bruteForceMatrix(t))).toEqual([]);
  });

  it('equal brute force on random nodes whose rule names and prefixes are hostile', () => {
    // Fragments of names: the rule's own VIP (`V`), another's, literal placeholders and the
    // separators keys were once joined with.
    const fragment = fc.constantFrom(
      'V',
      vipOf(0),
      '\u27e8vip0\u27e9',
      '\u27e8pod.ip\u27e9',
      '|',
      '\n',
      '\u0001',
      ',',
      ':',
      '_',
      'a',
      '1',
    );
    const spec = fc.record({
      name: fc.array(fragment, { maxLength: 4 }),
      priority: fc.constantFrom(50, 100),
      allow: fc.boolean(),
      // Pod 0's port (no backend's) or the backends' (VIPs compared without their keys).
      backends: fc.boolean(),
      src: fc.constantFrom<readonly string[] | null>(
        null,
        ['0.0.0.0/1', '128.0.0.0/1'],
        ['0.0.0.0/1,128.0.0.0/1'],
      ),
    });
    type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;
    // Every VIP gets the same rules up to its own address, but one VIP's are changed as a
    // hostile dump might: its address written as a literal placeholder, its prefixes joined
    // into one, its name and the next rule's joined with a separator.
    const change = fc.constantFrom('placeholder', 'comma', 'join|', 'join\n', 'none');
    const changed = (rules: Spec[], how: string): Spec[] =>
      how === 'placeholder'
        ? rules.map((r) => ({
            ...r,
            name: r.name.map((x) => (x === 'V' ? '\u27e8vip0\u27e9' : x)),
          }))
        : how === 'comma'
          ? rules.map((r) => ({ ...r, src: r.src && [r.src.join(',')] }))
          : how.startsWith('join') && rules.length > 1
            ? [{ ...rules[1]!, name: [...rules[0]!.name, how.slice(4), ...rules[1]!.name] }]
            : rules;
    let classes = 0;
    fc.assert(
      fc.property(
        fc.array(spec, { minLength: 1, maxLength: 2 }),
        fc.nat(3),
        change,
        (base, odd, how) => {
          const vips = [0, 1, 2, 3].map((j) => (j === odd ? changed(base, how) : base));
          let t = node();
          for (const port of ['port0', 'port1', 'port2']) {
            const extra = vips.flatMap((rules, j) =>
              rules
                .filter((r) => r.backends === (port !== 'port0'))
                .map((r) => ({
                  name: r.name.map((x) => (x === 'V' ? vipOf(j) : x)).join(''),
                  priority: r.priority,
                  allow: r.allow,
                  conditions: { ...toVip(j), srcPrefixes: r.src },
                })),
            );
            if (extra.length > 0) t = withRules(t, port, extra);
          }
          classes += classed(t);
          expect(differences(computeMatrix(t), bruteForceMatrix(t))).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
    expect(classes).toBeGreaterThan(0);
  }, 120_000);
});
