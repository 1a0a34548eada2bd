import { describe, expect, it } from 'vitest';
import { findCycles } from './import-graph.mjs';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('findCycles', () => {
  it('finds none in a DAG', () => {
    expect(findCycles(graph({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
  });

  it('finds each cycle once, with every member, and self-imports', () => {
    const cycles = findCycles(graph({ a: ['b'], b: ['c'], c: ['a', 'd'], d: ['d'], e: ['a'] }));
    expect(cycles).toEqual(expect.arrayContaining([['a', 'b', 'c'], ['d']]));
    expect(cycles).toHaveLength(2);
  });
});
