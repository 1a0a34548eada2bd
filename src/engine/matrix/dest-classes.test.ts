import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticTopology } from '../../../bench/synthetic';
import type { LbDistribution, Topology } from '../../model/types';
import {
  bruteForceMatrix,
  cellAt,
  CellTable,
  computeClass,
  computeMatrix,
  planMatrix,
} from './index';
import { fillCell } from './compute';
import { dsrLb, lbNode, vipOf, type AclSpec, type LbSpec } from './__fixtures__/lb-node';
import { differences } from './matrix-diff.test-helper';

const lbArb: fc.Arbitrary<LbSpec> = fc.record({
  port: fc.constantFrom(80, 443),
  udp: fc.boolean(),
  target: fc.constantFrom(8080, 9000),
  backends: fc.array(fc.nat(7), { maxLength: 4 }),
  dsr: fc.boolean(),
  ilb: fc.boolean(),
  distribution: fc.constantFrom<LbDistribution>('none', 'source-ip', 'source-ip-protocol'),
  snat: fc.integer({ min: -1, max: 7 }),
});

describe('destination classes', () => {
  it('collapse the synthetic node: a few traces per backend, not per service', () => {
    const t = syntheticTopology(12, 40);
    const plan = planMatrix(t);
    const classed = plan.dests.classOf.filter((q) => q >= 0).length;
    expect(plan.dests.count).toBeGreaterThan(0);
    expect(classed).toBeGreaterThan(30);
    const m = computeMatrix(t);
    // 40 services; 52 columns in all: far fewer traces than services × classes.
    expect(m.stats.traces).toBeLessThan(plan.destinations.length * m.stats.sourceClasses);
    expect(differences(m, bruteForceMatrix(t))).toEqual([]);
  });

  it('keep apart a service an ACL names; forcing it in breaks the comparison', () => {
    // Pod 0 blocks VIP 0 going out: services 1–3 are one class, service 0 stays apart.
    const acl: AclSpec = { pod: 0, lb: 0, block: true, dir: 'out', priority: 100 };
    const t = lbNode(4, [dsrLb([1, 2]), dsrLb([2, 3]), dsrLb([1, 3]), dsrLb([2])], [acl]);
    const plan = planMatrix(t);
    const cols = [0, 1, 2, 3].map((j) => plan.destinations.findIndex((d) => d.ip === vipOf(j)));
    const q = cols.map((d) => plan.dests.classOf[d]!);
    expect(q[0]).toBe(-1);
    expect(q[1]).toBeGreaterThanOrEqual(0);
    expect(q[2]).toBe(q[1]);
    expect(q[3]).toBe(q[1]);
    expect(differences(computeMatrix(t), bruteForceMatrix(t))).toEqual([]);

    // Service 0 forced into the class, with its own VIP and backend list.
    const d0 = cols[0]!;
    const ipNum = (ip: string) => ip.split('.').reduce((a, x) => a * 256 + Number(x), 0);
    const backends = [1, 2].map((i) => ipNum(t.endpoints[`ep${i}`]!.ipAddress!) * 65536 + 8080);
    const at = <T>(xs: readonly T[], v: T) => xs.map((x, d) => (d === d0 ? v : x));
    const forced = {
      ...plan,
      dests: {
        ...plan.dests,
        classOf: at(plan.dests.classOf, q[1]!),
        vip: at(plan.dests.vip, ipNum(vipOf(0))),
        list: at<readonly number[] | null>(plan.dests.list, backends),
        backendSources: at<readonly number[]>(plan.dests.backendSources, []),
      },
    };
    const table = new CellTable();
    const brute = bruteForceMatrix(t);
    let diff = 0;
    for (let k = 0; k < forced.classes.length; k++)
      for (const [s, row] of computeClass(t, forced, k, table)!.rows)
        row.forEach((ci, d) => {
          const got = fillCell(table.cells[ci]!, forced.tokens[s] ?? null);
          if (JSON.stringify(got) !== JSON.stringify(cellAt(brute, s, d))) diff++;
        });
    expect(diff).toBeGreaterThan(0);
  });

  it('equal brute force on random nodes: shared backends, backend counts, flags, ACLs', () => {
    let classed = 0;
    const arb = fc.record({
      pods: fc.integer({ min: 2, max: 6 }),
      lbs: fc.array(lbArb, { minLength: 2, maxLength: 8 }),
      acls: fc.array(
        fc.record({
          pod: fc.nat(7),
          lb: fc.nat(7),
          block: fc.boolean(),
          dir: fc.constantFrom<'in' | 'out'>('in', 'out'),
          priority: fc.integer({ min: 100, max: 300 }),
        }),
        { maxLength: 3 },
      ),
      // Services that differ only in their VIP (and backends): copies of one spec.
      copies: fc.integer({ min: 0, max: 4 }),
      seed: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(arb, (r) => {
        const lbs = [...r.lbs];
        for (let i = 0; i < r.copies; i++)
          lbs.push({ ...r.lbs[0]!, backends: r.lbs[i % r.lbs.length]!.backends });
        let t: Topology;
        try {
          t = lbNode(r.pods, lbs, r.acls);
        } catch {
          return;
        }
        const m = computeMatrix(t, r.seed);
        classed += planMatrix(t, r.seed).dests.classOf.filter((q) => q >= 0).length;
        expect(differences(m, bruteForceMatrix(t, r.seed))).toEqual([]);
      }),
      { numRuns: 60 },
    );
    expect(classed).toBeGreaterThan(0);
  }, 120_000);
});
