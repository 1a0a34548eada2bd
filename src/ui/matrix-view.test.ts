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
import {
  colHead,
  fitLabel,
  headHeight,
  matrixView,
  NO_FILTER,
  rowHead,
  scopeChoices,
  windowOf,
} from './matrix-view';

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

describe('rowHead', () => {
  const id = '3b8e5d2c9f1a4e7b0c6d8f2a1e3b5c7d9f0a2b4c6e8d1f3a5b7c9e0d2f4a6b8c_vxlan0';
  it("leads a container-id label with the source's address, kept whole", () => {
    const got = rowHead({ label: id, ip: '10.244.1.10' }, 30);
    expect(got.startsWith('10.244.1.10 · ')).toBe(true);
    expect([...got].length).toBeLessThanOrEqual(30);
    expect(got.endsWith('_vxlan0')).toBe(true);
  });
  it('only fits a readable label, or one that holds its address', () => {
    expect(rowHead({ label: 'default/a1', ip: '10.244.1.10' }, 30)).toBe('default/a1');
    expect(rowHead({ label: `${id} 10.244.1.10`, ip: '10.244.1.10' }, 30)).toBe(
      fitLabel(`${id} 10.244.1.10`, 30),
    );
    // No room for the address and a piece of the label: the label alone, fitted.
    expect(rowHead({ label: id, ip: '10.244.1.10' }, 12)).toBe(fitLabel(id, 12));
  });
});

describe('colHead', () => {
  const id = '4c9f6e3d0a2b5f8c1d7e9a3b2f4c6d8e0a1b3c5d7f9e2a4b6c8d0e1f3a5b7c9d_vxlan0';
  const col = (port: number, proto: string) => ({
    label: `${id}:${port}/${proto}`,
    ip: '10.244.1.11',
    port,
    proto,
  });
  it('leads a container-id column with its whole address, port and protocol', () => {
    const dns = colHead(col(53, 'udp'), 24);
    const web = colHead(col(80, 'tcp'), 24);
    expect(dns.startsWith('10.244.1.11:53/udp · ')).toBe(true);
    expect(web.startsWith('10.244.1.11:80/tcp · ')).toBe(true);
    expect([...dns].length).toBeLessThanOrEqual(24);
    // Without room for a piece of the label: the address part alone.
    expect(colHead(col(53, 'udp'), 20)).toBe('10.244.1.11:53/udp');
  });
  it('only fits a readable label', () => {
    const vip = { label: 'VIP 10.96.0.10:53/udp', ip: '10.96.0.10', port: 53, proto: 'udp' };
    expect(colHead(vip, 30)).toBe('VIP 10.96.0.10:53/udp');
    // Too long: its address onwards, whole; else fitted as before.
    expect(colHead(vip, 18)).toBe('…10.96.0.10:53/udp');
    expect(colHead(vip, 12)).toBe(fitLabel(vip.label, 12));
  });
});
