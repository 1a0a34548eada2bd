/**
 * A source's token (its endpoint's name, its port's friendly name, its address) can stand inside
 * another object's text where no class key reads it as that source's: inside a longer piece of
 * another port's name, in rule, layer and group names. A templated cell that wrote such a word
 * as the source's placeholder would move it to every member of the class; brute force keeps it.
 * Each case failed before templates were checked (`template-check.ts`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../model/types';
import { parseInputs } from '../../parsers/index';
import { syntheticDump } from '../../../bench/parse-bench';
import {
  bruteForceMatrix,
  ClassRunner,
  computeMatrix,
  MatrixAssembler,
  planMatrix,
  workUnits,
} from './index';
import { dsrLb as lb, lbNode } from './__fixtures__/lb-node';
import { differences } from './matrix-diff.test-helper';

/** Six pods and four services whose backends overlap. */
const base = () => lbNode(6, [lb([1, 2]), lb([2, 3]), lb([1, 3]), lb([4, 5])], []);

/** `t` with the friendly names of the ports `which` picks written by `f`. */
function withPortNames(
  t: Topology,
  f: (n: string) => string,
  which: (id: string) => boolean = () => true,
): Topology {
  const ports = Object.fromEntries(
    Object.entries(t.ports).map(([k, p]) => [
      k,
      which(k) ? { ...p, friendlyName: p.friendlyName && f(p.friendlyName) } : p,
    ]),
  );
  return { ...t, ports };
}

/** `t` with the names of the rules on `port` written by `f`. */
function withRuleNames(t: Topology, port: string, f: (n: string) => string): Topology {
  const rules = Object.fromEntries(
    Object.entries(t.rules).map(([k, r]) => [k, r.portId === port ? { ...r, name: f(r.name) } : r]),
  );
  return { ...t, rules };
}

/** `t` with the names of the layers (by id) `which` picks written by `f`. */
function withLayerNames(
  t: Topology,
  f: (n: string) => string,
  which: (id: string) => boolean,
): Topology {
  const layers = Object.fromEntries(
    Object.entries(t.layers).map(([k, l]) => [k, which(k) ? { ...l, name: f(l.name) } : l]),
  );
  return { ...t, layers };
}

/** `t` with the names of the groups on the ports `which` picks written by `f`. */
function withGroupNames(
  t: Topology,
  f: (n: string) => string,
  which: (port: string) => boolean,
): Topology {
  const groups = Object.fromEntries(
    Object.entries(t.groups).map(([k, g]) => [k, which(g.portId) ? { ...g, name: f(g.name) } : g]),
  );
  return { ...t, groups };
}

const same = (t: Topology) =>
  expect(differences(computeMatrix(t), bruteForceMatrix(t))).toEqual([]);

describe("a source's token inside another object's text", () => {
  it('in the names of other ports', () => {
    // `Container NIC 2-ep1`: pod 1's endpoint name inside a longer piece. A template of pod 1's
    // cells wrote it as pod 1's, so its class took `…-ep3` where brute force keeps `…-ep1`.
    for (const f of [
      (n: string) => `${n}-ep1`,
      (n: string) => `ep1-${n}`,
      (n: string) => `ep1 ${n}`,
      (n: string) => `${n}.ep1:x`,
    ])
      same(withPortNames(base(), f));
  });

  it("in rule, layer and group names on another pod's port", () => {
    const t = base();
    const layers = new Set(t.ports.port2!.layerIds);
    same(withRuleNames(t, 'port2', (n) => `allow-ep1-${n}`));
    same(
      withLayerNames(
        t,
        (n) => `${n} ep1`,
        (id) => layers.has(id),
      ),
    );
    same(
      withGroupNames(
        t,
        (n) => `${n} ep1`,
        (p) => p === 'port2',
      ),
    );
  });

  it('equals brute force on random nodes whose names hold other sources’ tokens', () => {
    const piece = fc.constantFrom('ep1', 'ep2', 'p1', '10.244.1.1', '-', ' ', '_', '.', ':', 'x');
    const word = fc.array(piece, { maxLength: 3 }).map((xs) => xs.join(''));
    const ports = fc.subarray(['port0', 'port1', 'port2', 'port3', 'port4', 'port5', 'ext']);
    fc.assert(
      fc.property(word, word, ports, fc.boolean(), (pre, post, at, groups) => {
        const f = (n: string) => `${pre}${n}${post}`;
        let t = withPortNames(base(), f, (k) => at.includes(k));
        if (groups) t = withGroupNames(t, f, (p) => at.includes(p));
        for (const p of at) t = withRuleNames(t, p, f);
        same(t);
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});

describe('a template kept to one source', () => {
  it('is still shared by the members of a class that made it alike', () => {
    // The bench's dump generator names endpoints by their index in hex padded with `a`: 0x0
    // and 0xa0 get the same name, so the templates of the 24 such pods are kept to them.
    // Every outbound packet is dropped by the default ACL, whose text names the source's own
    // endpoint: one template per column for every pod. The kept mark was once per template,
    // not per (template, source): after a kept source made it, every member of the big class
    // was traced alone (31,486 traces for 31,486 cells).
    const t = parseInputs([{ name: 'x.json', text: syntheticDump(0.01, 172, 2) }]).topology;
    const m = computeMatrix(t);
    expect(differences(m, bruteForceMatrix(t))).toEqual([]);
    expect(m.stats.traces).toBeLessThan(m.stats.cells / 4);
    // And the same in a pool's order: units of every class over two runners.
    const plan = planMatrix(t);
    const runners = [new ClassRunner(t, plan), new ClassRunner(t, plan)];
    const asm = new MatrixAssembler(t.id, plan);
    workUnits(plan).forEach((u, i) => asm.add(i % 2, runners[i % 2]!.run(u)!));
    const pooled = asm.matrix();
    expect(differences(pooled, m)).toEqual([]);
    expect(pooled.stats.traces).toBeLessThan(m.stats.cells / 4);
  }, 60_000);
});
