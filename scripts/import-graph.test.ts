import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCycles, importGraph } from './import-graph.mjs';

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

describe('importGraph', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads type-only, value and dynamic imports, so a cycle through types is one', () => {
    root = mkdtempSync(join(tmpdir(), 'import-graph-'));
    mkdirSync(join(root, 'slices'));
    const files: Record<string, string> = {
      'state.ts': "import type { A } from './slices/a';\nexport type S = A;\n",
      'slices/a.ts': "import type { S } from '../state';\nexport interface A { s?: S }\n",
      'slices/b.ts': "import { x } from './a';\nexport const y = () => import('../state');\n",
    };
    for (const [f, text] of Object.entries(files)) writeFileSync(join(root, f), text);
    const g = importGraph(root, Object.keys(files));
    expect(g.get('state.ts')).toEqual([{ to: 'slices/a.ts', typeOnly: true }]);
    expect(g.get('slices/b.ts')).toEqual([
      { to: 'slices/a.ts', typeOnly: false },
      { to: 'state.ts', typeOnly: false },
    ]);
    const adjacency = new Map([...g].map(([f, edges]) => [f, edges.map((e) => e.to)]));
    expect(findCycles(adjacency)).toEqual([['slices/a.ts', 'state.ts']]);
  });
});
