/**
 * A member traced to its own address (a pod's column for the pod itself) shares the walk of the
 * first member of its class traced to its own address: one traced cell per class and port, filled
 * in for each pod, equal to tracing each.
 */
import { describe, expect, it } from 'vitest';
import { syntheticTopology } from '../../../bench/synthetic';
import {
  bruteForceMatrix,
  cellAt,
  CellTable,
  computeClass,
  computeMatrix,
  planMatrix,
} from './index';
import { differences } from './matrix-diff.test-helper';

describe('a pod traced to itself', () => {
  it('shares one templated cell across the class, filled in per pod, as brute force', () => {
    const t = syntheticTopology(12, 40);
    const m = computeMatrix(t);
    const own = m.sources.flatMap((s, i) => {
      const d = m.destinations.findIndex((x) => x.kind === 'pod' && x.ip === s.ip);
      return s.kind === 'pod' && d >= 0 ? [{ s: i, d }] : [];
    });
    expect(own.length).toBe(12);
    const shared = new Set(own.map(({ s, d }) => m.rows[s]![d]));
    expect(shared.size).toBe(1);
    expect(m.templated[[...shared][0]!]).toBe(true);
    // Filled in, each names its own pod.
    const texts = new Set(own.map(({ s, d }) => JSON.stringify(cellAt(m, s, d))));
    expect(texts.size).toBe(12);
    expect(differences(m, bruteForceMatrix(t))).toEqual([]);
    // Over the pods' own columns the pod class costs three traces, not two per column: its
    // representative at the first column, the first column's pod at the second (the first
    // column's cells stand for the other pods' columns, see pod-columns.ts), and one for all
    // the pods traced to themselves.
    const plan = planMatrix(t);
    const k = plan.classes.findIndex((c) => c.length === 12);
    const table = new CellTable();
    let traces = 0;
    for (const { d } of own) traces += computeClass(t, plan, k, table, undefined, d, d + 1)!.traces;
    expect(traces).toBe(3);
  });
});
