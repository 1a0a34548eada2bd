/**
 * PowerShell's table view (`Format-Table`, `ft -AutoSize`, the default view of a few cmdlets):
 * a header row, a row of `--` groups, one row per object. Each dash group gives a column: it
 * starts where its header word starts and runs to the next column. Values PowerShell cut to fit
 * (`…`, `...`) are reported and dropped (a cut id or address is not that id or address; a cut
 * name is kept as printed). Wrapped rows (`ft -Wrap`) continue in lines whose first column is
 * empty.
 */

import { psScalar, psValue } from './ps-value';
import type { RawObject } from './raw';
import { setKey } from './raw';
import type { LineReader } from './reader';

const DASHES = /^\s*-+(?:\s+-+)*\s*$/;

interface Column {
  readonly start: number;
  readonly name: string;
}

/** Header names as the other renderings spell them. */
const KEY: Readonly<Record<string, string>> = {
  id: 'ID',
  mode: 'Type',
  networktype: 'Type',
};

/** The columns of a header row and its dash row, or null when they do not line up. */
function columnsOf(header: string, dashes: string): Column[] | null {
  if (!DASHES.test(dashes) || header.trim() === '') return null;
  const cols: Column[] = [];
  for (const g of dashes.matchAll(/-+/g)) {
    const word = header.slice(g.index, g.index + g[0].length);
    // The header word sits over its dashes (left- or right-aligned, same width).
    if (!/^\S/.test(word) && !/\S$/.test(word)) return null;
    if (g.index > 0 && header[g.index - 1] !== undefined && header[g.index - 1] !== ' ')
      return null;
    cols.push({ start: g.index, name: '' });
  }
  const named = cols.map((c, k) => {
    const next = cols[k + 1]?.start ?? header.length;
    const name = header.slice(c.start, next).trim();
    return { start: c.start, name: KEY[name.toLowerCase()] ?? name };
  });
  // Some column must be an HNS field, or this is another table (or prose over a rule).
  return named.some((c) => HNS_FIELDS.has(c.name.toLowerCase())) ? named : null;
}

const HNS_FIELDS = new Set([
  'id',
  'name',
  'type',
  'ipaddress',
  'isremoteendpoint',
  'virtualnetwork',
  'virtualnetworkname',
  'macaddress',
  'managementip',
  'subnets',
  'addressprefix',
  'hostcomputenetwork',
  'sourcevip',
  'vips',
  'state',
]);

const isCut = (v: string): boolean => v.endsWith('…') || v.endsWith('...');

export const psTableReader: LineReader = {
  name: 'ps-table',
  renderings: ['ps-table'],
  detect(line, i, s) {
    const next = s.doc.lines[i + 1];
    return next !== undefined && !DASHES.test(line) && columnsOf(line, next) !== null;
  },
  read(i, s) {
    const { doc, sink } = s;
    const cols = columnsOf(doc.lines[i] ?? '', doc.lines[i + 1] ?? '') ?? [];
    const rows: { cells: string[]; line: number }[] = [];
    let k = i + 2;
    for (; k < doc.lines.length; k++) {
      const line = doc.lines[k] ?? '';
      if (line.trim() === '' || s.isStop(line)) break;
      const cells = cols.map((c, j) =>
        line.slice(c.start, cols[j + 1]?.start ?? line.length).trim(),
      );
      const prev = rows[rows.length - 1];
      if (
        prev !== undefined &&
        cells[0] === '' &&
        line.slice(0, cols[1]?.start ?? 1).trim() === ''
      ) {
        // A wrapped row (`ft -Wrap`): the cells go on under their columns.
        cells.forEach((c, j) => {
          if (c !== '') prev.cells[j] = (prev.cells[j] ?? '') + c;
        });
        continue;
      }
      rows.push({ cells, line: doc.lineNo[k] ?? k + 1 });
    }
    const objects: RawObject[] = [];
    for (const row of rows) {
      const value: Record<string, unknown> = {};
      row.cells.forEach((cell, j) => {
        const col = cols[j]!;
        if (cell === '') return;
        if (isCut(cell) && col.name !== 'Name') {
          sink.add(
            'W_LIST_TRUNCATED',
            row.line,
            col.start + 1,
            `'${col.name}' was cut to fit the table ('${cell}'); the value was left out`,
            { hint: "re-run with 'Format-Table -AutoSize -Wrap' or 'Format-List'" },
          );
          return;
        }
        setKey(value, col.name, cell.startsWith('{') ? psValue(cell) : psScalar(cell));
      });
      if (Object.keys(value).length > 0)
        objects.push({ value, line: row.line, rendering: 'ps-table', hint: s.hint });
    }
    for (const o of objects) s.out.objects.push(o);
    s.out.renderings.add('ps-table');
    return k;
  },
};
