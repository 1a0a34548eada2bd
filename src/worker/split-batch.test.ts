/**
 * A batch merged in pieces, or over several tasks, is the batch merged whole: same cells,
 * same rows completed, same counts.
 */
import { describe, expect, it } from 'vitest';
import { syntheticTopology } from '../../bench/synthetic';
import {
  cellAt,
  ClassRunner,
  MatrixAssembler,
  planMatrix,
  workUnits,
  type Matrix,
} from '../engine/matrix/index';
import type { Topology } from '../model/types';
import { buildScenario } from '../scenarios/index';
import { scaledCluster } from '../scenarios/scaled';
import { BatchMerger, splitBatch } from './split-batch';

const cells = (m: Matrix) =>
  m.sources.map((_, i) => m.destinations.map((_, j) => JSON.stringify(cellAt(m, i, j))));

/** Units of 7 columns, run round robin on two runners: the batches and their workers. */
function batches(t: Topology) {
  const plan = planMatrix(t);
  const rs = [new ClassRunner(t, plan), new ClassRunner(t, plan)];
  return {
    plan,
    batches: workUnits(plan, 7).map((u, i) => ({ worker: i % 2, batch: rs[i % 2]!.run(u)! })),
  };
}

describe('splitBatch', () => {
  it.each([
    ['new-l2bridge, 2 nodes', () => buildScenario('new-l2bridge', scaledCluster(2)), 3, 2],
    ['synthetic 40 × 30', () => syntheticTopology(40, 30), 5, 16],
  ])('a batch merged in pieces is the batch merged whole (%s)', (_, make, nCells, nRows) => {
    const t = make();
    const { plan, batches: bs } = batches(t);
    const whole = new MatrixAssembler(t.id, plan);
    const pieces = new MatrixAssembler(t.id, plan);
    let split = 0;
    for (const { worker, batch } of bs) {
      const done = whole.add(worker, batch);
      const parts = splitBatch(batch, nCells, nRows);
      if (parts.length > 1) split++;
      for (const p of parts) {
        expect(p.cells.length).toBeLessThanOrEqual(nCells);
        expect(p.rows.length).toBeLessThanOrEqual(nRows);
      }
      expect(parts.reduce((n, p) => n + p.traces, 0)).toBe(batch.traces);
      expect(parts.flatMap((p) => pieces.add(worker, p))).toEqual(done);
    }
    expect(split).toBeGreaterThan(0);
    expect(pieces.complete).toBe(true);
    expect(cells(pieces.matrix())).toEqual(cells(whole.matrix()));
    expect(pieces.matrix().stats).toEqual(whole.matrix().stats);
  });

  it('a small batch is not cut', () => {
    const b = batches(buildScenario('new-overlay')).batches[0]!.batch;
    expect(splitBatch(b, 1e6, 1e6)).toEqual([b]);
  });
});

describe('BatchMerger', () => {
  it('merges over several tasks, in order, and tells each batch once', async () => {
    const t = syntheticTopology(60, 40);
    const { plan, batches: bs } = batches(t);
    const whole = new MatrixAssembler(t.id, plan);
    for (const { worker, batch } of bs) whole.add(worker, batch);
    const asm = new MatrixAssembler(t.id, plan);
    let units = 0;
    const all = new Promise<void>((resolve) => {
      const merger = new BatchMerger(
        asm,
        () => {
          if (++units === bs.length) resolve();
        },
        () => false,
        0,
      );
      for (const { worker, batch } of bs) merger.push(worker, batch);
    });
    // One piece a task: only the first is in when the pushes return.
    expect(units).toBe(splitBatch(bs[0]!.batch, 512, 16).length === 1 ? 1 : 0);
    expect(asm.complete).toBe(false);
    await all;
    expect(units).toBe(bs.length);
    expect(cells(asm.matrix())).toEqual(cells(whole.matrix()));
    expect(asm.matrix().stats).toEqual(whole.matrix().stats);
  });

  it('stops merging once stopped', async () => {
    const t = syntheticTopology(60, 40);
    const { plan, batches: bs } = batches(t);
    const asm = new MatrixAssembler(t.id, plan);
    let units = 0;
    const merger = new BatchMerger(
      asm,
      () => units++,
      () => true,
    );
    for (const { worker, batch } of bs) merger.push(worker, batch);
    await new Promise((r) => setTimeout(r, 20));
    expect(units).toBe(0);
    expect(asm.complete).toBe(false);
  });
});
