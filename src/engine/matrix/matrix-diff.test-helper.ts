/** Test helper: cells that differ between two matrices of the same topology, as readable lines. */
import { expect } from 'vitest';
import { cellAt, type Matrix } from './index';

export function differences(a: Matrix, b: Matrix): string[] {
  const out: string[] = [];
  expect(a.sources.map((s) => s.id)).toEqual(b.sources.map((s) => s.id));
  expect(a.destinations.map((d) => d.id)).toEqual(b.destinations.map((d) => d.id));
  a.sources.forEach((s, i) =>
    a.destinations.forEach((d, j) => {
      const x = JSON.stringify(cellAt(a, i, j));
      const y = JSON.stringify(cellAt(b, i, j));
      if (x !== y) out.push(`${s.label} -> ${d.label}: ${x} vs ${y}`);
    }),
  );
  return out;
}
