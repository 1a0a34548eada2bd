import { describe, expect, it } from 'vitest';
import { CellTable, cellKey } from './cell';
import type { MatrixCell } from './types';

const cell = (over: Partial<MatrixCell>): MatrixCell => ({
  verdict: 'delivered',
  reason: 'delivered to pod a1',
  at: null,
  layer: null,
  group: null,
  rule: null,
  priority: null,
  backend: null,
  ...over,
});

describe('cellKey / CellTable', () => {
  it('shares equal cells', () => {
    const t = new CellTable();
    expect(t.intern(cell({ rule: 'r' }))).toBe(t.intern(cell({ rule: 'r' })));
    expect(t.cells).toHaveLength(1);
  });

  it('keeps a rule named "null" apart from no rule', () => {
    const t = new CellTable();
    expect(t.intern(cell({ rule: null }))).not.toBe(t.intern(cell({ rule: 'null' })));
    expect(cellKey(cell({ priority: null }))).not.toBe(cellKey(cell({ backend: 'null' })));
  });

  it('keeps texts holding a separator from reading as other fields', () => {
    // Hostile names from a dump: the same characters split between two fields differently.
    const a = cell({ reason: 'x\u0001y', at: 'z' });
    const b = cell({ reason: 'x', at: 'y\u0001z' });
    expect(cellKey(a)).not.toBe(cellKey(b));
    const c = cell({ layer: '3:abc', group: 'd' });
    const d = cell({ layer: '3', group: ':abcd' });
    expect(cellKey(c)).not.toBe(cellKey(d));
  });

  it('keeps a priority apart from a text of its digits', () => {
    expect(cellKey(cell({ priority: 100, backend: null }))).not.toBe(
      cellKey(cell({ priority: null, backend: '100' })),
    );
  });
});
