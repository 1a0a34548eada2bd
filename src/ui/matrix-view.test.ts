import { describe, expect, it } from 'vitest';
import {
  cellAt,
  ClassRunner,
  computeMatrix,
  MatrixAssembler,
  planMatrix,
  workUnits,
} from '../engine/matrix/index';
import { buildScenario } from '../scenarios/index';
import { fitLabel, headHeight, matrixView, NO_FILTER, scopeChoices, windowOf } from './matrix-view';

describe('matrix view', () => {
  const m = computeMatrix(buildScenario('new-l2bridge'));

  it('only drops keeps rows and columns with a drop, every one of them', () => {
    const v = matrixView(m, { ...NO_FILTER, onlyDrops: true });
    expect(v.rows.length).toBeGreaterThan(0);
    expect(v.rows.length).toBeLessThanOrEqual(m.sources.length);
    for (const r of v.rows)
      expect(v.cols.some((c) => cellAt(m, r, c)!.verdict === 'dropped')).toBe(true);
    for (const c of v.cols)
      expect(v.rows.some((r) => cellAt(m, r, c)!.verdict === 'dropped')).toBe(true);
  });

  it('one protocol, one node, most drops first', () => {
    const udp = matrixView(m, { ...NO_FILTER, proto: 'udp' });
    expect(udp.cols.length).toBeGreaterThan(0);
    expect(udp.cols.every((c) => m.destinations[c]!.proto === 'udp')).toBe(true);
    const node = scopeChoices(m).find((s) => s.value.startsWith('node:'))!;
    const one = matrixView(m, { ...NO_FILTER, scope: node.value });
    expect(one.rows.every((r) => `node:${m.sources[r]!.node}` === node.value)).toBe(true);
    const drops = (r: number, cols: readonly number[]) =>
      cols.filter((c) => cellAt(m, r, c)!.verdict === 'dropped').length;
    const sorted = matrixView(m, { ...NO_FILTER, sortByDrops: true });
    const counts = sorted.rows.map((r) => drops(r, sorted.cols));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBeGreaterThan(counts[counts.length - 1]!);
  });

  it('leaves out rows still being computed, and counts them', () => {
    const partial = { ...m, rows: m.rows.map((r, i) => (i === 0 ? null : r)) };
    const v = matrixView(partial, NO_FILTER);
    expect(v.pending).toBe(1);
    expect(v.rows).not.toContain(0);
  });

  it('windows a virtualised axis with spacers that add up', () => {
    const w = windowOf(260, 100, 26, 1000);
    expect(w.first).toBe(6);
    expect(w.before + w.n * 26 + w.after).toBe(1000 * 26);
    expect(windowOf(0, 100, 26, 0)).toEqual({ first: 0, n: 0, before: 0, after: 0 });
  });

  it('a matrix still filling: started rows show, every unfinished row counts as pending', () => {
    const t = buildScenario('new-l2bridge');
    const plan = planMatrix(t);
    const asm = new MatrixAssembler(t.id, plan);
    const [first] = workUnits(plan, 3);
    asm.add(0, new ClassRunner(t, plan).run(first!)!);
    // The first unit is the biggest class's: its members' rows have started (b1 and coredns,
    // alike up to their identity and their stand-ins on win-a).
    const members = [...plan.classes[first!.k]!].sort((a, b) => a - b);
    expect(members.length).toBeGreaterThan(1);
    const v = matrixView(asm.matrix(), NO_FILTER);
    expect(v.rows).toEqual(members);
    expect(v.pending).toBe(plan.sources.length);
    // Pending cells are no drops: the filter keeps only rows with a computed drop.
    const drops = matrixView(asm.matrix(), { ...NO_FILTER, onlyDrops: true });
    expect(drops.pending).toBe(plan.sources.length);
  });
});

describe('fitLabel', () => {
  it('keeps a label that fits, and cuts a long one in the middle, keeping more of its end', () => {
    expect(fitLabel('default/web:http/tcp', 20)).toBe('default/web:http/tcp');
    expect(fitLabel('VIP 10.96.0.12:80/tcp', 18)).toBe('VIP …6.0.12:80/tcp');
    expect(fitLabel('VIP 10.96.0.12:80/tcp', 12)).toBe('VI…12:80/tcp');
    // A dump's endpoint names, alike up to their last characters, stay apart.
    const a = `${'a'.repeat(62)}13_vxlan0`;
    const b = `${'a'.repeat(62)}14_vxlan0`;
    expect(fitLabel(a, 26)).not.toBe(fitLabel(b, 26));
    expect([...fitLabel(a, 26)]).toHaveLength(26);
    expect(fitLabel('abcdef', 3)).toBe('ab…');
    // Characters beyond the BMP count as one and are never split.
    expect(fitLabel('😀'.repeat(10), 5)).toBe('😀…😀😀😀');
  });
});

describe('headHeight', () => {
  const o = { min: 120, max: 168, rowH: 26 };
  it('fits the longest label when the rows leave room, within its bounds', () => {
    // 8 rows in 390 px leave 182 px: a 140 px label gets 156 (padding 16).
    expect(headHeight(390, 8, 140, o)).toBe(156);
    expect(headHeight(390, 8, 400, o)).toBe(168);
    expect(headHeight(390, 8, 40, o)).toBe(120);
    // 201 rows: room kept for 8 of them (390 - 208 = 182), never below the minimum.
    expect(headHeight(350, 201, 400, o)).toBe(142);
    expect(headHeight(200, 201, 400, o)).toBe(120);
  });
});
