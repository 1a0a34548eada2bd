// The import graph of the TypeScript sources, read from the text (relative specifiers only), and
// the cycles in it. Used by scripts/check-layers.mjs; small enough not to need a library.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const STATIC =
  /^[ \t]*(?:import|export)[ \t]+(type[ \t]+)?(?:[^'";]*?[ \t\n]from[ \t]+)?['"]([^'"\n]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;

/** Every .ts/.tsx file under `dir` (skipping __fixtures__ and node_modules). */
export function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory())
      return e.name === '__fixtures__' || e.name === 'node_modules' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function resolveSpec(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const c of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ])
    if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

/**
 * `file -> [{ to, typeOnly }]` for `files` (paths relative to `root`). `import type` and
 * `export type` are type-only (erased from the built code); everything else, including
 * `import { type X }` (kept as a side-effect import) and `import()`, is a runtime edge.
 */
export function importGraph(root, files) {
  const graph = new Map();
  for (const file of files) {
    const abs = resolve(root, file);
    const text = readFileSync(abs, 'utf8');
    const edges = [];
    for (const m of text.matchAll(STATIC)) {
      const to = resolveSpec(abs, m[2]);
      if (to) edges.push({ to: relative(root, to), typeOnly: m[1] !== undefined });
    }
    for (const m of text.matchAll(DYNAMIC)) {
      const to = resolveSpec(abs, m[1]);
      if (to) edges.push({ to: relative(root, to), typeOnly: false });
    }
    graph.set(file, edges);
  }
  return graph;
}

/** Strongly connected components with more than one member, or a self-loop (Tarjan). */
export function findCycles(adjacency) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of adjacency.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || (adjacency.get(v) ?? []).includes(v)) cycles.push(scc.sort());
  };
  for (const v of adjacency.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
