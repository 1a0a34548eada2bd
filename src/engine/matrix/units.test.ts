/**
 * Work units: a class cut into destination ranges, handed to several runners in any order,
 * assembles into exactly the matrix computed in one piece; a matrix still filling shows its
 * missing cells as pending.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../scenarios/index';
import { scaledCluster } from '../../scenarios/scaled';
import { syntheticTopology } from '../../../bench/synthetic';
import {
  cellAt,
  ClassRunner,
  computeMatrix,
  MatrixAssembler,
  PENDING_CELL,
  planMatrix,
  PREVIEW_COLUMNS,
  PREVIEW_FIRST_COLUMNS,
  PREVIEW_FIRST_ROWS,
  PREVIEW_ROWS,
  previewBatch,
  previewBatches,
  unplanned,
  workUnits,
  type Matrix,
} from './index';
import type { Topology } from '../../model/types';

const cells = (m: Matrix) =>
  m.sources.map((_, i) => m.destinations.map((_, j) => JSON.stringify(cellAt(m, i, j))));

/** Units of `columns` columns over `runners` runners, round robin, in reverse order. */
function assembled(t: Topology, columns: number, runners: number) {
  const plan = planMatrix(t);
  const rs = Array.from({ length: runners }, () => new ClassRunner(t, plan));
  const asm = new MatrixAssembler(t.id, plan);
  const units = workUnits(plan, columns).reverse();
  const completed: number[] = [];
  units.forEach((u, i) => completed.push(...asm.add(i % runners, rs[i % runners]!.run(u)!)));
  return { asm, units, completed, plan };
}

describe('matrix work units', () => {
  it('cover every (class, destination) once, left columns first', () => {
    const plan = planMatrix(buildScenario('new-l2bridge', scaledCluster(2)));
    const units = workUnits(plan, 4);
    const seen = new Set<string>();
    for (const u of units)
      for (let d = u.from; d < u.to; d++) {
        const k = `${u.k}:${d}`;
        expect(seen.has(k), k).toBe(false);
        seen.add(k);
      }
    expect(seen.size).toBe(plan.classes.length * plan.destinations.length);
    // Every class's first range comes before any second range.
    const firstSecond = units.findIndex((u) => u.from > 0);
    expect(
      units
        .slice(0, firstSecond)
        .map((u) => u.k)
        .sort((a, b) => a - b),
    ).toEqual(plan.classes.map((_, k) => k));
  });

  for (const [name, t] of [
    ['reference cluster', buildScenario('new-overlay')],
    ['scaled cluster', buildScenario('old-winnat', scaledCluster(3))],
    ['synthetic node', syntheticTopology(12, 40)],
  ] as const)
    it(`assemble into the one-piece matrix: ${name}`, () => {
      const whole = computeMatrix(t);
      for (const [columns, runners] of [
        [1, 3],
        [5, 2],
        [1000, 1],
      ] as const) {
        const { asm, completed, plan } = assembled(t, columns, runners);
        expect(asm.complete).toBe(true);
        expect(asm.matrix().pendingRows).toBe(0);
        expect(new Set(completed).size).toBe(plan.sources.length);
        expect(cells(asm.matrix())).toEqual(cells(whole));
      }
    });

  it('a matrix still filling: pending cells read as null', () => {
    const t = buildScenario('new-l2bridge', scaledCluster(2));
    const plan = planMatrix(t);
    const asm = new MatrixAssembler(t.id, plan);
    const runner = new ClassRunner(t, plan);
    const [first] = workUnits(plan, 3);
    const done = asm.add(0, runner.run(first!)!);
    expect(done).toEqual([]); // three columns of many: no row is complete
    expect(asm.complete).toBe(false);
    const m = asm.matrix();
    const s = plan.classes[first!.k]![0]!;
    expect(m.rows[s]![0]).not.toBe(PENDING_CELL);
    expect(m.rows[s]![3]).toBe(PENDING_CELL);
    expect(cellAt(m, s, 0)).not.toBeNull();
    expect(cellAt(m, s, 3)).toBeNull();
    expect(m.pendingRows).toBe(plan.sources.length);
  });

  it('a preview of the first rows, traced cell by cell before any plan, equals the matrix', () => {
    const t = buildScenario('new-l2bridge', scaledCluster(2));
    const whole = computeMatrix(t);
    const { sources, destinations } = whole;
    const batch = previewBatch(t, { sources, destinations, seed: 1 }, 3, 5);
    expect(batch.rows.map((r) => r.source)).toEqual([0, 1, 2]);
    // Shown alone (one-source classes, no plan yet): its cells, the rest pending.
    const pre = new MatrixAssembler(t.id, unplanned(sources, destinations));
    pre.preview(batch);
    const m = pre.matrix();
    for (const s of [0, 1, 2]) {
      for (let d = 0; d < 5; d++)
        expect(JSON.stringify(cellAt(m, s, d))).toBe(JSON.stringify(cellAt(whole, s, d)));
      expect(cellAt(m, s, 5)).toBeNull();
    }
    expect(m.rows[3]).toBeNull();
    expect(pre.complete).toBe(false);
    // Under the real plan it counts as nothing computed; the units complete the same matrix.
    const plan = planMatrix(t);
    const asm = new MatrixAssembler(t.id, plan);
    asm.preview(batch);
    expect(asm.matrix().pendingRows).toBe(plan.sources.length);
    const runner = new ClassRunner(t, plan);
    const completed = workUnits(plan, 4).flatMap((u) => asm.add(0, runner.run(u)!));
    expect(new Set(completed).size).toBe(plan.sources.length);
    expect(asm.complete).toBe(true);
    expect(cells(asm.matrix())).toEqual(cells(whole));
  });

  it('the preview in pieces, its first corner first, shows the cells of the whole preview', () => {
    const t = syntheticTopology(20, 70);
    const { sources, destinations } = planMatrix(t);
    const plan = { sources, destinations, seed: 1 };
    expect(sources.length).toBeGreaterThan(PREVIEW_ROWS);
    expect(destinations.length).toBeGreaterThan(PREVIEW_COLUMNS);
    const shown = (batches: Iterable<ReturnType<typeof previewBatch>>) => {
      const pre = new MatrixAssembler(t.id, unplanned(sources, destinations));
      for (const b of batches) pre.preview(b);
      return cells(pre.matrix());
    };
    const pieces = [...previewBatches(t, plan)];
    const first = pieces[0]!;
    expect(first.rows.map((r) => r.source)).toEqual([...Array(PREVIEW_FIRST_ROWS).keys()]);
    expect(first.rows.every((r) => r.cells.length === PREVIEW_FIRST_COLUMNS)).toBe(true);
    expect(shown(pieces)).toEqual(shown([previewBatch(t, plan)]));
    expect(pieces.reduce((n, b) => n + b.traces, 0)).toBe(PREVIEW_ROWS * PREVIEW_COLUMNS);
  });
});
