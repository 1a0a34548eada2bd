/**
 * The outputs in pieces (`stream.ts`): whatever the piece size, the pieces joined are the same
 * text, the JSON parses to `toMatrixDoc`, and no piece is much longer than asked.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../scenarios/index';
import { scaledCluster } from '../../scenarios/scaled';
import { cellAt } from './compute';
import {
  chunked,
  computeMatrix,
  dropGroups,
  matrixCounts,
  matrixCsvChunks,
  matrixJsonChunks,
  matrixTextLines,
  toMatrixDoc,
  type Matrix,
  type MatrixDoc,
} from './index';
import type { OutputOptions } from './stream';

const m = computeMatrix(buildScenario('new-l2bridge', scaledCluster(3)));
const longestLine = (text: string) => Math.max(...text.split('\n').map((l) => l.length));

function pieces(gen: Iterable<string>): { text: string; sizes: number[] } {
  const all = [...gen];
  return { text: all.join(''), sizes: all.map((p) => p.length) };
}

describe('matrix outputs in pieces', () => {
  for (const onlyDrops of [false, true])
    it(`JSON parses to toMatrixDoc whatever the piece size${onlyDrops ? ', only drops' : ''}`, () => {
      const doc = JSON.parse(JSON.stringify(toMatrixDoc(m, { onlyDrops }))) as MatrixDoc;
      const big = pieces(matrixJsonChunks(m, { onlyDrops }));
      const small = pieces(matrixJsonChunks(m, { onlyDrops }, 500));
      expect(JSON.parse(big.text)).toEqual(doc);
      expect(small.text).toBe(big.text);
      expect(small.sizes.length).toBeGreaterThan(10);
      // A piece ends once it holds the size asked for: at most one line more.
      for (const n of small.sizes) expect(n).toBeLessThanOrEqual(500 + longestLine(big.text) + 2);
      // One item per line: a cell never spans lines.
      expect(big.text.split('\n').filter((l) => l.includes('"destination":'))).toHaveLength(
        doc.cells.length,
      );
    });

  it('CSV and text are the same text whatever the piece size', () => {
    const csv = pieces(matrixCsvChunks(m, {}));
    expect(pieces(matrixCsvChunks(m, {}, 64)).text).toBe(csv.text);
    expect(csv.text.split('\n')).toHaveLength(m.sources.length * m.destinations.length + 2);
    const lines = () => matrixTextLines(m, {}, matrixCounts(m));
    const text = pieces(chunked(lines(), '\n')).text;
    expect(pieces(chunked(lines(), '\n', 40)).text).toBe(text);
    expect(text).toBe([...lines()].join('\n') + '\n');
  });

  for (const onlyDrops of [false, true])
    it(`CSV is byte for byte the one-string CSV of before the pieces${onlyDrops ? ', only drops' : ''}`, () => {
      const want = csvAsBefore(m, { onlyDrops });
      expect(pieces(matrixCsvChunks(m, { onlyDrops })).text).toBe(want);
      const small = pieces(matrixCsvChunks(m, { onlyDrops }, 300));
      expect(small.text).toBe(want);
      expect(small.sizes.length).toBeGreaterThan(10);
      for (const n of small.sizes) expect(n).toBeLessThanOrEqual(300 + longestLine(want) + 1);
    });

  it('empty lists stay valid JSON', () => {
    const none: Matrix = { ...m, sources: [], destinations: [], rows: [] };
    expect(JSON.parse(pieces(matrixJsonChunks(none)).text)).toMatchObject({
      format: 'hnsviz.matrix/1',
      sources: [],
      destinations: [],
      cells: [],
    });
  });
});

describe('the text output', () => {
  it('lists the drops by deciding rule before the cells, most first, summing to the drops', () => {
    const ref = computeMatrix(buildScenario('new-l2bridge'));
    const lines = [...matrixTextLines(ref, { onlyDrops: true }, matrixCounts(ref))];
    const dropped = matrixCounts(ref).dropped;
    expect(lines[1]).toBe(
      `delivered ${matrixCounts(ref).delivered}, dropped ${dropped}, assumed 0`,
    );
    const groups = dropGroups(ref);
    expect(lines[2]).toBe(`Drops by deciding rule (${groups.length}):`);
    expect(groups.reduce((n, g) => n + g.cells, 0)).toBe(dropped);
    expect(groups.map((g) => g.cells)).toEqual(
      [...groups.map((g) => g.cells)].sort((a, b) => b - a),
    );
    // b2's NetworkPolicy drops the most: six sources, one cell each.
    expect(groups[0]).toEqual({
      what: 'ACL_ENDPOINT_LAYER / ACL_ENDPOINT_GROUP_IPV4_IN / policy-default.b2-allow-from-a2-deny priority 65000',
      cells: 6,
      sources: 6,
    });
    expect(lines[3]).toMatch(
      /^ {2}6 cells, 6 sources: ACL_ENDPOINT_LAYER \/ .*b2-allow-from-a2-deny/,
    );
    // At most ten groups shown, then one line for the rest, a blank line, then one per drop.
    const blank = lines.indexOf('');
    expect(blank).toBe(3 + Math.min(10, groups.length) + (groups.length > 10 ? 1 : 0));
    expect(lines.slice(blank + 1)).toHaveLength(dropped);
    expect(lines.slice(blank + 1).every((l) => l.startsWith('DROP    '))).toBe(true);
  });
});

/** `toMatrixCsv` as it was before the pieces (754f9ec^), kept as the reference. */
function csvAsBefore(m: Matrix, o: OutputOptions): string {
  const field = (v: string | number | null): string => {
    if (v === null) return '';
    let s = String(v);
    if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [
    'source_id,source,destination_id,destination,verdict,reason,at,layer,group,rule,priority,backend',
  ];
  m.sources.forEach((s, i) =>
    m.destinations.forEach((d, j) => {
      const c = cellAt(m, i, j);
      if (!c || (o.onlyDrops && c.verdict !== 'dropped')) return;
      const row = [s.id, s.label, d.id, d.label, c.verdict, c.reason, c.at, c.layer, c.group];
      lines.push([...row, c.rule, c.priority, c.backend].map(field).join(','));
    }),
  );
  return `${lines.join('\n')}\n`;
}
